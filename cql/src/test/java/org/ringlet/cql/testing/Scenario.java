package org.ringlet.cql.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.types.CqlType;

/**
 * Runs a scenario of the peer harness ({@code /work/shared/peer/cqldiff.py}: one statement per line, {@code --!}
 * directives) through a node's query handler and prints what {@code cqldiff.py run} prints for a real server, so
 * the output can be compared byte for byte with a recorded Cassandra 5.0.6 run. Rows are normalised as the
 * harness does (partitions sorted, clustering order kept, ...).
 */
public final class Scenario {
    private static final String IDENT = "(?:\"[^\"]+\"|\\w+)";
    private static final Pattern USE = Pattern.compile("\\s*USE\\s+(" + IDENT + ")\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_TABLE = Pattern.compile("\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?("
            + IDENT + "(?:\\." + IDENT + ")?)\\s*\\((.*)\\)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SELECT_FROM = Pattern.compile("\\s*SELECT\\b.*?\\bFROM\\s+(" + IDENT + "(?:\\."
            + IDENT + ")?)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ORDER_BY = Pattern.compile("\\bORDER\\s+BY\\b", Pattern.CASE_INSENSITIVE);

    private final CqlTestNode node;
    private String keyspace;
    private final Map<List<String>, List<String>> partitionKeys = new HashMap<>();

    private Scenario(CqlTestNode node) {
        this.node = node;
    }

    /** One statement of a scenario with its line number and directives. */
    private record Statement(int line, String text, Map<String, String> directives, Set<String> mask) {
    }

    /** The harness's output of running the scenario file on the node. */
    public static String run(CqlTestNode node, Path file) throws IOException {
        Scenario s = new Scenario(node);
        StringBuilder out = new StringBuilder();
        for (Statement st : parse(Files.readAllLines(file, StandardCharsets.UTF_8))) {
            String sleep = st.directives().get("sleep");
            if (sleep != null) {
                // the scenario waits for real time to pass (e.g. a TTL to expire): the node's clock moves instead
                node.clock.advance(java.time.Duration.ofMillis(Math.round(Double.parseDouble(sleep) * 1000)));
            }
            out.append('[').append(st.line()).append("] ").append(st.text()).append('\n');
            List<String> warnings = new ArrayList<>();
            for (String line : s.execute(st, warnings)) {
                out.append("  ").append(line).append('\n');
            }
            for (String w : warnings) {
                out.append("  warning: ").append(w.replace("\n", "\\n")).append('\n');
            }
            s.observe(st.text());
        }
        return out.toString();
    }

    private static List<Statement> parse(List<String> lines) {
        List<Statement> out = new ArrayList<>();
        Map<String, String> pending = new HashMap<>();
        Set<String> mask = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("--!") && line.substring(3).strip().startsWith("bind=")) {
                pending.put("bind", line.substring(3).strip().substring("bind=".length()).strip());
                continue;
            }
            if (line.startsWith("--!")) {
                for (String d : line.substring(3).split(",")) {
                    d = d.strip();
                    int eq = d.indexOf('=');
                    if (d.isEmpty()) {
                        continue;
                    } else if (eq < 0) {
                        pending.put(d, "true");
                    } else if (d.substring(0, eq).strip().equals("mask")) {
                        for (String c : d.substring(eq + 1).split("\\|")) {
                            mask.add(c.strip().toLowerCase(Locale.ROOT));
                        }
                    } else {
                        pending.put(d.substring(0, eq).strip(), d.substring(eq + 1).strip());
                    }
                }
                continue;
            }
            if (line.startsWith("--") || line.startsWith("//") || line.startsWith("#")) {
                continue;
            }
            if (line.endsWith(";")) {
                line = line.substring(0, line.length() - 1).stripTrailing();
            }
            out.add(new Statement(i + 1, line, pending, mask));
            pending = new HashMap<>();
            mask = new HashSet<>();
        }
        return out;
    }

    private List<String> execute(Statement st, List<String> warnings) {
        List<String> lines = new ArrayList<>();
        int fetch = Integer.parseInt(st.directives().getOrDefault("fetch", "5000"));
        try {
            QueryOptions options = QueryOptions.of(ConsistencyLevel.LOCAL_ONE).withPaging(fetch, null);
            String bind = st.directives().get("bind");
            Result.Prepared prepared = null;
            if (bind != null) {
                // prepared and executed with bound values, as conformance_check.py does with the Python driver
                prepared = (Result.Prepared) join(node.handler.prepare(node.client, st.text(), null)).result();
                List<String> markers = new ArrayList<>();
                for (ColumnSpec c : prepared.bindVariables()) {
                    markers.add(c.name() + " " + DriverFormat.typeName(c.type()));
                }
                lines.add("bind: " + String.join(", ", markers));
                options = options.withValues(BindValues.bind(bind, prepared.bindVariables()));
            }
            Response response = run(st.text(), prepared, options);
            warnings.addAll(response.warnings());
            if (!(response.result() instanceof Result.Rows first)) {
                lines.add("OK");
                return lines;
            }
            List<String> cols = new ArrayList<>();
            for (ColumnSpec c : first.columns()) {
                cols.add(c.name() + " " + DriverFormat.typeName(c.type()));
            }
            lines.add("columns: " + String.join(", ", cols));
            List<List<String>> rows = new ArrayList<>();
            Result.Rows page = first;
            while (true) {
                for (List<ByteBuffer> row : page.rows()) {
                    rows.add(format(first.columns(), row, st.mask()));
                }
                if (page.pagingState() == null) {
                    break;
                }
                // the harness reports the warnings of the first page, as the Python driver's result does
                Response next = run(st.text(), prepared, options.withPaging(fetch, page.pagingState()));
                page = (Result.Rows) next.result();
            }
            List<String> names = first.columns().stream().map(ColumnSpec::name).toList();
            String how = normalise(st, names, rows);
            for (List<String> r : rows) {
                lines.add("row: " + String.join(" | ", r));
            }
            lines.add("(" + rows.size() + " rows" + (rows.size() <= 1 ? "" : "; " + how) + ")");
        } catch (RingletException e) {
            lines.add(DriverFormat.error(e));
        }
        return lines;
    }

    private Response run(String text, Result.Prepared prepared, QueryOptions options) {
        if (prepared == null) {
            return node.execute(text, options);
        }
        return join(node.handler.execute(node.client, prepared.id(), prepared.resultMetadataId(), options));
    }

    private static Response join(java.util.concurrent.CompletionStage<Response> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static List<String> format(List<ColumnSpec> columns, List<ByteBuffer> row, Set<String> mask) {
        List<String> out = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            ByteBuffer v = row.get(i);
            if (mask.contains(columns.get(i).name().toLowerCase(Locale.ROOT))) {
                out.add(v == null ? "null" : "<set>");
            } else {
                out.add(DriverFormat.value(columns.get(i).type(), v));
            }
        }
        return out;
    }

    private static final Comparator<List<String>> ROWS = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    /** Reorders the rows as the harness does; returns how. */
    private String normalise(Statement st, List<String> cols, List<List<String>> rows) {
        if (st.directives().containsKey("sort")) {
            rows.sort(ROWS);
            return "sorted";
        }
        if (st.directives().containsKey("ordered") || ORDER_BY.matcher(st.text()).find() || rows.size() <= 1) {
            return "server order";
        }
        Matcher m = SELECT_FROM.matcher(st.text());
        List<String> pk = m.lookingAt() ? partitionKeys.get(qualify(m.group(1))) : null;
        List<String> lc = cols.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        if (pk != null && lc.containsAll(pk)) {
            Map<List<String>, List<List<String>>> groups = new LinkedHashMap<>();
            for (List<String> r : rows) {
                List<String> key = pk.stream().map(c -> r.get(lc.indexOf(c))).toList();
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
            List<List<String>> keys = new ArrayList<>(groups.keySet());
            keys.sort(ROWS);
            rows.clear();
            keys.forEach(k -> rows.addAll(groups.get(k)));
            return "partitions sorted, clustering order kept";
        }
        if (pk != null) {
            String[] where = Pattern.compile("\\bWHERE\\b", Pattern.CASE_INSENSITIVE).split(st.text(), 2);
            if (where.length == 2 && pk.stream().allMatch(c -> Pattern.compile("\\b" + Pattern.quote(c) + "\\s*=",
                    Pattern.CASE_INSENSITIVE).matcher(where[1]).find())) {
                return "single partition, server order";
            }
        }
        rows.sort(ROWS);
        return "sorted";
    }

    private static String unquote(String name) {
        return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name.toLowerCase(Locale.ROOT);
    }

    private List<String> qualify(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? List.of(String.valueOf(keyspace), unquote(name))
                : List.of(unquote(name.substring(0, dot)), unquote(name.substring(dot + 1)));
    }

    /** Learns the keyspace in use and the partition keys of created tables, as the harness does. */
    private void observe(String statement) {
        Matcher use = USE.matcher(statement);
        if (use.lookingAt()) {
            keyspace = unquote(use.group(1));
            return;
        }
        Matcher create = CREATE_TABLE.matcher(statement);
        if (!create.lookingAt()) {
            return;
        }
        List<String> key = qualify(create.group(1));
        String body = create.group(2);
        List<String> pk = null;
        Matcher mm = Pattern.compile("PRIMARY\\s+KEY\\s*\\(\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE).matcher(body);
        if (mm.find()) {
            pk = new ArrayList<>();
            for (String c : mm.group(1).split(",")) {
                if (!c.strip().isEmpty()) {
                    pk.add(unquote(c.strip()));
                }
            }
        } else if ((mm = Pattern.compile("PRIMARY\\s+KEY\\s*\\(\\s*(" + IDENT + ")", Pattern.CASE_INSENSITIVE)
                .matcher(body)).find()) {
            pk = List.of(unquote(mm.group(1)));
        } else if ((mm = Pattern.compile("(" + IDENT + ")\\s+[\\w<>, ]+?\\s+(?:STATIC\\s+)?PRIMARY\\s+KEY",
                Pattern.CASE_INSENSITIVE).matcher(body)).find()) {
            pk = List.of(unquote(mm.group(1)));
        }
        if (pk != null) {
            partitionKeys.putIfAbsent(key, pk);
        }
    }
}
