package org.ringlet.storage.lsm;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Accounts the memory of all memtables against {@code memtable_heap_space}: bytes in memtables taking writes and
 * bytes in memtables being flushed. A flush of the largest memtable is due when the former exceeds
 * {@code memtable_cleanup_threshold} of the space. Thread-safe.
 */
final class MemoryTracker {
    private final long limit;
    private final double threshold;
    private final AtomicLong live = new AtomicLong();
    private final AtomicLong flushing = new AtomicLong();

    MemoryTracker(long limit, double threshold) {
        this.limit = limit;
        this.threshold = threshold;
    }

    void allocated(long bytes) {
        live.addAndGet(bytes);
    }

    /** A memtable of {@code bytes} stopped taking writes and waits to be flushed. */
    void switched(long bytes) {
        live.addAndGet(-bytes);
        flushing.addAndGet(bytes);
    }

    /** A switched memtable is gone (flushed, truncated or dropped). */
    void released(long bytes) {
        flushing.addAndGet(-bytes);
    }

    /** Memory of a memtable that is discarded without flushing (truncate, drop). */
    void discarded(long bytes) {
        live.addAndGet(-bytes);
    }

    boolean flushDue() {
        return live.get() > limit * threshold;
    }

    long liveBytes() {
        return live.get();
    }

    long flushingBytes() {
        return flushing.get();
    }

    long limit() {
        return limit;
    }
}
