package org.ringlet.node.runtime;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.ringlet.api.runtime.Clock;

/**
 * The operating system's clock. {@link #currentTimeMicros()} has the microsecond precision the JDK gives
 * ({@link Instant#now()}) and never goes backwards, even when the system clock is stepped back.
 *
 * <p>Thread-safe.
 */
public final class SystemClock implements Clock {
    private final AtomicLong lastMicros = new AtomicLong(Long.MIN_VALUE);

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public long currentTimeMicros() {
        Instant now = Instant.now();
        long micros = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1000L);
        return lastMicros.accumulateAndGet(micros, Math::max);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }
}
