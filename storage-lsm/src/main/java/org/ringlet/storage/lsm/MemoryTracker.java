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

    /**
     * A switched memtable is gone (flushed, truncated or dropped). Writes that picked it before the switch may have
     * added to it after {@link #switched}: those bytes were counted as live, and leave the live count now.
     *
     * @param switchedBytes its size when it was switched (moved to the flushing count then)
     * @param finalBytes    its size now, once every write that picked it has been applied and accounted
     */
    void released(long switchedBytes, long finalBytes) {
        flushing.addAndGet(-switchedBytes);
        live.addAndGet(switchedBytes - finalBytes);
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
