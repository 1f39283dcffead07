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
    private final AtomicLong partitionIndexBudget;

    /** A context whose partition indexes (ADR 0135) have no memory limit. */
    public SSTableContext(FileSystem fs, Partitioner partitioner, ChunkCache chunkCache, KeyCache keyCache,
                          Executor deleter) {
        this(fs, partitioner, chunkCache, keyCache, deleter, Long.MAX_VALUE);
    }

    /**
     * @param deleter              deletes obsolete files and builds partition indexes in the background
     * @param partitionIndexBudget bytes all open SSTables' in-memory partition indexes (ADR 0135) may take; 0
     *                             builds none
     */
    public SSTableContext(FileSystem fs, Partitioner partitioner, ChunkCache chunkCache, KeyCache keyCache,
                          Executor deleter, long partitionIndexBudget) {
        if (partitionIndexBudget < 0) {
            throw new IllegalArgumentException("partitionIndexBudget is negative: " + partitionIndexBudget);
        }
        this.partitionIndexBudget = new AtomicLong(partitionIndexBudget);
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

    /**
     * Reserves memory for a partition index: the smallest power-of-two stride up to {@code maxStride} whose index
     * fits what is left of the budget.
     *
     * @return the stride reserved for, or 0 when none fits (nothing reserved)
     */
    int reservePartitionIndex(long entries, int maxStride) {
        while (true) {
            long left = partitionIndexBudget.get();
            int stride = 1;
            while (stride <= maxStride && PartitionIndex.bytesFor(entries, stride) > left) {
                stride <<= 1;
            }
            if (stride > maxStride) {
                return 0;
            }
            if (partitionIndexBudget.compareAndSet(left, left - PartitionIndex.bytesFor(entries, stride))) {
                return stride;
            }
        }
    }

    /** Returns memory reserved with {@link #reservePartitionIndex}. */
    void releasePartitionIndex(long bytes) {
        partitionIndexBudget.addAndGet(bytes);
    }

    /** What is left of the partition index budget. */
    public long partitionIndexBudgetLeft() {
        return partitionIndexBudget.get();
    }

    long nextId() {
        return ids.incrementAndGet();
    }
}
