package org.ringlet.tools.cqlsh;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import org.ringlet.tools.cqlsh.format.Ansi;

/** cqlsh's own commands: CONSISTENCY, EXPAND, PAGING, DESCRIBE, SOURCE, HELP and the others. Not thread-safe. */
final class ShellCommands {
    static final String CQLSH_VERSION = "6.2.0";
    private static final Set<String> LEVELS = Set.of("ANY", "ONE", "TWO", "THREE", "QUORUM", "ALL", "LOCAL_QUORUM",
            "EACH_QUORUM", "SERIAL", "LOCAL_SERIAL", "LOCAL_ONE");

    private final Shell shell;
    private final ShellContext ctx;
    private final QueryOutput queries;

    ShellCommands(Shell shell, QueryOutput queries) {
        this.shell = shell;
        this.ctx = shell.ctx;
        this.queries = queries;
    }

    private static List<String> words(StatementSplitter.Statement st) {
        String body = st.body();
        return body.isEmpty() ? List.of() : Arrays.asList(body.split("\\s+"));
    }

    private void improper(StatementSplitter.Statement st) {
        shell.printErr("Improper " + words(st).get(0) + " command.");
    }

    void showHost() {
        ctx.print("Connected to " + ctx.applyColor(ctx.versions.clusterName(), Ansi.BLUE) + " at " + ctx.host + ":"
                + ctx.port);
    }

    void showVersion() {
        ShellContext.Versions v = ctx.versions;
        ctx.print("[cqlsh " + CQLSH_VERSION + " | " + v.product() + " | CQL spec " + v.cqlVersion()
                + " | Native protocol v" + v.protocol() + "]");
    }

    void consistency(StatementSplitter.Statement st) {
        List<String> w = words(st);
        if (w.size() == 1) {
            ctx.print("Current consistency level is " + shell.state.consistency.name() + ".");
            return;
        }
        String level = w.get(1).toUpperCase(Locale.ROOT);
        if (w.size() > 2 || !LEVELS.contains(level)) {
            improper(st);
            return;
        }
        shell.state.consistency = DefaultConsistencyLevel.valueOf(level);
        ctx.print("Consistency level set to " + level + ".");
    }

    void serialConsistency(StatementSplitter.Statement st) {
        List<String> w = words(st);
        if (w.size() < 2 || !w.get(1).equalsIgnoreCase("CONSISTENCY")) {
            improper(st);
            return;
        }
        if (w.size() == 2) {
            ctx.print("Current serial consistency level is " + shell.state.serialConsistency.name() + ".");
            return;
        }
        String level = w.get(2).toUpperCase(Locale.ROOT);
        if (w.size() > 3 || !(level.equals("SERIAL") || level.equals("LOCAL_SERIAL"))) {
            improper(st);
            return;
        }
        shell.state.serialConsistency = DefaultConsistencyLevel.valueOf(level);
        ctx.print("Serial consistency level set to " + level + ".");
    }

    /** An ON/OFF switch (TRACING, EXPAND): prints what cqlsh prints and returns the new state. */
    boolean toggle(StatementSplitter.Statement st, String command, String description, boolean state) {
        List<String> w = words(st);
        if (w.size() == 1) {
            printSwitchState(command, description, state);
            return state;
        }
        String value = w.get(1).toUpperCase(Locale.ROOT);
        if (w.size() > 2 || !(value.equals("ON") || value.equals("OFF"))) {
            improper(st);
            return state;
        }
        return switchTo(value.equals("ON"), command, description, state);
    }

    private void printSwitchState(String command, String description, boolean state) {
        if (state) {
            ctx.print(description + " is currently enabled. Use " + command + " OFF to disable");
        } else {
            ctx.print(description + " is currently disabled. Use " + command + " ON to enable.");
        }
    }

    private boolean switchTo(boolean on, String command, String description, boolean state) {
        if (on) {
            if (state) {
                shell.printErr(description + " is already enabled. Use " + command + " OFF to disable.");
                return true;
            }
            ctx.print("Now " + description + " is enabled");
            return true;
        }
        if (!state) {
            shell.printErr(description + " is not enabled.");
            return false;
        }
        ctx.print("Disabled " + description + ".");
        return false;
    }

    void paging(StatementSplitter.Statement st) {
        List<String> w = words(st);
        ShellState s = shell.state;
        Integer requested = null;
        if (w.size() == 1) {
            printSwitchState("PAGING", "Query paging", s.paging);
        } else if (w.size() == 2 && w.get(1).matches("[0-9]+")) {
            requested = Integer.parseInt(w.get(1));
            s.paging = true;
        } else if (w.size() == 2 && (w.get(1).equalsIgnoreCase("ON") || w.get(1).equalsIgnoreCase("OFF"))) {
            s.paging = switchTo(w.get(1).equalsIgnoreCase("ON"), "PAGING", "Query paging", s.paging);
        } else {
            improper(st);
            return;
        }
        if (s.paging && requested != null) {
            s.pageSize = requested;
        }
        if (s.paging) {
            ctx.print("Page size: " + s.pageSize);
        } else {
            s.pageSize = ShellState.DEFAULT_PAGE_SIZE;
        }
    }

    void use(StatementSplitter.Statement st) {
        List<String> w = words(st);
        if (queries.perform(st.text()) && w.size() >= 2) {
            String name = st.body().substring(w.get(0).length()).strip();
            shell.state.keyspace = name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2
                    ? name.substring(1, name.length() - 1).replace("\"\"", "\"")
                    : name.toLowerCase(Locale.ROOT);
            shell.resetPrompt();
        }
    }

    void exit(StatementSplitter.Statement st) {
        shell.stop();
    }

    void clear(StatementSplitter.Statement st) {
        if (shell.tty) {
            ctx.out.print("\033[H\033[2J");
            ctx.out.flush();
        }
    }

    void history(StatementSplitter.Statement st) {
        List<String> w = words(st);
        if (w.size() == 2 && w.get(1).matches("[0-9]+")) {
            shell.state.historyShown = Integer.parseInt(w.get(1));
        } else if (w.size() != 1) {
            improper(st);
            return;
        }
        List<String> items = ctx.history.get();
        int length = items.size();
        for (int i = Math.max(0, length - 1 - shell.state.historyShown); i < length - 1; i++) {
            ctx.print(items.get(i));
        }
    }

    void login(StatementSplitter.Statement st) {
        shell.printErr("LOGIN is not supported by this cqlsh: start it again with -u and -p.");
    }

    void show(StatementSplitter.Statement st) {
        List<String> w = words(st);
        String what = w.size() >= 2 ? w.get(1).toLowerCase(Locale.ROOT) : "";
        if (what.equals("version") && w.size() == 2) {
            showVersion();
        } else if (what.equals("host") && w.size() == 2) {
            showHost();
        } else {
            improper(st);
        }
    }

    void capture(StatementSplitter.Statement st) {
        String arg = st.body().substring(words(st).get(0).length()).strip();
        if (arg.isEmpty()) {
            if (ctx.captureFile != null) {
                ctx.print("Currently capturing query output to " + ErrorMessages.pyString(ctx.captureFile) + ".");
            } else {
                ctx.print("Currently not capturing query output.");
            }
            return;
        }
        if (arg.equalsIgnoreCase("OFF")) {
            if (ctx.captureFile == null) {
                shell.printErr("Not currently capturing output.");
                return;
            }
            ctx.queryOut.close();
            ctx.queryOut = ctx.out;
            ctx.captureFile = null;
            return;
        }
        if (ctx.captureFile != null) {
            shell.printErr("Already capturing output to " + ctx.captureFile + ". Use CAPTURE OFF to disable.");
            return;
        }
        Optional<String> name = stringLiteral(arg);
        if (name.isEmpty()) {
            improper(st);
            return;
        }
        String fname = expandUser(name.get());
        try {
            ctx.queryOut = new PrintStream(Files.newOutputStream(Path.of(fname),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            shell.printErr("Could not open " + ErrorMessages.pyString(fname) + " for append: " + ioReason(e, fname));
            return;
        }
        ctx.captureFile = fname;
        ctx.print("Now capturing query output to " + ErrorMessages.pyString(fname) + ".");
    }

    void source(StatementSplitter.Statement st) {
        String arg = st.body().substring(words(st).get(0).length()).strip();
        Optional<String> name = stringLiteral(arg);
        if (name.isEmpty()) {
            improper(st);
            return;
        }
        String fname = expandUser(name.get());
        String text;
        try {
            text = Files.readString(Path.of(fname), StandardCharsets.UTF_8);
        } catch (IOException e) {
            shell.printErr("Could not open " + ErrorMessages.pyString(fname) + ": " + ioReason(e, fname));
            return;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        ShellState sub = new ShellState();
        sub.keyspace = shell.state.keyspace;
        sub.tracing = shell.state.tracing;
        Shell subshell = new Shell(ctx, sub, LineSource.of(new java.io.StringReader(text), fname), false);
        subshell.run(null);
        if (sub.keyspace != null && !sub.keyspace.equals(shell.state.keyspace)) {
            shell.state.keyspace = sub.keyspace;
            shell.resetPrompt();
        }
    }

    void help(StatementSplitter.Statement st) {
        List<String> w = words(st);
        if (w.size() == 1) {
            printTopics("\nDocumented shell commands:", new ArrayList<>(HelpTopics.SHELL.keySet()));
            printTopics("CQL help topics:", HelpTopics.CQL_TOPICS);
            return;
        }
        for (String topic : w.subList(1, w.size())) {
            String key = topic.toLowerCase(Locale.ROOT);
            if (HelpTopics.SHELL.containsKey(key)) {
                ctx.out.print(HelpTopics.SHELL.get(key) + "\n");
            } else if (HelpTopics.CQL_TOPICS.contains(topic.toUpperCase(Locale.ROOT))) {
                shell.printErr("*** No browser to display CQL help. URL for help topic " + topic + " : "
                        + HelpTopics.CQL_REFERENCE);
            } else {
                shell.printErr("*** No help on " + topic);
            }
        }
    }

    private void printTopics(String header, List<String> topics) {
        ctx.print(header);
        ctx.print("=".repeat(header.length()));
        TreeSet<String> sorted = new TreeSet<>();
        topics.forEach(t -> sorted.add(t.toUpperCase(Locale.ROOT)));
        for (String line : Columnize.lines(new ArrayList<>(sorted), 79)) {
            ctx.print(line);
        }
        ctx.print("");
    }

    void describe(StatementSplitter.Statement st) {
        List<String> w = words(st);
        if (w.size() < 2) {
            improper(st);
            return;
        }
        String what = w.get(1).toLowerCase(Locale.ROOT);
        SimpleStatement stmt = SimpleStatement.newInstance(st.body())
                .setConsistencyLevel(DefaultConsistencyLevel.LOCAL_ONE)
                .setPageSize(shell.state.paging ? shell.state.pageSize : Integer.MAX_VALUE)
                .setTimeout(Duration.ofSeconds(ctx.requestTimeoutSeconds));
        List<Row> rows = new ArrayList<>();
        List<String> warnings;
        try {
            AsyncResultSet rs = QueryOutput.await(ctx.session.executeAsync(stmt));
            warnings = rs.getExecutionInfo().getWarnings();
            while (true) {
                rs.currentPage().forEach(rows::add);
                if (!rs.hasMorePages()) {
                    break;
                }
                rs = QueryOutput.await(rs.fetchNextPage());
            }
        } catch (RuntimeException e) {
            String message = ErrorMessages.describe(e);
            int at = message.indexOf("message=");
            String shown = at < 0 ? "" : message.substring(at + "message=".length());
            shell.printErr(stripQuotes(shown));
            return;
        }
        switch (what) {
            case "columnfamilies", "tables", "types", "functions", "aggregates" -> describeList(rows);
            case "keyspaces" -> {
                ctx.print("");
                columnize(rows.stream().map(r -> r.getString("name")).toList());
                ctx.print("");
            }
            case "cluster" -> describeCluster(rows);
            default -> {
                for (Row r : rows) {
                    ctx.print("");
                    ctx.queryOut.print(r.getString("create_statement"));
                    ctx.print("");
                }
            }
        }
        queries.printWarnings(warnings);
    }

    private static String stripQuotes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '"') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '"') {
            end--;
        }
        return s.substring(start, end);
    }

    private void describeList(List<Row> rows) {
        String keyspace = null;
        List<String> names = new ArrayList<>();
        for (Row row : rows) {
            String ks = row.getString("keyspace_name");
            if (!ks.equals(keyspace)) {
                if (keyspace != null) {
                    printElementNames(keyspace, names);
                }
                keyspace = ks;
                names = new ArrayList<>();
            }
            names.add(row.getString("name"));
        }
        if (keyspace != null) {
            printElementNames(keyspace, names);
            ctx.print("");
        }
    }

    private void printElementNames(String keyspace, List<String> names) {
        ctx.print("");
        if (shell.state.keyspace == null) {
            ctx.print("Keyspace " + keyspace);
            ctx.print("---------" + "-".repeat(keyspace.length()));
        }
        columnize(names);
    }

    private void columnize(List<String> names) {
        Columnize.lines(names, 80).forEach(ctx::print);
    }

    private void describeCluster(List<Row> rows) {
        for (Row row : rows) {
            ctx.print("\nCluster: " + row.getString("cluster"));
            ctx.print("Partitioner: " + row.getString("partitioner"));
            ctx.print("Snitch: " + row.getString("snitch") + "\n");
            if (row.getColumnDefinitions().contains("range_ownership")) {
                ctx.print("Range ownership:");
                Map<String, List<String>> ranges = row.getMap("range_ownership", String.class,
                        (Class<List<String>>) (Class<?>) List.class);
                for (Map.Entry<String, List<String>> e : ranges.entrySet()) {
                    ctx.print(String.format(" %39s  [%s]", e.getKey(), String.join(", ", e.getValue())));
                }
                ctx.print("");
            }
        }
    }

    /** The content of a CQL string literal ({@code 'a''b'} → {@code a'b}), or empty when it is not one. */
    static Optional<String> stringLiteral(String s) {
        if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
            return Optional.of(s.substring(1, s.length() - 1).replace("''", "'"));
        }
        if (s.length() >= 4 && s.startsWith("$$") && s.endsWith("$$")) {
            return Optional.of(s.substring(2, s.length() - 2));
        }
        return Optional.empty();
    }

    private static String expandUser(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return System.getProperty("user.home") + path.substring(1);
        }
        return path;
    }

    private static String ioReason(IOException e, String fname) {
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
            return "[Errno 2] No such file or directory: " + ErrorMessages.pyString(fname);
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "[Errno 13] Permission denied: " + ErrorMessages.pyString(fname);
        }
        return String.valueOf(e.getMessage());
    }
}
