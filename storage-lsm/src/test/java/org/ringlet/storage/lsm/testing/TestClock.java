package org.ringlet.storage.lsm.testing;

import java.util.concurrent.atomic.AtomicLong;

import org.ringlet.api.runtime.Clock;

/** A clock for storage tests: the system's, or a manual one when created with a start time. Thread-safe. */
public final class TestClock implements Clock {
    private final AtomicLong manualMillis;
    private final AtomicLong manualNanos;

    private TestClock(Long startMillis) {
        this.manualMillis = startMillis == null ? null : new AtomicLong(startMillis);
        this.manualNanos = startMillis == null ? null : new AtomicLong(0);
    }

    public static TestClock system() {
        return new TestClock(null);
    }

    public static TestClock manual(long startMillis) {
        return new TestClock(startMillis);
    }

    @Override
    public long currentTimeMillis() {
        return manualMillis == null ? System.currentTimeMillis() : manualMillis.get();
    }

    @Override
    public long nanoTime() {
        return manualNanos == null ? System.nanoTime() : manualNanos.get();
    }

    /** Advances a manual clock. */
    public void advanceMillis(long millis) {
        manualMillis.addAndGet(millis);
        manualNanos.addAndGet(millis * 1_000_000L);
    }
}
