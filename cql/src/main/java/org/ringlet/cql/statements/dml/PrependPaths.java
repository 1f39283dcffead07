package org.ringlet.cql.statements.dml;

import java.nio.ByteBuffer;

import org.ringlet.cql.statements.QueryContext;

/**
 * The cell paths of prepended list elements: time-based UUIDs whose time is mirrored around a fixed reference
 * (2010-01-01), so it runs backwards as the node's time UUIDs run forwards. A later prepend, or a later element of
 * one prepend made last to first, sorts before the elements written before it, and every prepended element sorts
 * before every appended one (whose paths carry the real time).
 */
final class PrependPaths {
    /** 2010-01-01T00:00:00Z in 100-nanosecond units since the UUID epoch (1582-10-15). */
    private static final long REFERENCE = 0x01b21dd213814000L + 1_262_304_000_000L * 10_000L;

    private PrependPaths() {
    }

    static ByteBuffer next(QueryContext context) {
        ByteBuffer fresh = context.nextTimeUuid();
        long msb = fresh.getLong(fresh.position());
        long time = ((msb & 0x0fffL) << 48) | (((msb >>> 16) & 0xffffL) << 32) | (msb >>> 32);
        long ticks = 2 * REFERENCE - time;
        long mirrored = (ticks << 32) | ((ticks >>> 16) & 0xffff0000L) | 0x1000L | ((ticks >>> 48) & 0x0fffL);
        return ByteBuffer.allocate(16).putLong(0, mirrored).putLong(8, fresh.getLong(fresh.position() + 8));
    }
}
