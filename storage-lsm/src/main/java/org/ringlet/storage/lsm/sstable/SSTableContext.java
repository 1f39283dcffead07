package org.ringlet.storage.lsm.sstable;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import org.ringlet.api.ring.Partitioner;
import org.ringlet.storage.lsm.io.FileSystem;

import static java.util.Objects.requireNonNull;

/**
 * What every SSTable reader of an engine shares: the file system, the partitioner, the caches, the executor
 * that deletes obsolete files, and the source of run-unique file ids.
 */
public final class SSTableContext {
    private final FileSystem fs;
    private final Partitioner partitioner;
    private final ChunkCache chunkCache;
    private final KeyCache keyCache;
    private final Executor deleter;
    private final AtomicLong ids = new AtomicLong();

    public SSTableContext(FileSystem fs, Partitioner partitioner, ChunkCache chunkCache, KeyCache keyCache,
                          Executor deleter) {
        this.fs = requireNonNull(fs, "fs is null");
        this.partitioner = requireNonNull(partitioner, "partitioner is null");
        this.chunkCache = requireNonNull(chunkCache, "chunkCache is null");
        this.keyCache = requireNonNull(keyCache, "keyCache is null");
        this.deleter = requireNonNull(deleter, "deleter is null");
    }

    public FileSystem fs() {
        return fs;
    }

    public Partitioner partitioner() {
        return partitioner;
    }

    public ChunkCache chunkCache() {
        return chunkCache;
    }

    public KeyCache keyCache() {
        return keyCache;
    }

    Executor deleter() {
        return deleter;
    }

    long nextId() {
        return ids.incrementAndGet();
    }
}
