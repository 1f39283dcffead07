package org.ringlet.storage.lsm.sstable;

import java.nio.ByteBuffer;
import java.util.concurrent.Executor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The engine's cache of partition index entries ({@code key_cache_size}): a hit skips the summary search and
 * the index scan. Keyed by SSTable (an id unique within the run) and partition key. Thread-safe.
 */
public final class KeyCache {
    private final Cache<Key, IndexEntry> cache;

    private record Key(long sstable, ByteBuffer key) {
    }

    /**
     * @param maxBytes the capacity; 0 disables the cache
     * @param executor runs Caffeine's maintenance
     * @param ticker   the node clock's nano time
     */
    public KeyCache(long maxBytes, Executor executor, Ticker ticker) {
        this.cache = maxBytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, IndexEntry v) -> k.key.remaining() + 48 + v.memorySize())
                .executor(executor)
                .ticker(ticker)
                .build();
    }

    IndexEntry get(long sstable, ByteBuffer key) {
        return cache == null ? null : cache.getIfPresent(new Key(sstable, key));
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
}
