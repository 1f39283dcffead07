package org.ringlet.cluster.coordinator;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ringlet.api.data.Clustering;
import org.ringlet.api.schema.TableId;

/**
 * This node's own shard (logical clock and count) of the counters it last updated, least recently used first out,
 * as Cassandra's counter cache: a counter update adds to the cached shard instead of reading it. Like Cassandra's,
 * the cache is not touched by deletions, so a counter deleted and incremented again continues from its last value
 * (what Cassandra 5.0 answers); truncation empties it for the table. Thread-safe.
 */
final class CounterCache {
    /** Where a counter lives. */
    record Key(TableId table, ByteBuffer partitionKey, Clustering clustering, String column, ByteBuffer path) {
    }

    /** This node's shard of a counter. */
    record Shard(long clock, long count) {
    }

    private final Map<Key, Shard> shards;

    /** @param capacity how many counters are kept */
    CounterCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        this.shards = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Shard> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached shard, or null. */
    synchronized Shard get(Key key) {
        return shards.get(key);
    }

    synchronized void put(Key key, Shard shard) {
        shards.put(key, shard);
    }

    /** Forgets every counter of a table. */
    synchronized void invalidate(TableId table) {
        shards.keySet().removeIf(k -> k.table().equals(table));
    }
}
