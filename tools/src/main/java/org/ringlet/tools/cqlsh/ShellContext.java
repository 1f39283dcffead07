package org.ringlet.tools.cqlsh;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

import com.datastax.oss.driver.api.core.CqlSession;
import org.ringlet.tools.cqlsh.format.CqlValueFormatter;

import static java.util.Objects.requireNonNull;

/**
 * What every shell of one cqlsh process shares (a {@code SOURCE}d file runs in a sub-shell with the same context):
 * the driver session, where output goes, value formatting and the versions shown by the banner. Not thread-safe.
 */
final class ShellContext {
    final CqlSession session;
    final String host;
    final int port;
    final CqlValueFormatter formatter;
    final boolean color;
    final PrintStream out;
    final PrintStream err;
    final Versions versions;
    final int requestTimeoutSeconds;
    /** Lines entered so far (for HISTORY); empty when there is no terminal. */
    final Supplier<List<String>> history;
    /** Where the query output goes: {@link #out} unless CAPTURE redirected it. */
    PrintStream queryOut;
    String captureFile;

    /**
     * What the banner and {@code SHOW VERSION} print.
     *
     * @param clusterName the cluster's name
     * @param product     {@code Ringlet 0.1.0} or {@code Cassandra 5.0.6}
     * @param cqlVersion  the server's CQL version
     * @param protocol    the negotiated native protocol version number
     */
    record Versions(String clusterName, String product, String cqlVersion, int protocol) {
    }

    ShellContext(CqlSession session, String host, int port, CqlValueFormatter formatter, PrintStream out,
                 PrintStream err, Versions versions, int requestTimeoutSeconds, Supplier<List<String>> history) {
        this.session = requireNonNull(session, "session is null");
        this.host = requireNonNull(host, "host is null");
        this.port = port;
        this.formatter = requireNonNull(formatter, "formatter is null");
        this.color = formatter.settings().color();
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
        this.versions = requireNonNull(versions, "versions is null");
        this.requestTimeoutSeconds = requestTimeoutSeconds;
        this.history = requireNonNull(history, "history is null");
        this.queryOut = out;
    }

    /** cqlsh's {@code print}: a line on standard output. */
    void print(String line) {
        out.print(line + "\n");
    }

    /** cqlsh's {@code writeresult}: a line of query output, optionally coloured. */
    void writeResult(String line, String colorCode) {
        queryOut.print(applyColor(line, colorCode) + "\n");
    }

    String applyColor(String text, String colorCode) {
        if (colorCode == null || !color) {
            return text;
        }
        return colorCode + text + org.ringlet.tools.cqlsh.format.Ansi.RESET;
    }
}
