package org.ringlet.storage.lsm;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

import static java.util.Objects.requireNonNull;

/**
 * Runs tasks on another executor (the scheduler's I/O pool) with at most {@code limit} of them at once, the rest
 * queued in order: how {@code memtable_flush_writers} and {@code concurrent_compactors} are honoured without
 * threads of our own. Thread-safe.
 */
final class BoundedExecutor implements Executor {
    private final Executor delegate;
    private final int limit;
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private int running;

    BoundedExecutor(Executor delegate, int limit) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    @Override
    public void execute(Runnable task) {
        requireNonNull(task, "task is null");
        synchronized (this) {
            if (running >= limit) {
                queue.add(task);
                return;
            }
            running++;
        }
        submit(task);
    }

    private void submit(Runnable task) {
        try {
            delegate.execute(() -> runAndContinue(task));
        } catch (RuntimeException e) {
            synchronized (this) {
                running--;
            }
            throw e;
        }
    }

    private void runAndContinue(Runnable task) {
        try {
            task.run();
        } finally {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    running--;
                }
            }
            if (next != null) {
                submit(next);
            }
        }
    }

    /** Tasks waiting for a slot. */
    synchronized int queued() {
        return queue.size();
    }
}
