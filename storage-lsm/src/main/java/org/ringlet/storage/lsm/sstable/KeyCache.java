package org.ringlet.storage.lsm.sstable;

import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The engine's cache of partition index entries ({@code key_cache_size}): a hit skips the summary search and
 * the index scan. Keyed by SSTable (an id unique within the run) and partition key. Thread-safe.
 */
public final class KeyCache {
    private final Cache<Key, IndexEntry> cache;
    private final long capacity;
    private final LongAdder requests = new LongAdder();
    private final LongAdder hits = new LongAdder();

    /**
     * The cache key. Its hash mixes every byte of the partition key: {@link ByteBuffer#hashCode()} multiplies by
     * 31 per byte, which folds keys such as big-endian bigints into few values and turned the cache's hash bins
     * into long chains (a third of a warm point read's time in the RocksDB benchmark, docs/performance.md).
     */
    static final class Key {
        private final long sstable;
        private final ByteBuffer key;
        private final int hash;

        Key(long sstable, ByteBuffer key) {
            this.sstable = sstable;
            this.key = key;
            this.hash = hash(sstable, key);
        }

        static int hash(long sstable, ByteBuffer key) {
            long h = sstable * 0x9E3779B97F4A7C15L + key.remaining();
            int p = key.position();
            int n = key.remaining();
            int i = 0;
            for (; i + 8 <= n; i += 8) {
                h = Long.rotateLeft(h ^ (key.getLong(p + i) * 0x87C37B91114253D5L), 31) * 0x4CF5AD432745937FL;
            }
            for (; i < n; i++) {
                h = (h ^ (key.get(p + i) & 0xff)) * 0x100000001B3L;
            }
            h ^= h >>> 33;
            h *= 0xFF51AFD7ED558CCDL;
            h ^= h >>> 33;
            return (int) (h ^ (h >>> 32));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.sstable == sstable && k.hash == hash && k.key.equals(key);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * @param maxBytes the capacity; 0 disables the cache
     * @param executor runs Caffeine's maintenance
     * @param ticker   the node clock's nano time
     */
    public KeyCache(long maxBytes, Executor executor, Ticker ticker) {
        this.capacity = Math.max(0, maxBytes);
        this.cache = maxBytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, IndexEntry v) -> k.key.remaining() + 48 + v.memorySize())
                .executor(executor)
                .ticker(ticker)
                .build();
    }

    IndexEntry get(long sstable, ByteBuffer key) {
        requests.increment();
        IndexEntry e = cache == null ? null : cache.getIfPresent(new Key(sstable, key));
        if (e != null) {
            hits.increment();
        }
        return e;
    }

    void put(long sstable, ByteBuffer key, IndexEntry entry) {
        if (cache != null) {
            cache.put(new Key(sstable, key), entry);
        }
    }

    /** The number of entries (an estimate). */
    public long size() {
        return cache == null ? 0 : cache.estimatedSize();
    }

    /** The bytes the entries take (an estimate of their weights). */
    public long weightedSize() {
        return cache == null ? 0 : cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /** The capacity in bytes; 0 when disabled. */
    public long capacity() {
        return capacity;
    }

    /** Lookups since start. */
    public long requests() {
        return requests.sum();
    }

    /** Lookups that found an entry. */
    public long hits() {
        return hits.sum();
    }
}
