package org.ringlet.tools.nodetool;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;

import picocli.CommandLine.ParentCommand;

/** A nodetool command: connects with the parent's options, runs, and maps failures to nodetool's exit codes. */
abstract class NodeToolCommand implements Callable<Integer> {
    @ParentCommand
    NodeTool parent;

    /** Runs the command; returns the exit code. */
    abstract int execute(NodeProbe probe, PrintStream out) throws Exception;

    /** Whether the command needs a connection (commands that only explain themselves do not). */
    boolean needsConnection() {
        return true;
    }

    @Override
    public Integer call() {
        if (!needsConnection()) {
            try {
                return execute(null, parent.out);
            } catch (Exception e) {
                return parent.fail(e);
            }
        }
        NodeProbe probe;
        try {
            probe = parent.connect();
        } catch (IOException | RuntimeException e) {
            parent.err.print("nodetool: Failed to connect to '" + parent.host + ":" + parent.port + "' - "
                    + rootCause(e).getClass().getSimpleName() + ": '" + rootCause(e).getMessage() + "'.\n");
            return 1;
        }
        try (probe) {
            int code = execute(probe, parent.out);
            parent.out.flush();
            return code;
        } catch (Exception e) {
            return parent.fail(e);
        }
    }

    static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
