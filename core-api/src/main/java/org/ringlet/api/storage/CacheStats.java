package org.ringlet.api.storage;

import static java.util.Objects.requireNonNull;

/**
 * A snapshot of one of a storage engine's caches, as Cassandra's cache metrics report it. Counters are totals since
 * the engine started.
 *
 * @param name          the cache's metric scope: {@code KeyCache} or {@code ChunkCache}
 * @param capacityBytes the configured capacity; 0 when the cache is disabled
 * @param sizeBytes     the bytes the entries take (an estimate)
 * @param entries       the number of entries (an estimate)
 * @param requests      lookups
 * @param hits          lookups answered from the cache
 * @param missNanos     time spent loading what was missed, in nanoseconds (0 when the cache does not load)
 */
public record CacheStats(String name, long capacityBytes, long sizeBytes, long entries, long requests, long hits,
                         long missNanos) {
    public CacheStats {
        requireNonNull(name, "name is null");
        if (capacityBytes < 0 || sizeBytes < 0 || entries < 0 || requests < 0 || hits < 0 || missNanos < 0) {
            throw new IllegalArgumentException("negative cache statistic: " + name);
        }
    }

    /** Lookups not answered from the cache. */
    public long misses() {
        return Math.max(0, requests - hits);
    }

    /** Hits per request, or NaN before the first request (as Cassandra's {@code HitRate}). */
    public double hitRate() {
        return requests == 0 ? Double.NaN : (double) hits / requests;
    }
}
