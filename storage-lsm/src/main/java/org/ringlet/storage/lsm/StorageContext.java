package org.ringlet.storage.lsm;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.Scheduler;
import org.ringlet.api.schema.TableId;
import org.ringlet.storage.lsm.commitlog.CommitLog;
import org.ringlet.storage.lsm.commitlog.CommitLogPosition;
import org.ringlet.storage.lsm.io.FileSystem;
import org.ringlet.storage.lsm.sstable.SSTableContext;
import org.ringlet.storage.lsm.sstable.SSTableWriter;

/** The engine-wide services the table stores share. */
final class StorageContext {
    final StorageConfig config;
    final FileSystem fs;
    final Scheduler scheduler;
    final Clock clock;
    final Partitioner partitioner;
    final SSTableContext sstables;
    final WriteOrder writeOrder = new WriteOrder();
    final Executor flushExecutor;
    final MemoryTracker memory;
    final Observers observers = new Observers();
    final DiskFailureHandler failures;
    private final AtomicLong memtableIds = new AtomicLong();
    private volatile CommitLog commitLog;
    private volatile Predicate<TableId> replayDone = t -> true;
    private volatile java.util.function.Consumer<TableStore> afterFlush = s -> { };

    StorageContext(StorageConfig config, FileSystem fs, Scheduler scheduler, Clock clock, Partitioner partitioner,
                   SSTableContext sstables, DiskFailureHandler failures) {
        this.config = config;
        this.fs = fs;
        this.scheduler = scheduler;
        this.clock = clock;
        this.partitioner = partitioner;
        this.sstables = sstables;
        this.failures = failures;
        this.flushExecutor = new BoundedExecutor(scheduler.ioExecutor(), config.memtableFlushWriters());
        this.memory = new MemoryTracker(config.memtableHeapSpace(), config.memtableCleanupThreshold());
    }

    long nextMemtableId() {
        return memtableIds.incrementAndGet();
    }

    void commitLog(CommitLog log) {
        this.commitLog = log;
    }

    CommitLog commitLog() {
        return commitLog;
    }

    /** Where the next commit log record goes: what a memtable switched now is flushed up to. */
    CommitLogPosition commitLogPosition() {
        CommitLog log = commitLog;
        return log == null ? CommitLogPosition.NONE : log.currentPosition();
    }

    /** Sets what runs after each flush that produced an SSTable (the compaction trigger). */
    void afterFlush(java.util.function.Consumer<TableStore> hook) {
        this.afterFlush = hook;
    }

    void flushed(TableStore store) {
        afterFlush.accept(store);
    }

    void replayDone(Predicate<TableId> done) {
        this.replayDone = done;
    }

    /** Whether the commit log of earlier runs has been replayed for the table (or there was none). */
    boolean replayed(TableId table) {
        return replayDone.test(table);
    }

    SSTableWriter.Options writerOptions(double bloomFpChance, int chunkLength, int indexInterval) {
        return new SSTableWriter.Options(chunkLength, indexInterval, bloomFpChance, config.columnIndexSize());
    }
}
