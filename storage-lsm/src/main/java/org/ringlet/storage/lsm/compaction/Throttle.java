package org.ringlet.storage.lsm.compaction;

import java.util.concurrent.atomic.AtomicLong;

import org.ringlet.api.runtime.Clock;

import static java.util.Objects.requireNonNull;

/**
 * {@code compaction_throughput}, shared by all compactions of an engine: a pacing clock that hands out byte
 * budgets at the configured rate. Callers that are ahead are told how long to pause; they reschedule themselves
 * instead of sleeping. Thread-safe; the rate can change while running.
 */
public final class Throttle {
    private final Clock clock;
    private volatile long bytesPerSecond;
    private final AtomicLong nextFreeNanos;

    /**
     * @param bytesPerSecond the rate; 0 or less for no limit
     */
    public Throttle(Clock clock, long bytesPerSecond) {
        this.clock = requireNonNull(clock, "clock is null");
        this.bytesPerSecond = bytesPerSecond;
        this.nextFreeNanos = new AtomicLong(clock.nanoTime());
    }

    public void setRate(long newBytesPerSecond) {
        this.bytesPerSecond = newBytesPerSecond;
        nextFreeNanos.set(clock.nanoTime());
    }

    public long rate() {
        return bytesPerSecond;
    }

    /**
     * Accounts {@code bytes} just processed.
     *
     * @return how many nanoseconds the caller should pause before processing more (0 when it may go on)
     */
    public long acquire(long bytes) {
        long rate = bytesPerSecond;
        if (rate <= 0 || bytes <= 0) {
            return 0;
        }
        long cost = (long) (bytes * 1e9 / rate);
        long now = clock.nanoTime();
        long start = nextFreeNanos.getAndUpdate(prev -> Math.max(prev, now) + cost);
        long due = Math.max(start, now) + cost;
        return Math.max(0, due - now - cost);
    }
}
