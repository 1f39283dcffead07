package org.ringlet.api.runtime;

/**
 * The node's source of time. Thread-safe.
 */
public interface Clock {

    /** Wall-clock time in milliseconds since the epoch. */
    long currentTimeMillis();

    /**
     * Wall-clock time in microseconds since the epoch, the unit of CQL write timestamps. Successive calls on one
     * clock never go backwards.
     */
    default long currentTimeMicros() {
        return currentTimeMillis() * 1000L;
    }

    /** Wall-clock time in whole seconds since the epoch, the unit of TTLs and local deletion times. */
    default long currentTimeSeconds() {
        return currentTimeMillis() / 1000L;
    }

    /** A monotonic time in nanoseconds, for measuring durations only. */
    long nanoTime();
}
