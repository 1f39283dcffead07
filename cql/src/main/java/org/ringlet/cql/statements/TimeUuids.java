package org.ringlet.cql.statements;

import java.nio.ByteBuffer;

import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.RandomSource;

/**
 * Makes version 1 (time-based) UUIDs from the node's clock and randomness, strictly increasing in time order,
 * as list cell paths and {@code now()} need. Thread-safe.
 */
final class TimeUuids {
    /** 100-nanosecond intervals between 1582-10-15 (the UUID epoch) and 1970-01-01. */
    private static final long UUID_EPOCH_OFFSET = 0x01b21dd213814000L;

    private final Clock clock;
    private final long clockSeqAndNode;
    private long last;

    TimeUuids(Clock clock, RandomSource random) {
        this.clock = clock;
        long node = random.nextLong() | 0x0000010000000000L;
        long seq = random.nextInt(1 << 14);
        this.clockSeqAndNode = 0x8000000000000000L | (seq << 48) | (node & 0x0000ffffffffffffL);
    }

    synchronized ByteBuffer next() {
        long ticks = clock.currentTimeMicros() * 10 + UUID_EPOCH_OFFSET;
        last = Math.max(ticks, last + 1);
        long t = last;
        long msb = (t << 32) | ((t >>> 16) & 0xffff0000L) | 0x1000L | ((t >>> 48) & 0x0fffL);
        return ByteBuffer.allocate(16).putLong(0, msb).putLong(8, clockSeqAndNode);
    }
}
