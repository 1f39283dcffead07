package org.ringlet.api.testing;

import java.time.Duration;

import org.ringlet.api.runtime.Clock;

import static java.util.Objects.requireNonNull;

/**
 * A {@link Clock} that moves only when told to. Monotonic time ({@link #nanoTime()}) starts at zero and only goes
 * forward; wall-clock time starts at a chosen instant, follows monotonic time and can additionally be stepped
 * (also backwards, to simulate a clock correction). {@link #currentTimeMicros()} never goes backwards, as the
 * {@link Clock} contract requires, even after a backward step.
 *
 * <p>Thread-safe.
 */
public final class ManualClock implements Clock {
    /** The wall-clock start used when none is given: 2023-11-14T22:13:20Z. */
    public static final long DEFAULT_START_MILLIS = 1_700_000_000_000L;

    private final long startMillis;
    private long elapsedNanos;
    private long wallOffsetMicros;
    private long lastMicros = Long.MIN_VALUE;

    /** A clock starting at {@link #DEFAULT_START_MILLIS}. */
    public ManualClock() {
        this(DEFAULT_START_MILLIS);
    }

    /** A clock whose wall time starts at {@code startMillis} since the epoch. */
    public ManualClock(long startMillis) {
        if (startMillis < 0) {
            throw new IllegalArgumentException("startMillis must not be negative: " + startMillis);
        }
        this.startMillis = startMillis;
    }

    @Override
    public synchronized long currentTimeMillis() {
        return Math.floorDiv(wallMicros(), 1000L);
    }

    @Override
    public synchronized long currentTimeMicros() {
        long now = wallMicros();
        if (now < lastMicros) {
            return lastMicros;
        }
        lastMicros = now;
        return now;
    }

    @Override
    public synchronized long nanoTime() {
        return elapsedNanos;
    }

    /**
     * Moves both monotonic and wall-clock time forward.
     *
     * @throws IllegalArgumentException when {@code duration} is negative
     */
    public synchronized void advance(Duration duration) {
        requireNonNull(duration, "duration is null");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("cannot advance by a negative duration: " + duration);
        }
        elapsedNanos = Math.addExact(elapsedNanos, duration.toNanos());
    }

    /**
     * Moves monotonic time forward to {@code nanos}; does nothing when it is already there or past it.
     */
    public synchronized void advanceTo(long nanos) {
        if (nanos > elapsedNanos) {
            elapsedNanos = nanos;
        }
    }

    /**
     * Steps wall-clock time by {@code delta} (which may be negative) without moving monotonic time, as an NTP
     * correction would.
     */
    public synchronized void stepWallClock(Duration delta) {
        requireNonNull(delta, "delta is null");
        wallOffsetMicros = Math.addExact(wallOffsetMicros, delta.toNanos() / 1000L);
    }

    private long wallMicros() {
        return startMillis * 1000L + elapsedNanos / 1000L + wallOffsetMicros;
    }

    @Override
    public synchronized String toString() {
        return "ManualClock{nanoTime=" + elapsedNanos + ", millis=" + currentTimeMillis() + "}";
    }
}
