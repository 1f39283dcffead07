package org.ringlet.storage.lsm.sstable;

import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The engine's cache of decompressed, verified chunks of data and index files ({@code file_cache_size}). Keys are
 * a file id unique within the engine's run and a chunk number. Thread-safe.
 *
 * <p>A thread can read {@linkplain #inMemory(Supplier) from memory only} (ADR 0160): while it does, a chunk that is
 * not cached is not loaded; the lookup throws {@link NotInMemoryException} instead, and the caller repeats the
 * read on a thread that may block.
 */
public final class ChunkCache {
    private final Cache<Key, ByteBuffer> cache;
    private final long capacity;
    private final Ticker ticker;
    /** Per thread: whether it reads from memory only (a one-element array: set and cleared without allocating). */
    private final ThreadLocal<boolean[]> memoryOnly = ThreadLocal.withInitial(() -> new boolean[1]);
    private final LongAdder requests = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder missNanos = new LongAdder();

    private record Key(long fileId, int chunk) {
    }

    /**
     * @param maxBytes the capacity; 0 disables caching
     * @param executor runs Caffeine's maintenance
     * @param ticker   the node clock's nano time
     */
    public ChunkCache(long maxBytes, Executor executor, Ticker ticker) {
        this.capacity = Math.max(0, maxBytes);
        this.ticker = ticker;
        this.cache = maxBytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, ByteBuffer v) -> v.capacity() + 64)
                .executor(executor)
                .ticker(ticker)
                .build();
    }

    ByteBuffer get(long fileId, int chunk, Function<Integer, ByteBuffer> loader) {
        boolean[] only = memoryOnly.get();
        if (only[0]) {
            ByteBuffer hit = cache == null ? null : cache.getIfPresent(new Key(fileId, chunk));
            if (hit == null) {
                // not counted: the read is repeated on a thread that may block, which counts it
                throw new NotInMemoryException();
            }
            requests.increment();
            return hit;
        }
        requests.increment();
        if (cache == null) {
            return load(chunk, loader);
        }
        return cache.get(new Key(fileId, chunk), k -> load(k.chunk(), loader));
    }

    private ByteBuffer load(int chunk, Function<Integer, ByteBuffer> loader) {
        misses.increment();
        long start = ticker.read();
        try {
            return loader.apply(chunk);
        } finally {
            missNanos.add(Math.max(0, ticker.read() - start));
        }
    }

    /**
     * Runs {@code read} on the calling thread with this cache in memory-only mode: a chunk lookup that misses throws
     * {@link NotInMemoryException} (out of {@code read}) instead of reading the file. Nests: an inner call leaves the
     * mode as it found it.
     */
    public <T> T inMemory(Supplier<T> read) {
        boolean[] only = memoryOnly.get();
        boolean was = only[0];
        only[0] = true;
        try {
            return read.get();
        } finally {
            only[0] = was;
        }
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

    /** The capacity in bytes; 0 when disabled. */
    public long capacity() {
        return capacity;
    }

    /** The number of chunks cached (an estimate). */
    public long entries() {
        return cache == null ? 0 : cache.estimatedSize();
    }

    /** Chunk lookups since start (lookups of memory-only reads that missed are not counted). */
    public long requests() {
        return requests.sum();
    }

    /** Chunk lookups that loaded the chunk from its file. */
    public long misses() {
        return misses.sum();
    }

    /** Nanoseconds spent loading missed chunks. */
    public long missNanos() {
        return missNanos.sum();
    }
}
