package org.ringlet.storage.lsm.sstable;

import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The engine's cache of decompressed, verified chunks of data and index files ({@code file_cache_size}). Keys are
 * a file id unique within the engine's run and a chunk number. Thread-safe.
 */
public final class ChunkCache {
    private final Cache<Key, ByteBuffer> cache;

    private record Key(long fileId, int chunk) {
    }

    /**
     * @param maxBytes the capacity; 0 disables caching
     * @param executor runs Caffeine's maintenance
     * @param ticker   the node clock's nano time
     */
    public ChunkCache(long maxBytes, Executor executor, Ticker ticker) {
        this.cache = maxBytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, ByteBuffer v) -> v.capacity() + 64)
                .executor(executor)
                .ticker(ticker)
                .build();
    }

    ByteBuffer get(long fileId, int chunk, Function<Integer, ByteBuffer> loader) {
        if (cache == null) {
            return loader.apply(chunk);
        }
        return cache.get(new Key(fileId, chunk), k -> loader.apply(k.chunk()));
    }

    /** Drops a file's chunks (when it is closed). */
    void invalidate(long fileId, int chunks) {
        if (cache != null) {
            for (int i = 0; i < chunks; i++) {
                cache.invalidate(new Key(fileId, i));
            }
        }
    }

    /** The bytes cached (an estimate). */
    public long weightedSize() {
        return cache == null ? 0 : cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }
}
