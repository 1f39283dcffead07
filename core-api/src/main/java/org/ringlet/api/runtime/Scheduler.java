package org.ringlet.api.runtime;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Runs the node's background work. Components never create threads: they schedule tasks here and do blocking
 * I/O (fsync, flush, compaction, file reads) on the {@link #ioExecutor()}.
 *
 * <p>Implementations are thread-safe. A task that throws is logged by the scheduler and, if periodic, keeps its
 * schedule. After the node stops, scheduling does nothing and returns a cancelled handle.
 */
public interface Scheduler {

    /** Runs {@code task} once after {@code delay}. */
    Cancellable schedule(Runnable task, Duration delay);

    /** Runs {@code task} after {@code initialDelay}, then again {@code delay} after each run ends. */
    Cancellable scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay);

    /** An executor for short, non-blocking tasks. */
    Executor computeExecutor();

    /**
     * An executor for blocking I/O (fsync, memtable flush, compaction, file reads). Tasks may block; the pool
     * is bounded, so callers that may submit many tasks throttle themselves.
     */
    Executor ioExecutor();

    /**
     * An executor for reads that may block on file I/O (a point read that misses the caches, a range scan): the
     * node's read stage, whose thread count bounds the disk reads in flight ({@code concurrent_reads}). Tasks may
     * block; the queue is unbounded, so callers bound what they submit (the native transport bounds the requests
     * in flight per connection). The default is the {@link #ioExecutor()}.
     */
    default Executor readExecutor() {
        return ioExecutor();
    }

    /**
     * A dedicated executor for one long-lived blocking loop (for example the commit log's sync loop), named for
     * thread dumps. Each call returns a new single-threaded executor owned by the scheduler and shut down with it.
     */
    Executor dedicatedExecutor(String name);
}
