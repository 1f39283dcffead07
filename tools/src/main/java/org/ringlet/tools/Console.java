package org.ringlet.tools;

import java.io.PrintStream;

import static java.util.Objects.requireNonNull;

/**
 * The terminal a command-line program talks to: where its user-facing output and error messages go. This is the
 * one place in Ringlet that touches the process's standard streams; everything else logs through slf4j.
 *
 * @param out normal output (tables, reports)
 * @param err error messages for the user
 */
public record Console(PrintStream out, PrintStream err) {
    public Console {
        requireNonNull(out, "out is null");
        requireNonNull(err, "err is null");
    }

    /** The process's standard output and standard error. */
    public static Console system() {
        return new Console(System.out, System.err);
    }
}
