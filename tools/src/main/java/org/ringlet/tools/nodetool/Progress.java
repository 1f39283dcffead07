package org.ringlet.tools.nodetool;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.ringlet.tools.management.CompactionManagerMBean;

/**
 * Runs a long node operation (flush, compaction, drain) and, on a terminal, redraws a progress bar from the node's
 * running operations ({@link CompactionManagerMBean#getCompactions()}) until it ends. Off a terminal it just waits.
 */
final class Progress {
    private static final long POLL_MILLIS = 250;
    private static final int WIDTH = 30;

    private Progress() {
    }

    /** Runs {@code operation}; returns its result or rethrows its failure. */
    static <T> T run(Callable<T> operation, CompactionManagerMBean compactions, PrintStream out, boolean terminal,
                     String label) throws Exception {
        if (!terminal) {
            return operation.call();
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "nodetool-operation");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<T> result = executor.submit(operation);
            boolean drawn = false;
            while (true) {
                try {
                    T value = result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    if (drawn) {
                        out.print("\r" + Formats.progressBar(1, WIDTH, label) + "\n");
                        out.flush();
                    }
                    return value;
                } catch (TimeoutException e) {
                    out.print("\r" + Formats.progressBar(fraction(compactions), WIDTH, label));
                    out.flush();
                    drawn = true;
                } catch (ExecutionException e) {
                    if (drawn) {
                        out.print("\n");
                    }
                    Throwable cause = e.getCause();
                    if (cause instanceof Exception ex) {
                        throw ex;
                    }
                    throw e;
                }
            }
        } finally {
            executor.shutdownNow();
        }
    }

    /** The done share of the running operations' bytes, or 0 when none reports a total. */
    static double fraction(CompactionManagerMBean compactions) {
        long completed = 0;
        long total = 0;
        try {
            List<Map<String, String>> running = compactions.getCompactions();
            for (Map<String, String> c : running) {
                completed += Long.parseLong(c.getOrDefault("completed", "0"));
                total += Long.parseLong(c.getOrDefault("total", "0"));
            }
        } catch (RuntimeException e) {
            return 0;
        }
        return total <= 0 ? 0 : (double) completed / total;
    }
}
