package org.ringlet.tools.cqlsh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.ColumnDefinitions;
import com.datastax.oss.driver.api.core.cql.ExecutionInfo;
import com.datastax.oss.driver.api.core.cql.QueryTrace;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.TraceEvent;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import org.ringlet.tools.cqlsh.format.Ansi;
import org.ringlet.tools.cqlsh.format.FormattedValue;

/** Runs CQL statements and prints their results, warnings and traces as cqlsh does. Not thread-safe. */
final class QueryOutput {
    private final Shell shell;
    private final ShellContext ctx;

    QueryOutput(Shell shell) {
        this.shell = shell;
        this.ctx = shell.ctx;
    }

    /** A statement with the shell's consistency levels and paging. */
    SimpleStatement statement(String cql) {
        SimpleStatement st = SimpleStatement.newInstance(cql)
                .setConsistencyLevel(shell.state.consistency)
                .setSerialConsistencyLevel(shell.state.serialConsistency)
                .setPageSize(shell.state.paging ? shell.state.pageSize : Integer.MAX_VALUE)
                .setTimeout(Duration.ofSeconds(ctx.requestTimeoutSeconds));
        return st;
    }

    /**
     * Runs a statement, printing an error if it fails.
     *
     * @return the result, or empty after an error
     */
    Optional<AsyncResultSet> execute(SimpleStatement st) {
        AsyncResultSet rs;
        try {
            rs = await(ctx.session.executeAsync(st));
        } catch (RuntimeException e) {
            shell.printErr(ErrorMessages.describe(e));
            return Optional.empty();
        }
        if (!rs.getExecutionInfo().isSchemaInAgreement()) {
            shell.printErr("Warning: schema version mismatch detected; check the schema versions of your "
                    + "nodes in system.local and system.peers.");
        }
        return Optional.of(rs);
    }

    /** cqlsh's {@code perform_statement}: runs CQL and prints rows, warnings and the trace. */
    boolean perform(String cql) {
        String lower = cql.strip().toLowerCase(Locale.ROOT);
        boolean tracing = shell.state.tracing && !(lower.startsWith("select") && selectsFromTraces(lower));
        SimpleStatement st = statement(cql).setTracing(tracing);
        Optional<AsyncResultSet> result = execute(st);
        if (result.isEmpty()) {
            return false;
        }
        AsyncResultSet rs = result.get();
        ExecutionInfo info = rs.getExecutionInfo();
        if (lower.startsWith("select") || lower.startsWith("list")) {
            printResult(rs);
        } else if (rs.remaining() > 0) {
            ctx.writeResult("", null);
            printPage(rs, true, shell.tty, 0);
        }
        ctx.queryOut.flush();
        printWarnings(info.getWarnings());
        if (tracing) {
            printTrace(info);
        }
        return true;
    }

    private boolean selectsFromTraces(String lower) {
        return lower.contains("system_traces.") || "system_traces".equals(shell.state.keyspace);
    }

    void printWarnings(List<String> warnings) {
        if (warnings == null || warnings.isEmpty()) {
            return;
        }
        ctx.writeResult("", null);
        ctx.writeResult("Warnings :", null);
        for (String w : warnings) {
            ctx.writeResult(w, null);
            ctx.writeResult("", null);
        }
    }

    /** cqlsh's {@code print_result}: every page, then {@code (N rows)}. */
    void printResult(AsyncResultSet first) {
        ctx.writeResult("", null);
        AsyncResultSet rs = first;
        int rows = 0;
        boolean isFirst = true;
        while (true) {
            int available = rs.remaining();
            if (available > 0 || isFirst) {
                printPage(rs, isFirst || shell.tty, shell.tty, rows);
                rows += available;
            }
            if (!rs.hasMorePages()) {
                if (!shell.tty) {
                    ctx.writeResult("", null);
                }
                break;
            }
            if (shell.tty) {
                try {
                    shell.input().readLine("---MORE---");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            rs = await(rs.fetchNextPage());
            isFirst = false;
        }
        ctx.writeResult("(" + rows + " rows)", null);
    }

    /** Waits for an asynchronous request; failures are rethrown as they are (unwrapped). */
    static AsyncResultSet await(java.util.concurrent.CompletionStage<AsyncResultSet> stage) {
        try {
            return stage.toCompletableFuture().get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = ErrorMessages.unwrap(e);
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** cqlsh's {@code print_static_result} for the rows of the current page (consumed from the result). */
    private void printPage(AsyncResultSet rs, boolean withHeader, boolean tty, int rowOffset) {
        ColumnDefinitions defs = rs.getColumnDefinitions();
        if (defs.size() == 0) {
            return;
        }
        TableMetadata table = tableOf(defs);
        List<FormattedValue> names = new ArrayList<>();
        for (ColumnDefinition d : defs) {
            names.add(ctx.formatter.formatName(d.getName().asInternal(), nameColor(table, d.getName().asInternal())));
        }
        int available = rs.remaining();
        if (available == 0) {
            print(ResultLayout.table(names, null, true, tty, ctx.color));
            return;
        }
        ProtocolVersion version = ctx.session.getContext().getProtocolVersion();
        CodecRegistry codecs = ctx.session.getContext().getCodecRegistry();
        List<List<FormattedValue>> values = new ArrayList<>(available);
        for (Row row : rs.currentPage()) {
            List<FormattedValue> line = new ArrayList<>(defs.size());
            for (int i = 0; i < defs.size(); i++) {
                ByteBuffer raw = row.getBytesUnsafe(i);
                line.add(ctx.formatter.formatCell(defs.get(i).getType(), raw, version, codecs));
            }
            values.add(line);
        }
        if (shell.state.expand) {
            print(ResultLayout.vertical(names, values, rowOffset, ctx.color));
        } else {
            print(ResultLayout.table(names, values, withHeader, tty, ctx.color));
        }
    }

    private void print(List<String> lines) {
        for (String line : lines) {
            ctx.writeResult(line, null);
        }
    }

    private TableMetadata tableOf(ColumnDefinitions defs) {
        if (!ctx.color) {
            return null;
        }
        ColumnDefinition d = defs.get(0);
        return ctx.session.getMetadata().getKeyspace(d.getKeyspace())
                .flatMap(k -> k.getTable(d.getTable())).orElse(null);
    }

    static String nameColor(TableMetadata table, String name) {
        if (table == null) {
            return Ansi.MAGENTA;
        }
        for (ColumnMetadata c : table.getPartitionKey()) {
            if (c.getName().asInternal().equals(name)) {
                return Ansi.RED;
            }
        }
        if (table.getClusteringColumns().keySet().stream().anyMatch(c -> c.getName().asInternal().equals(name))) {
            return Ansi.CYAN;
        }
        return table.getColumn(CqlIdentifier.fromInternal(name))
                .filter(ColumnMetadata::isStatic).isPresent() ? Ansi.WHITE : Ansi.MAGENTA;
    }

    /** cqlsh's {@code print_trace}. */
    void printTrace(ExecutionInfo info) {
        QueryTrace trace;
        try {
            trace = info.getQueryTrace();
        } catch (RuntimeException e) {
            shell.printErr("Unable to fetch query trace: " + ErrorMessages.describe(e));
            return;
        }
        List<List<FormattedValue>> rows = new ArrayList<>();
        String coordinator = trace.getCoordinatorAddress().getAddress().getHostAddress();
        String client = traceClient(trace.getTracingId());
        rows.add(traceRow(trace.getRequestType(), trace.getStartedAt(), coordinator, "0", client));
        for (TraceEvent e : trace.getEvents()) {
            rows.add(traceRow(e.getActivity() + " [" + e.getThreadName() + "]", e.getTimestamp(),
                    e.getSourceAddress().getAddress().getHostAddress(),
                    String.valueOf(e.getSourceElapsedMicros()), client));
        }
        rows.add(traceRow("Request complete", trace.getStartedAt() + trace.getDurationMicros() / 1000, coordinator,
                String.valueOf(trace.getDurationMicros()), client));
        List<FormattedValue> names = new ArrayList<>();
        for (String n : List.of("activity", "timestamp", "source", "source_elapsed", "client")) {
            names.add(ctx.formatter.formatName(n, Ansi.MAGENTA));
        }
        ctx.writeResult("", null);
        ctx.queryOut.print(ctx.applyColor("Tracing session: ", Ansi.MAGENTA));
        ctx.writeResult(trace.getTracingId().toString(), null);
        ctx.writeResult("", null);
        print(ResultLayout.table(names, rows, true, shell.tty, ctx.color));
        ctx.writeResult("", null);
    }

    /** The client of a trace session, as {@code system_traces.sessions} has it (the driver's trace omits it). */
    private String traceClient(java.util.UUID session) {
        try {
            Row row = ctx.session.execute(SimpleStatement.newInstance(
                    "SELECT client FROM system_traces.sessions WHERE session_id = ?", session)
                    .setConsistencyLevel(shell.state.consistency)).one();
            return row == null || row.isNull(0) ? "" : row.getInetAddress(0).getHostAddress();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** A time as Python's {@code str(datetime)}: microseconds shown only when not zero. */
    static String pythonDateTime(java.time.LocalDateTime t) {
        String base = String.format("%04d-%02d-%02d %02d:%02d:%02d", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
        int micros = t.getNano() / 1000;
        return micros == 0 ? base : base + String.format(".%06d", micros);
    }

    private List<FormattedValue> traceRow(String activity, long millis, String source, String elapsed, String client) {
        return List.of(ctx.formatter.format(DataTypes.TEXT, activity),
                FormattedValue.plain(pythonDateTime(java.time.LocalDateTime.ofInstant(
                        java.time.Instant.ofEpochMilli(millis), ctx.formatter.settings().zone()))),
                FormattedValue.plain(source), FormattedValue.plain(elapsed), FormattedValue.plain(client));
    }
}
