package org.ringlet.tools.cqlsh;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.metadata.Metadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import static java.util.Objects.requireNonNull;

/**
 * Tab completion for the shell: statement keywords, shell commands, keyspace and table names where a table is
 * expected, and the columns of the statement's table, taken from the driver's schema metadata.
 */
final class CqlCompleter implements Completer {
    static final List<String> FIRST_WORDS = List.of("ALTER", "APPLY", "BEGIN", "CAPTURE", "CLEAR", "CONSISTENCY",
            "CREATE", "DELETE", "DESC", "DESCRIBE", "DROP", "EXIT", "EXPAND", "GRANT", "HELP", "HISTORY", "INSERT",
            "LIST", "PAGING", "QUIT", "REVOKE", "SELECT", "SERIAL", "SHOW", "SOURCE", "TRACING", "TRUNCATE",
            "UPDATE", "USE");
    private static final List<String> KEYWORDS = List.of("ADD", "AGGREGATE", "ALL", "ALLOW", "AND", "APPLY", "AS",
            "ASC", "BATCH", "BY", "CLUSTERING", "COLUMNFAMILY", "COMPACT", "CONTAINS", "COUNT", "COUNTER", "CUSTOM",
            "DESC", "DISTINCT", "EXISTS", "FILTERING", "FROM", "FUNCTION", "GROUP", "IF", "IN", "INDEX", "INTO",
            "IS", "JSON", "KEY", "KEYSPACE", "KEYSPACES", "LIMIT", "LOGGED", "MATERIALIZED", "NOT", "NULL", "ON",
            "OR", "ORDER", "PARTITION", "PER", "PRIMARY", "REPLICATION", "SCHEMA", "SELECT", "SET", "STATIC",
            "TABLE", "TABLES", "TIMESTAMP", "TOKEN", "TTL", "TYPE", "UNLOGGED", "USING", "VALUES", "VIEW", "WHERE",
            "WITH", "WRITETIME");
    private static final List<String> LEVELS = List.of("ANY", "ONE", "TWO", "THREE", "QUORUM", "ALL", "LOCAL_ONE",
            "LOCAL_QUORUM", "EACH_QUORUM", "SERIAL", "LOCAL_SERIAL");
    private static final Set<String> TABLE_CONTEXT = Set.of("FROM", "INTO", "UPDATE", "TABLE", "TRUNCATE",
            "COLUMNFAMILY");
    private static final Pattern TABLE_REF = Pattern.compile(
            "(?i)\\b(?:FROM|INTO|UPDATE|TABLE|TRUNCATE)\\s+((?:\"[^\"]+\"|\\w+)(?:\\.(?:\"[^\"]+\"|\\w+))?)");

    private final Supplier<Optional<Metadata>> metadata;
    private final Supplier<String> keyspace;
    private final Supplier<String> pending;

    CqlCompleter(Supplier<Optional<Metadata>> metadata, Supplier<String> keyspace, Supplier<String> pending) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.keyspace = requireNonNull(keyspace, "keyspace is null");
        this.pending = requireNonNull(pending, "pending is null");
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String before = pending.get() + line.line().substring(0, line.cursor());
        for (String s : suggestions(before)) {
            candidates.add(new Candidate(s, s, null, null, null, null, !s.endsWith(".")));
        }
    }

    /** The words that may follow {@code before} (the statement text up to the cursor), matching the word begun. */
    List<String> suggestions(String before) {
        String partial = before.replaceAll("(?s).*[\\s(,=]", "");
        String upToWord = before.substring(0, before.length() - partial.length());
        List<String> words = new ArrayList<>();
        for (String w : upToWord.trim().split("[\\s(,=]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        Set<String> out = new LinkedHashSet<>();
        String previous = words.isEmpty() ? "" : words.get(words.size() - 1).toUpperCase(Locale.ROOT);
        if (words.isEmpty()) {
            out.addAll(FIRST_WORDS);
        } else if (partial.contains(".")) {
            String ks = partial.substring(0, partial.indexOf('.'));
            tablesOf(unquote(ks)).forEach(t -> out.add(ks + "." + t));
        } else if (TABLE_CONTEXT.contains(previous) || (words.size() == 1 && previous.startsWith("DESC"))) {
            keyspaceNames().forEach(k -> out.add(k + "."));
            String ks = keyspace.get();
            if (ks != null) {
                out.addAll(tablesOf(ks));
            }
            if (words.size() == 1) {
                out.addAll(List.of("KEYSPACES", "KEYSPACE", "TABLES", "TABLE", "TYPES", "TYPE", "FUNCTIONS",
                        "AGGREGATES", "CLUSTER", "SCHEMA", "FULL", "INDEX", "MATERIALIZED"));
            }
        } else if (previous.equals("USE") || previous.equals("KEYSPACE")) {
            out.addAll(keyspaceNames());
        } else if (previous.equals("CONSISTENCY")) {
            out.addAll(LEVELS);
        } else if (words.size() == 1 && Set.of("EXPAND", "PAGING", "TRACING").contains(previous)) {
            out.addAll(List.of("ON", "OFF"));
        } else if (words.size() == 1 && previous.equals("SERIAL")) {
            out.add("CONSISTENCY");
        } else {
            out.addAll(columnsOfStatement(before));
            out.addAll(KEYWORDS);
        }
        List<String> matches = new ArrayList<>();
        for (String s : out) {
            if (s.toLowerCase(Locale.ROOT).startsWith(partial.toLowerCase(Locale.ROOT))) {
                matches.add(s);
            }
        }
        return matches;
    }

    private List<String> keyspaceNames() {
        List<String> out = new ArrayList<>();
        metadata.get().ifPresent(m -> m.getKeyspaces().keySet().forEach(k -> out.add(k.asCql(true))));
        out.sort(null);
        return out;
    }

    private List<String> tablesOf(String ks) {
        List<String> out = new ArrayList<>();
        metadata.get().flatMap(m -> m.getKeyspace(CqlIdentifier.fromInternal(ks)))
                .ifPresent(k -> k.getTables().keySet().forEach(t -> out.add(t.asCql(true))));
        out.sort(null);
        return out;
    }

    private List<String> columnsOfStatement(String text) {
        Matcher m = TABLE_REF.matcher(text);
        if (!m.find()) {
            return List.of();
        }
        String ref = m.group(1);
        String ks = keyspace.get();
        String table = ref;
        int dot = ref.indexOf('.');
        if (dot > 0) {
            ks = unquote(ref.substring(0, dot));
            table = ref.substring(dot + 1);
        }
        if (ks == null) {
            return List.of();
        }
        String tableName = unquote(table);
        String ksName = ks;
        Optional<TableMetadata> meta = metadata.get()
                .flatMap(md -> md.getKeyspace(CqlIdentifier.fromInternal(ksName)))
                .flatMap(k -> k.getTable(CqlIdentifier.fromInternal(tableName)));
        List<String> out = new ArrayList<>();
        meta.ifPresent(t -> t.getColumns().keySet().forEach(c -> out.add(c.asCql(true))));
        return out;
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
