package org.ringlet.api.data;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The value of a counter cell: one shard per node that incremented it, each a (host id, logical clock, count)
 * triple of 16 + 8 + 8 bytes, sorted by host id. Merging keeps, per host, the shard with the higher clock (the
 * higher count when clocks tie), so replicas converge whatever order they see updates in. The counter's value is
 * the sum of the counts.
 */
public final class CounterContext {
    private static final int SHARD_SIZE = 32;

    private CounterContext() {
    }

    /** A context with one shard. */
    public static ByteBuffer create(UUID hostId, long clock, long count) {
        ByteBuffer out = ByteBuffer.allocate(SHARD_SIZE);
        out.putLong(hostId.getMostSignificantBits()).putLong(hostId.getLeastSignificantBits());
        out.putLong(clock).putLong(count);
        return out.flip();
    }

    private record Shard(long clock, long count) {
    }

    private static Map<UUID, Shard> shards(ByteBuffer context) {
        if (context.remaining() % SHARD_SIZE != 0) {
            throw new IllegalArgumentException("invalid counter context of " + context.remaining() + " bytes");
        }
        Map<UUID, Shard> out = new TreeMap<>();
        for (int p = context.position(); p < context.limit(); p += SHARD_SIZE) {
            UUID id = new UUID(context.getLong(p), context.getLong(p + 8));
            out.put(id, new Shard(context.getLong(p + 16), context.getLong(p + 24)));
        }
        return out;
    }

    private static ByteBuffer write(Map<UUID, Shard> shards) {
        ByteBuffer out = ByteBuffer.allocate(shards.size() * SHARD_SIZE);
        shards.forEach((id, s) -> out.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .putLong(s.clock).putLong(s.count));
        return out.flip();
    }

    /** Merges two contexts (commutative, associative, idempotent). */
    public static ByteBuffer merge(ByteBuffer a, ByteBuffer b) {
        Map<UUID, Shard> m = shards(a);
        shards(b).forEach((id, s) -> m.merge(id, s, (x, y) -> x.clock != y.clock
                ? (x.clock > y.clock ? x : y)
                : (x.count >= y.count ? x : y)));
        return write(m);
    }

    /** The counter's value: the sum of the shards' counts. */
    public static long total(ByteBuffer context) {
        long sum = 0;
        for (Shard s : shards(context).values()) {
            sum += s.count;
        }
        return sum;
    }

    /**
     * One node's shard of a context.
     *
     * @return {@code {clock, count}}, or null when the node has no shard in it
     */
    public static long[] shard(ByteBuffer context, UUID hostId) {
        Shard s = shards(context).get(hostId);
        return s == null ? null : new long[] {s.clock, s.count};
    }

    /**
     * The context after this node adds {@code delta} to its own shard: its clock goes up by one. {@code current}
     * may be null when the counter has no value yet.
     */
    public static ByteBuffer increment(ByteBuffer current, UUID hostId, long delta) {
        Map<UUID, Shard> m = current == null ? new TreeMap<>() : shards(current);
        Shard s = m.get(hostId);
        m.put(hostId, s == null ? new Shard(1, delta) : new Shard(s.clock + 1, s.count + delta));
        return write(m);
    }
}
