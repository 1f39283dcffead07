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

import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
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
import org.ringlet.storage.lsm.sstable.CorruptSSTableException;
import org.ringlet.storage.lsm.sstable.Descriptor;
import org.ringlet.storage.lsm.sstable.SSTableFormat;
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
    private static final java.time.Duration FLUSH_RETRY = java.time.Duration.ofSeconds(10);
    /** The static row a flush writes for a partition without header (rows are immutable). */
    private static final Row NO_STATIC_ROW = Row.empty(Clustering.STATIC);

    private final StorageContext ctx;
    private final TableDirectories dirs;
    private final AtomicReference<View> view;
    private final TableReader reader;
    private final Quarantine quarantine;
    private volatile TableMetadata metadata;
    private volatile Manifest manifest;
    private final Object switchLock = new Object();
    private final Object flushLock = new Object();
    /** Held while the live set changes durably: a manifest edit and the matching view change. */
    private final Object liveLock = new Object();
    private final Deque<PendingFlush> pending = new ArrayDeque<>();
    private final LongAdder writes = new LongAdder();
    private final LongAdder switches = new LongAdder();
    private volatile long maxPartitionSize;
    private volatile boolean closed;

    /**
     * A switched memtable waiting to be written.
     *
     * @param switchedBytes the memtable's size when it was switched (what the memory tracker moved to flushing)
     * @param replayed      whether the table's commit log of earlier runs was replayed when it was switched (only
     *                      then may the flush record {@code upTo} as flushed)
     */
    private record PendingFlush(Memtable memtable, long switchedBytes, CommitLogPosition upTo, boolean replayed,
                                CompletableFuture<Void> barrier, CompletableFuture<Void> done) {
    }

    private TableStore(StorageContext ctx, TableMetadata metadata, TableDirectories dirs, Manifest manifest,
                       List<SSTableReader> sstables, Quarantine quarantine) {
        this.ctx = ctx;
        this.metadata = metadata;
        this.dirs = dirs;
        this.manifest = manifest;
        this.quarantine = quarantine;
        this.view = new AtomicReference<>(new View(newMemtable(ctx, metadata), List.of(),
                sstables));
        this.reader = new TableReader(ctx, this);
        for (SSTableReader r : sstables) {
            maxPartitionSize = Math.max(maxPartitionSize, r.stats().maxPartitionSize());
        }
    }

    private static Memtable newMemtable(StorageContext ctx, TableMetadata metadata) {
        return new Memtable(ctx.nextMemtableId(), metadata, ctx.config.memtableAllocation());
    }

    /** Opens a table's stored data (none yet is fine: directories are made on the first flush). */
    static TableStore open(StorageContext ctx, TableMetadata metadata) throws IOException {
        TableDirectories dirs = new TableDirectories(ctx, metadata);
        Quarantine quarantine = new Quarantine(ctx, metadata.keyspace() + "." + metadata.name());
        TableDirectories.Loaded loaded = dirs.load(quarantine);
        return new TableStore(ctx, metadata, dirs, loaded.manifest(), loaded.sstables(), quarantine);
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
        quarantine.check(command.key());
        try {
            return reader.read(command);
        } catch (CorruptSSTableException | java.io.UncheckedIOException e) {
            throw readFailed(e);
        }
    }

    /**
     * Reads from memory alone (ADR 0160): null when the read needs a chunk that the chunk cache does not hold (the
     * caller repeats it with {@link #read}).
     */
    Partition readIfInMemory(SinglePartitionReadCommand command) {
        quarantine.check(command.key());
        try {
            return ctx.sstables.chunkCache().inMemory(() -> reader.readFromMemory(command));
        } catch (org.ringlet.storage.lsm.sstable.NotInMemoryException e) {
            return null;
        } catch (CorruptSSTableException | java.io.UncheckedIOException e) {
            throw readFailed(e);
        }
    }

    List<Partition> scan(PartitionRangeReadCommand command) {
        quarantine.check(command.range());
        try {
            return reader.scan(command);
        } catch (CorruptSSTableException | java.io.UncheckedIOException e) {
            throw readFailed(e);
        }
    }

    private RuntimeException readFailed(RuntimeException e) {
        if (e instanceof CorruptSSTableException c) {
            corruptionFound(c);
        } else {
            ctx.failures.handle(dirs.home(), e);
        }
        return org.ringlet.api.storage.StorageFailureException.read("Read of " + this + " failed: "
                + e.getMessage(), e);
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
            long switchedBytes = old.dataSize();
            ctx.memory.switched(switchedBytes);
            switches.increment();
            CompletableFuture<Void> barrier = ctx.writeOrder.barrier();
            pf = new PendingFlush(old, switchedBytes, upTo, replayed, barrier, new CompletableFuture<>());
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
        Memtable fresh = newMemtable(ctx, metadata);
        View before = view.getAndUpdate(v -> v.switchMemtable(fresh));
        return before.memtable();
    }

    /** Runs the flushes a failure left pending (after the disk had no space). */
    void retryFlushes() {
        PendingFlush last;
        synchronized (flushLock) {
            last = pending.peekLast();
        }
        if (last != null && !closed) {
            ctx.flushExecutor.execute(() -> runPending(last));
        }
    }

    /**
     * Flushes pending memtables in switch order up to and including {@code target} (barriers complete in that
     * order, so all of them are ready). A failure leaves the failed memtable at the head, to be retried first.
     */
    private void runPending(PendingFlush target) {
        synchronized (flushLock) {
            if (target.done().isDone() && !pending.contains(target)) {
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
                    if (org.ringlet.storage.lsm.io.DiskFullException.isDiskFull(e)) {
                        LOG.warn("Flush of {}.{} failed: the disk is full; the data stays in memory and in the "
                                + "commit log, and the flush is retried in {}s", metadata.keyspace(),
                                metadata.name(), FLUSH_RETRY.toSeconds());
                        ctx.scheduler.schedule(this::retryFlushes, FLUSH_RETRY);
                    } else {
                        LOG.error("Flush of {}.{} failed; the data stays in memory and in the commit log",
                                metadata.keyspace(), metadata.name(), e);
                        ctx.failures.handle(dirs.home(), e);
                    }
                    target.done().completeExceptionally(e);
                    return;
                }
                pending.poll();
                ctx.memory.released(head.switchedBytes(), head.memtable().dataSize());
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
        StatsMetadata stats;
        Descriptor d;
        try (SSTableWriter w = newWriter(m.partitionCount(), 0, pf.upTo())) {
            d = w.descriptor();
            Iterator<MemtablePartition> it = m.partitions(null);
            while (it.hasNext()) {
                MemtablePartition p = it.next();
                long size;
                if (p.hasHeader()) {
                    Partition h = p.header();
                    size = w.appendSerialized(p.key(), h.partitionDeletion(), h.staticRow(), h.rangeTombstones(),
                            p.serializedRows());
                } else {
                    size = w.appendSerialized(p.key(), DeletionTime.LIVE, NO_STATIC_ROW, List.of(),
                            p.serializedRows());
                }
                if (size > maxPartitionSize) {
                    maxPartitionSize = size;
                }
            }
            stats = w.finish();
        }
        SSTableReader r = SSTableReader.open(ctx.sstables, d);
        synchronized (liveLock) {
            try {
                man.apply(ManifestEdit.flush(d.generation(), 0, flushedPosition));
            } catch (IOException e) {
                // the edit may have reached the disk all the same: keep the files, start-up removes them if not
                r.release();
                throw e;
            }
            view.updateAndGet(v -> v.flushed(m, r));
        }
        discardCommitLog(pf.upTo(), pf.replayed());
        LOG.debug("Flushed {} to {} ({} partitions)", m, d, stats.partitionCount());
        SSTableInfo info = info(r);
        ctx.observers.notify(o -> o.onFlush(metadata.id(), info));
        ctx.observers.notify(o -> o.onSSTableAdded(metadata.id(), info));
        ctx.flushed(this);
    }

    /** The live SSTables compaction may use. */
    List<SSTableReader> compactable() {
        return view.get().sstables();
    }

    /**
     * A compaction or read found a corrupt SSTable component: under {@code best_effort} the SSTable is quarantined,
     * under the other policies the failure handler decides.
     */
    void corruptionFound(CorruptSSTableException e) {
        Path path = e.path() == null ? dirs.home() : e.path();
        if (ctx.failures.policy() == StorageConfig.DiskFailurePolicy.BEST_EFFORT) {
            SSTableReader corrupt = owner(path);
            if (corrupt != null) {
                try {
                    quarantine(corrupt);
                } catch (IOException io) {
                    LOG.error("Could not quarantine {}", corrupt, io);
                }
            }
        }
        ctx.failures.handle(path, e);
    }

    private SSTableReader owner(Path file) {
        SSTableFormat.Name n = SSTableFormat.parse(file.getFileName().toString());
        if (n == null) {
            return null;
        }
        for (SSTableReader r : view.get().sstables()) {
            if (r.generation() == n.generation()) {
                return r;
            }
        }
        return null;
    }

    /** Takes a live SSTable out of the live set into quarantine. */
    void quarantine(SSTableReader r) throws IOException {
        synchronized (liveLock) {
            if (!view.get().sstables().contains(r)) {
                return;
            }
            quarantine.add(ensureManifest(), r.descriptor().directory(), r.generation(), r.first(), r.last());
            view.updateAndGet(v -> v.replace(List.of(r), List.of()));
        }
        SSTableInfo info = info(r);
        r.release();
        ctx.observers.notify(o -> o.onSSTableRemoved(metadata.id(), info));
    }

    /** A writer for a new SSTable: a fresh generation, in the data directory with the most free space. */
    SSTableWriter newWriter(long expectedKeys, int level, CommitLogPosition commitLogUpper) throws IOException {
        Manifest man = ensureManifest();
        Descriptor d = new Descriptor(dirs.directoryForNewSSTable(), man.nextGeneration());
        TableMetadata md = metadata;
        TableParams params = md.params();
        SSTableWriter.Metadata meta = new SSTableWriter.Metadata(level, CommitLogPosition.NONE, commitLogUpper, 0,
                ctx.clock.currentTimeMillis());
        return new SSTableWriter(ctx.fs, d, md, ctx.partitioner,
                ctx.writerOptions(params.bloomFilterFpChance(), chunkLength(params), params.minIndexInterval()),
                Math.max(1, expectedKeys), meta);
    }

    /**
     * Replaces SSTables by others in one manifest edit, then in the view; the replaced ones are deleted once no
     * read uses them.
     *
     * @throws IOException when the edit fails or an input is no longer live (truncated, dropped, quarantined)
     */
    void replace(List<SSTableReader> inputs, List<SSTableReader> outputs, int level) throws IOException {
        synchronized (liveLock) {
            if (closed || !view.get().sstables().containsAll(inputs)) {
                throw new IOException("the SSTables compacted are no longer all live in " + this);
            }
            java.util.Set<Long> removed = new java.util.TreeSet<>();
            inputs.forEach(r -> removed.add(r.generation()));
            java.util.Map<Long, Integer> added = new java.util.TreeMap<>();
            outputs.forEach(r -> added.put(r.generation(), level));
            ensureManifest().apply(ManifestEdit.replace(removed, added));
            view.updateAndGet(v -> v.replace(inputs, outputs));
        }
        for (SSTableReader r : outputs) {
            maxPartitionSize = Math.max(maxPartitionSize, r.stats().maxPartitionSize());
            SSTableInfo info = info(r);
            ctx.observers.notify(o -> o.onSSTableAdded(metadata.id(), info));
        }
        for (SSTableReader r : inputs) {
            SSTableInfo info = info(r);
            r.markObsolete();
            r.release();
            ctx.observers.notify(o -> o.onSSTableRemoved(metadata.id(), info));
        }
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
        return TableDescriptions.info(metadata.id(), r);
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
        long oldSwitchedBytes;
        CompletableFuture<Void> barrier;
        synchronized (switchLock) {
            upTo = ctx.commitLogPosition();
            old = switchMemtable();
            oldSwitchedBytes = old.dataSize();
            ctx.memory.switched(oldSwitchedBytes);
            barrier = ctx.writeOrder.barrier();
        }
        return barrier.thenRunAsync(() -> {
            synchronized (flushLock) {
                try {
                    List<Memtable> dropped = new ArrayList<>();
                    List<Long> droppedSwitchedBytes = new ArrayList<>();
                    List<PendingFlush> cancelled = new ArrayList<>(pending);
                    for (PendingFlush pf : cancelled) {
                        dropped.add(pf.memtable());
                        droppedSwitchedBytes.add(pf.switchedBytes());
                    }
                    pending.clear();
                    dropped.add(old);
                    droppedSwitchedBytes.add(oldSwitchedBytes);
                    Manifest man = ensureManifest();
                    java.util.Set<Long> gens = new java.util.LinkedHashSet<>();
                    List<SSTableReader> sstables;
                    synchronized (liveLock) {
                        sstables = view.get().sstables();
                        sstables.forEach(r -> gens.add(r.generation()));
                        man.apply(new ManifestEdit(java.util.Map.of(), gens, java.util.Map.of(), upTo, -1));
                        view.updateAndGet(v -> {
                            View nv = v.replace(sstables, List.of());
                            for (Memtable m : dropped) {
                                nv = nv.flushed(m, null);
                            }
                            return nv;
                        });
                    }
                    for (int i = 0; i < dropped.size(); i++) {
                        ctx.memory.released(droppedSwitchedBytes.get(i), dropped.get(i).dataSize());
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
                v = view.getAndSet(new View(newMemtable(ctx, metadata), List.of(), List.of()));
            }
            synchronized (flushLock) {
                ctx.memory.discarded(v.memtable().dataSize());
                for (PendingFlush pf : pending) {
                    ctx.memory.released(pf.switchedBytes(), pf.memtable().dataSize());
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
            }
        }, ctx.scheduler.ioExecutor()).thenRunAsync(dirs::deleteAllWhenUnused, ctx.scheduler.ioExecutor());
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
        return TableDescriptions.stats(view.get(), reader.readCount(), writes.sum(), switches.sum(), pendingFlushes(),
                maxPartitionSize);
    }

    Path home() {
        return dirs.home();
    }

    @Override
    public String toString() {
        return metadata.keyspace() + "." + metadata.name();
    }
}
