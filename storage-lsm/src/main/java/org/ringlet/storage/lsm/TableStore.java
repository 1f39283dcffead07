package org.ringlet.storage.lsm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.ringlet.api.data.Partition;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.schema.TableParams;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.SSTableInfo;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.api.storage.TableStats;
import org.ringlet.storage.lsm.commitlog.CommitLog;
import org.ringlet.storage.lsm.commitlog.CommitLogPosition;
import org.ringlet.storage.lsm.manifest.Manifest;
import org.ringlet.storage.lsm.manifest.ManifestEdit;
import org.ringlet.storage.lsm.memtable.Memtable;
import org.ringlet.storage.lsm.memtable.MemtablePartition;
import org.ringlet.storage.lsm.sstable.Descriptor;
import org.ringlet.storage.lsm.sstable.SSTableReader;
import org.ringlet.storage.lsm.sstable.SSTableWriter;
import org.ringlet.storage.lsm.sstable.StatsMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One table's data: its memtables and SSTables ({@link View}), its directories and manifest, and its flushes.
 * Writes go to the current memtable; a flush switches in a fresh memtable at once and writes the old one to an
 * SSTable in the background, one flush at a time and in switch order, so the flushed commit log position only
 * moves forward over data that is really in files. Thread-safe.
 */
final class TableStore {
    private static final Logger LOG = LoggerFactory.getLogger(TableStore.class);

    private final StorageContext ctx;
    private final TableDirectories dirs;
    private final AtomicReference<View> view;
    private final TableReader reader;
    private volatile TableMetadata metadata;
    private volatile Manifest manifest;
    private final Object switchLock = new Object();
    private final Object flushLock = new Object();
    private final Deque<PendingFlush> pending = new ArrayDeque<>();
    private final LongAdder writes = new LongAdder();
    private final LongAdder switches = new LongAdder();
    private volatile long maxPartitionSize;
    private volatile boolean closed;

    /**
     * A switched memtable waiting to be written.
     *
     * @param replayed whether the table's commit log of earlier runs was replayed when it was switched (only then
     *                 may the flush record {@code upTo} as flushed)
     */
    private record PendingFlush(Memtable memtable, CommitLogPosition upTo, boolean replayed,
                                CompletableFuture<Void> barrier, CompletableFuture<Void> done) {
    }

    private TableStore(StorageContext ctx, TableMetadata metadata, TableDirectories dirs, Manifest manifest,
                       List<SSTableReader> sstables) {
        this.ctx = ctx;
        this.metadata = metadata;
        this.dirs = dirs;
        this.manifest = manifest;
        this.view = new AtomicReference<>(new View(new Memtable(ctx.nextMemtableId(), metadata), List.of(),
                sstables));
        this.reader = new TableReader(ctx, this);
        for (SSTableReader r : sstables) {
            maxPartitionSize = Math.max(maxPartitionSize, r.stats().maxPartitionSize());
        }
    }

    /** Opens a table's stored data (none yet is fine: directories are made on the first flush). */
    static TableStore open(StorageContext ctx, TableMetadata metadata) throws IOException {
        TableDirectories dirs = new TableDirectories(ctx, metadata);
        TableDirectories.Loaded loaded = dirs.load();
        return new TableStore(ctx, metadata, dirs, loaded.manifest(), loaded.sstables());
    }

    TableMetadata metadata() {
        return metadata;
    }

    TableId id() {
        return metadata.id();
    }

    View view() {
        return view.get();
    }

    TableDirectories directories() {
        return dirs;
    }

    void updateMetadata(TableMetadata after) {
        this.metadata = after;
        View v = view.get();
        for (Memtable m : v.allMemtables()) {
            m.updateMetadata(after);
        }
        reader.updateMetadata(after);
    }

    /** The commit log position this table is flushed up to (NONE when it never was). */
    CommitLogPosition flushedUpTo() {
        Manifest m = manifest;
        return m == null ? CommitLogPosition.NONE : m.flushedUpTo();
    }

    /** The memtable writes go to now (pick it only after starting a {@link WriteOrder} group). */
    Memtable currentMemtable() {
        return view.get().memtable();
    }

    /** Applies an update to a memtable picked within the write's group; returns the bytes added. */
    long apply(Memtable memtable, Partition update) {
        long size = memtable.apply(update);
        writes.increment();
        if (!ctx.observers.isEmpty()) {
            TableId id = metadata.id();
            ctx.observers.notify(o -> o.onWrite(id, update));
        }
        return size;
    }

    Partition read(SinglePartitionReadCommand command) {
        return reader.read(command);
    }

    List<Partition> scan(PartitionRangeReadCommand command) {
        return reader.scan(command);
    }

    /**
     * Switches the memtable and flushes the old one. Completes when it (and every memtable switched before it) is
     * in an SSTable; fails when writing failed (the memtable then stays readable and is retried by the next flush).
     */
    CompletableFuture<Void> flush() {
        if (closed) {
            return CompletableFuture.completedFuture(null);
        }
        PendingFlush pf;
        synchronized (switchLock) {
            View v = view.get();
            if (v.memtable().isEmpty()) {
                synchronized (flushLock) {
                    if (pending.isEmpty()) {
                        return CompletableFuture.completedFuture(null);
                    }
                }
            }
            boolean replayed = ctx.replayed(metadata.id());
            CommitLogPosition upTo = ctx.commitLogPosition();
            Memtable old = switchMemtable();
            ctx.memory.switched(old.dataSize());
            switches.increment();
            CompletableFuture<Void> barrier = ctx.writeOrder.barrier();
            pf = new PendingFlush(old, upTo, replayed, barrier, new CompletableFuture<>());
            synchronized (flushLock) {
                pending.add(pf);
            }
        }
        pf.barrier().whenComplete((v, e) -> {
            try {
                ctx.flushExecutor.execute(() -> runPending(pf));
            } catch (RuntimeException ex) {
                pf.done().completeExceptionally(ex);
            }
        });
        return pf.done();
    }

    /**
     * Puts a fresh memtable in place (atomically with concurrent view changes, which only touch the flushing
     * list and the SSTables) and returns the one it replaced. Called under the switch lock.
     */
    private Memtable switchMemtable() {
        Memtable fresh = new Memtable(ctx.nextMemtableId(), metadata);
        View before = view.getAndUpdate(v -> v.switchMemtable(fresh));
        return before.memtable();
    }

    /**
     * Flushes pending memtables in switch order up to and including {@code target} (barriers complete in that
     * order, so all of them are ready). A failure leaves the failed memtable at the head, to be retried first.
     */
    private void runPending(PendingFlush target) {
        synchronized (flushLock) {
            if (target.done().isDone()) {
                return;
            }
            while (true) {
                PendingFlush head = pending.peek();
                if (head == null || !head.barrier().isDone()) {
                    break;
                }
                try {
                    if (!closed) {
                        writeFlush(head);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.error("Flush of {}.{} failed; the data stays in memory and in the commit log",
                            metadata.keyspace(), metadata.name(), e);
                    ctx.failures.handle(dirs.home(), e);
                    target.done().completeExceptionally(e);
                    return;
                }
                pending.poll();
                ctx.memory.released(head.memtable().dataSize());
                head.done().complete(null);
                if (head == target) {
                    break;
                }
            }
        }
    }

    private void writeFlush(PendingFlush pf) throws IOException {
        Memtable m = pf.memtable();
        CommitLogPosition flushedPosition = pf.replayed() ? pf.upTo() : null;
        if (m.isEmpty()) {
            Manifest man = manifest;
            if (man != null && flushedPosition != null) {
                man.apply(ManifestEdit.flush(-1, 0, flushedPosition));
            }
            view.updateAndGet(v -> v.flushed(m, null));
            discardCommitLog(pf.upTo(), pf.replayed());
            ctx.observers.notify(o -> o.onFlush(metadata.id(), null));
            return;
        }
        Manifest man = ensureManifest();
        long generation = man.nextGeneration();
        Descriptor d = new Descriptor(dirs.directoryForNewSSTable(), generation);
        TableMetadata md = metadata;
        TableParams params = md.params();
        SSTableWriter.Metadata meta = new SSTableWriter.Metadata(0, CommitLogPosition.NONE, pf.upTo(), 0,
                ctx.clock.currentTimeMillis());
        StatsMetadata stats;
        try (SSTableWriter w = new SSTableWriter(ctx.fs, d, md, ctx.partitioner,
                ctx.writerOptions(params.bloomFilterFpChance(), chunkLength(params), params.minIndexInterval()),
                m.partitionCount(), meta)) {
            Iterator<MemtablePartition> it = m.partitions(null);
            while (it.hasNext()) {
                MemtablePartition p = it.next();
                Partition h = p.header();
                long size = w.append(p.key(), h.partitionDeletion(), h.staticRow(), h.rangeTombstones(), p.rows());
                if (size > maxPartitionSize) {
                    maxPartitionSize = size;
                }
            }
            stats = w.finish();
        }
        SSTableReader r = SSTableReader.open(ctx.sstables, d);
        try {
            man.apply(ManifestEdit.flush(generation, 0, flushedPosition));
        } catch (IOException e) {
            // the edit may have reached the disk all the same: keep the files, start-up removes them if not
            r.release();
            throw e;
        }
        view.updateAndGet(v -> v.flushed(m, r));
        discardCommitLog(pf.upTo(), pf.replayed());
        LOG.debug("Flushed {} to {} ({} partitions)", m, d, stats.partitionCount());
        SSTableInfo info = info(r);
        ctx.observers.notify(o -> o.onFlush(metadata.id(), info));
        ctx.observers.notify(o -> o.onSSTableAdded(metadata.id(), info));
    }

    private void discardCommitLog(CommitLogPosition upTo, boolean replayed) {
        CommitLog log = ctx.commitLog();
        if (log != null) {
            if (replayed) {
                log.discardCompleted(metadata.id(), upTo);
            } else {
                log.discardCompletedOfThisRun(metadata.id(), upTo);
            }
        }
    }

    static int chunkLength(TableParams params) {
        String kb = params.compression().get("chunk_length_in_kb");
        try {
            return kb == null ? 16 * 1024 : Math.max(1, Integer.parseInt(kb.trim())) * 1024;
        } catch (NumberFormatException e) {
            return 16 * 1024;
        }
    }

    private Manifest ensureManifest() throws IOException {
        Manifest m = manifest;
        if (m == null) {
            synchronized (this) {
                m = manifest;
                if (m == null) {
                    m = dirs.createManifest();
                    manifest = m;
                }
            }
        }
        return m;
    }

    /** Describes an SSTable for observers and tools. */
    SSTableInfo info(SSTableReader r) {
        Descriptor d = r.descriptor();
        List<String> files = new ArrayList<>();
        for (var c : org.ringlet.storage.lsm.sstable.SSTableFormat.Component.values()) {
            files.add(d.path(c).getFileName().toString());
        }
        return new SSTableInfo(metadata.id(), d.generation(), d.directory().toString(), files, r.onDiskSize(),
                r.level(), r.minTimestamp(), r.maxTimestamp(), r.estimatedPartitionCount());
    }

    List<SSTableInfo> sstableInfos() {
        List<SSTableInfo> out = new ArrayList<>();
        for (SSTableReader r : view.get().sstables()) {
            out.add(info(r));
        }
        return out;
    }

    /**
     * Removes all data: switches out the memtable (discarding it and any pending ones once in-flight writes
     * finish), records in the manifest that the table is flushed up to now, and deletes the SSTables.
     */
    CompletableFuture<Void> truncate() {
        CommitLogPosition upTo;
        Memtable old;
        CompletableFuture<Void> barrier;
        synchronized (switchLock) {
            upTo = ctx.commitLogPosition();
            old = switchMemtable();
            ctx.memory.switched(old.dataSize());
            barrier = ctx.writeOrder.barrier();
        }
        return barrier.thenRunAsync(() -> {
            synchronized (flushLock) {
                try {
                    List<Memtable> dropped = new ArrayList<>();
                    List<PendingFlush> cancelled = new ArrayList<>(pending);
                    for (PendingFlush pf : cancelled) {
                        dropped.add(pf.memtable());
                    }
                    pending.clear();
                    dropped.add(old);
                    List<SSTableReader> sstables = view.get().sstables();
                    Manifest man = ensureManifest();
                    java.util.Set<Long> gens = new java.util.LinkedHashSet<>();
                    sstables.forEach(r -> gens.add(r.generation()));
                    man.apply(new ManifestEdit(java.util.Map.of(), gens, java.util.Map.of(), upTo, -1));
                    view.updateAndGet(v -> {
                        View nv = v.replace(sstables, List.of());
                        for (Memtable m : dropped) {
                            nv = nv.flushed(m, null);
                        }
                        return nv;
                    });
                    for (Memtable m : dropped) {
                        ctx.memory.released(m.dataSize());
                    }
                    for (SSTableReader r : sstables) {
                        SSTableInfo info = info(r);
                        r.markObsolete();
                        r.release();
                        ctx.observers.notify(o -> o.onSSTableRemoved(metadata.id(), info));
                    }
                    CommitLog log = ctx.commitLog();
                    if (log != null) {
                        log.discardCompleted(metadata.id(), upTo);
                    }
                    cancelled.forEach(pf -> pf.done().complete(null));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }, ctx.scheduler.ioExecutor());
    }

    /** Forgets the table: memtables are discarded and the files deleted once no read uses them. */
    CompletableFuture<Void> drop() {
        closed = true;
        CompletableFuture<Void> barrier = ctx.writeOrder.barrier();
        return barrier.thenRunAsync(() -> {
            View v;
            synchronized (switchLock) {
                v = view.getAndSet(new View(new Memtable(ctx.nextMemtableId(), metadata), List.of(), List.of()));
            }
            synchronized (flushLock) {
                ctx.memory.discarded(v.memtable().dataSize());
                for (PendingFlush pf : pending) {
                    ctx.memory.released(pf.memtable().dataSize());
                    pf.done().complete(null);
                }
                pending.clear();
                closeManifest();
                for (SSTableReader r : v.sstables()) {
                    r.markObsolete();
                    r.release();
                }
                CommitLog log = ctx.commitLog();
                if (log != null) {
                    log.forgetTable(metadata.id());
                }
                ctx.scheduler.ioExecutor().execute(dirs::deleteAllWhenUnused);
            }
        }, ctx.scheduler.ioExecutor());
    }

    /** Waits until the flushes switched so far have finished (successfully or not). */
    void awaitFlushes() {
        List<PendingFlush> waiting;
        synchronized (flushLock) {
            waiting = new ArrayList<>(pending);
        }
        for (PendingFlush pf : waiting) {
            try {
                pf.done().join();
            } catch (RuntimeException e) {
                LOG.debug("flush of {} failed", this, e);
            }
        }
    }

    /** Releases files; memtables are not flushed (the commit log holds their data). */
    void close() {
        closed = true;
        synchronized (flushLock) {
            for (SSTableReader r : view.get().sstables()) {
                r.releaseNow();
            }
            closeManifest();
        }
    }

    private void closeManifest() {
        Manifest m = manifest;
        if (m != null) {
            try {
                m.close();
            } catch (IOException e) {
                LOG.debug("closing manifest of {}", metadata, e);
            }
        }
    }

    /** Bytes of the live SSTables. */
    long liveDiskSpaceUsed() {
        long total = 0;
        for (SSTableReader r : view.get().sstables()) {
            total += r.onDiskSize();
        }
        return total;
    }

    int pendingFlushes() {
        synchronized (flushLock) {
            return pending.size();
        }
    }

    TableStats stats() {
        View v = view.get();
        long partitions = 0;
        for (SSTableReader r : v.sstables()) {
            partitions += r.estimatedPartitionCount();
        }
        for (Memtable m : v.allMemtables()) {
            partitions += m.partitionCount();
        }
        long live = liveDiskSpaceUsed();
        return new TableStats(v.sstables().size(), live, live, v.memtable().dataSize(), v.memtable().cellCount(),
                switches.sum(), partitions, reader.readCount(), writes.sum(), pendingFlushes(), maxPartitionSize);
    }

    Path home() {
        return dirs.home();
    }

    @Override
    public String toString() {
        return metadata.keyspace() + "." + metadata.name();
    }
}
