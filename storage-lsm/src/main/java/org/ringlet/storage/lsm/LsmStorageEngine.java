package org.ringlet.storage.lsm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.ringlet.api.NodeContext;
import org.ringlet.api.data.ByteOutput;
import org.ringlet.api.data.DataSerializer;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.SchemaChangeListener;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.SSTableInfo;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.api.storage.StorageFailureException;
import org.ringlet.api.storage.TableObserver;
import org.ringlet.api.storage.TableStats;
import org.ringlet.storage.lsm.commitlog.CommitFailurePolicy;
import org.ringlet.storage.lsm.commitlog.CommitLog;
import org.ringlet.storage.lsm.io.DiskFullException;
import org.ringlet.storage.lsm.io.FileSystem;
import org.ringlet.storage.lsm.manifest.Manifest;
import org.ringlet.storage.lsm.memtable.Memtable;
import org.ringlet.storage.lsm.sstable.ChunkCache;
import org.ringlet.storage.lsm.sstable.KeyCache;
import org.ringlet.storage.lsm.sstable.SSTableContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The log-structured storage engine: every durable write is appended to the commit log, then applied to the
 * table's memtable; memtables are flushed to immutable SSTables; reads merge memtables and SSTables. See
 * {@link StorageEngine} for the contract and ADR 0020 for the design. Thread-safe.
 */
public final class LsmStorageEngine implements StorageEngine {
    private static final Logger LOG = LoggerFactory.getLogger(LsmStorageEngine.class);

    private final StorageConfig config;
    private final FileSystem fs;
    private final SchemaService schema;
    private final Partitioner partitioner;
    private final StorageContext ctx;
    private final Map<TableId, TableStore> stores = new ConcurrentHashMap<>();
    /** Drops of tables still snapshotting or deleting their files in the background; stop waits for them. */
    private static final Duration DROP_WAIT = Duration.ofSeconds(60);
    private final Set<CompletableFuture<Void>> pendingDrops = ConcurrentHashMap.newKeySet();
    private final MemoryFlushTrigger memoryFlushes;
    private final List<Predicate<TableId>> replayed = new CopyOnWriteArrayList<>();
    private final List<org.ringlet.api.storage.StorageFailureListener> failureListeners =
            new CopyOnWriteArrayList<>();
    private final SchemaChangeListener schemaListener = new SchemaFollower();
    private volatile CommitLog commitLog;
    private final CompactionManager compactions;
    private volatile boolean noEarlierSegments;
    private volatile boolean started;
    private volatile boolean stopped;

    /**
     * @param config  the settings
     * @param fs      where files live
     * @param context the node services: clock, scheduler, schema service, partitioner
     */
    public LsmStorageEngine(StorageConfig config, FileSystem fs, NodeContext context) {
        this.config = requireNonNull(config, "config is null");
        this.fs = requireNonNull(fs, "fs is null");
        this.schema = context.service(SchemaService.class);
        this.partitioner = context.service(Partitioner.class);
        // Cache maintenance runs on the reading thread (as Cassandra's chunk cache does): handing it to another
        // thread woke that thread every few reads and cost more than the maintenance itself
        // (docs/performance.md).
        java.util.concurrent.Executor executor = Runnable::run;
        var clock = context.clock();
        SSTableContext sstables = new SSTableContext(fs, partitioner,
                new ChunkCache(config.fileCacheSize(), executor, clock::nanoTime),
                new KeyCache(config.keyCacheSize(), executor, clock::nanoTime),
                context.scheduler().ioExecutor(), config.partitionIndexSize());
        DiskFailureHandler failures = new DiskFailureHandler(config.diskFailurePolicy(),
                (policy, path, error) -> notifyFailure(org.ringlet.api.storage.StorageFailureListener.Kind.DATA,
                        policy.name(), error));
        this.ctx = new StorageContext(config, fs, context.scheduler(), clock, partitioner, sstables, failures);
        ctx.replayDone(t -> noEarlierSegments || replayed.stream().anyMatch(p -> p.test(t)));
        this.compactions = new CompactionManager(ctx, context.random());
        ctx.afterFlush(compactions::maybeCompact);
        this.memoryFlushes = new MemoryFlushTrigger(context.scheduler().ioExecutor(),
                () -> ctx.memory.flushDue() && !stopped, this::flushLargestForMemory);
    }

    private void notifyFailure(org.ringlet.api.storage.StorageFailureListener.Kind kind, String policy,
                               Throwable error) {
        String name = policy.toLowerCase(java.util.Locale.ROOT);
        for (org.ringlet.api.storage.StorageFailureListener l : failureListeners) {
            try {
                l.onFailure(kind, name, error);
            } catch (RuntimeException e) {
                LOG.warn("Storage failure listener {} failed", l, e);
            }
        }
    }

    @Override
    public void addFailureListener(org.ringlet.api.storage.StorageFailureListener listener) {
        failureListeners.add(requireNonNull(listener, "listener is null"));
    }

    @Override
    public String serviceName() {
        return "storage engine (lsm)";
    }

    public StorageConfig config() {
        return config;
    }

    @Override
    public synchronized void start() throws IOException {
        if (started) {
            throw new IllegalStateException("already started");
        }
        for (Path d : config.dataDirectories()) {
            fs.createDirectoriesDurably(d);
        }
        for (KeyspaceMetadata ks : schema.current().keyspaces().values()) {
            for (TableMetadata t : ks.tables().values()) {
                openStore(t);
            }
        }
        schema.addListener(schemaListener);
        CommitLog log = new CommitLog(fs, config.commitLog(), ctx.scheduler, ctx.clock, new CommitLogEvents());
        log.start(highestFlushedSegment() + 1);
        noEarlierSegments = log.segmentsOfEarlierRuns().isEmpty();
        commitLog = log;
        ctx.commitLog(log);
        started = true;
        for (TableStore s : stores.values()) {
            compactions.maybeCompact(s);
        }
        LOG.info("Storage engine started: {} table(s) in {}, commit log in {}", stores.size(),
                config.dataDirectories(), config.commitLog().directory());
    }

    private void openStore(TableMetadata t) throws IOException {
        if (t.isVirtual() || stores.containsKey(t.id())) {
            return;
        }
        stores.put(t.id(), TableStore.open(ctx, t));
    }

    /** The highest commit log segment any table directory on disk records as flushed. */
    private long highestFlushedSegment() throws IOException {
        long max = 0;
        for (Path data : config.dataDirectories()) {
            for (Path ks : fs.list(data)) {
                if (!fs.isDirectory(ks)) {
                    continue;
                }
                for (Path table : fs.list(ks)) {
                    if (fs.isDirectory(table) && Manifest.exists(fs, table)) {
                        max = Math.max(max, Manifest.readFlushedPosition(fs, table).segmentId());
                    }
                }
            }
        }
        return max;
    }

    private TableStore store(TableId id) {
        TableStore s = stores.get(id);
        if (s == null) {
            throw new InvalidRequestException("Unknown table id " + id + " (the table does not exist or was "
                    + "dropped)");
        }
        return s;
    }

    private void checkRunning() {
        if (!started || stopped) {
            throw new IllegalStateException("the storage engine is " + (stopped ? "stopped" : "not started"));
        }
        ctx.failures.checkServing();
    }

    @Override
    public CompletionStage<Void> apply(Mutation mutation, boolean durable) {
        try {
            checkRunning();
            Collection<Partition> updates = mutation.partitions().values();
            TableStore[] targets = new TableStore[updates.size()];
            Partition[] parts = new Partition[updates.size()];
            int i = 0;
            for (Partition p : updates) {
                targets[i] = store(p.table());
                parts[i++] = p;
            }
            WriteOrder.Group group = ctx.writeOrder.start();
            boolean handedOff = false;
            try {
                Memtable[] memtables = new Memtable[targets.length];
                for (int k = 0; k < targets.length; k++) {
                    memtables[k] = targets[k].currentMemtable();
                }
                CommitLog log = commitLog;
                if (durable && log != null) {
                    ByteOutput out = CommitLog.recordBuffer(mutation.dataSize() + 64);
                    DataSerializer.write(mutation, out);
                    out.writeInt(0);
                    log.append(out.toByteBuffer(), mutation.partitions().keySet());
                    CompletableFuture<Void> sync = log.whenDurable();
                    if (!sync.isDone()) {
                        handedOff = true;
                        return sync.handle((v, e) -> {
                            try {
                                if (e != null) {
                                    throw writeFailure(e);
                                }
                                applyToMemtables(targets, memtables, parts);
                                return null;
                            } finally {
                                group.finish();
                            }
                        });
                    }
                    sync.join();
                }
                applyToMemtables(targets, memtables, parts);
                return CompletableFuture.completedFuture(null);
            } finally {
                if (!handedOff) {
                    group.finish();
                }
            }
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new InvalidRequestException(e.getMessage()));
        } catch (RingletException e) {
            return CompletableFuture.failedFuture(e);
        } catch (IOException | CompletionException | UncheckedIOException e) {
            return CompletableFuture.failedFuture(writeFailure(e));
        }
    }

    private static RingletException writeFailure(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof RingletException r) {
            return r;
        }
        String what = DiskFullException.isDiskFull(cause) ? "the commit log disk is full" : cause.toString();
        return StorageFailureException.write("Write failed: " + what, cause);
    }

    private void applyToMemtables(TableStore[] targets, Memtable[] memtables, Partition[] parts) {
        for (int k = 0; k < targets.length; k++) {
            ctx.memory.allocated(targets[k].apply(memtables[k], parts[k]));
        }
        memoryFlushes.request();
    }

    /** Switches out the largest memtable taking writes for a flush; false when every one is empty. */
    private boolean flushLargestForMemory() {
        TableStore largest = null;
        long size = 0;
        for (TableStore s : stores.values()) {
            long sz = s.currentMemtable().dataSize();
            if (sz > size) {
                size = sz;
                largest = s;
            }
        }
        if (largest == null) {
            return false;
        }
        LOG.debug("Flushing {} ({} bytes): memtables hold {} of {} bytes", largest, size, ctx.memory.liveBytes(),
                ctx.memory.limit());
        largest.flush();
        return true;
    }

    @Override
    public Partition read(SinglePartitionReadCommand command) {
        checkRunning();
        return store(command.table()).read(command);
    }

    @Override
    public Partition readIfInMemory(SinglePartitionReadCommand command) {
        checkRunning();
        return store(command.table()).readIfInMemory(command);
    }

    @Override
    public List<org.ringlet.api.storage.CacheStats> cacheStats() {
        KeyCache k = ctx.sstables.keyCache();
        ChunkCache c = ctx.sstables.chunkCache();
        long chunkRequests = c.requests();
        return List.of(
                new org.ringlet.api.storage.CacheStats("KeyCache", k.capacity(), k.weightedSize(), k.size(),
                        k.requests(), Math.min(k.hits(), k.requests()), 0),
                new org.ringlet.api.storage.CacheStats("ChunkCache", c.capacity(), c.weightedSize(), c.entries(),
                        chunkRequests, Math.max(0, chunkRequests - c.misses()), c.missNanos()));
    }

    @Override
    public List<Partition> scan(PartitionRangeReadCommand command) {
        checkRunning();
        return store(command.table()).scan(command);
    }

    @Override
    public synchronized long replayCommitLog(Predicate<TableId> tables) {
        checkRunning();
        Predicate<TableId> before = t -> noEarlierSegments || replayed.stream().anyMatch(p -> p.test(t));
        CommitLogReplayer replayer = new CommitLogReplayer(ctx, commitLog, partitioner, stores::get);
        Set<TableStore> touched = replayer.replay(tables, before);
        replayed.add(tables);
        List<CompletableFuture<Void>> flushes = new ArrayList<>();
        for (TableStore s : touched) {
            flushes.add(s.flush());
        }
        CompletableFuture.allOf(flushes.toArray(new CompletableFuture<?>[0])).join();
        if (replayer.count() > 0) {
            LOG.info("Replayed {} mutation(s) from the commit log into {} table(s)", replayer.count(), touched.size());
        }
        return replayer.count();
    }

    @Override
    public CompletionStage<Void> flush(TableId table) {
        checkRunning();
        return store(table).flush();
    }

    @Override
    public CompletionStage<Void> flushAll() {
        checkRunning();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (TableStore s : stores.values()) {
            all.add(s.flush());
        }
        return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]));
    }

    @Override
    public CompletionStage<Void> truncate(TableId table, boolean snapshot) {
        checkRunning();
        TableStore s = store(table);
        CompletableFuture<Void> before = CompletableFuture.completedFuture(null);
        if (snapshot && config.autoSnapshot() && s.metadata().params().allowAutoSnapshot()) {
            String base = "truncated-" + ctx.clock.currentTimeMillis() + "-" + s.metadata().name();
            before = s.flush().thenRun(() -> {
                // two truncations within a millisecond each keep their snapshot
                String name = base;
                for (int i = 2; Snapshots.exists(ctx, s, name); i++) {
                    name = base + "-" + i;
                }
                Snapshots.take(ctx, s, name);
            });
        }
        return before.thenCompose(v -> s.truncate());
    }

    @Override
    public TableStats stats(TableId table) {
        return store(table).stats();
    }

    @Override
    public long liveDiskSpaceUsed() {
        long total = 0;
        for (TableStore s : stores.values()) {
            total += s.liveDiskSpaceUsed();
        }
        return total;
    }

    @Override
    public void addObserver(TableObserver observer) {
        ctx.observers.add(requireNonNull(observer, "observer is null"));
    }

    @Override
    public void removeObserver(TableObserver observer) {
        ctx.observers.remove(observer);
    }

    @Override
    public List<SSTableInfo> sstables(TableId table) {
        return store(table).sstableInfos();
    }

    @Override
    public CompletionStage<Void> compact(TableId table) {
        checkRunning();
        TableStore s = store(table);
        return s.flush().thenCompose(v -> compactions.major(s));
    }

    /**
     * Compacts exactly the given SSTables of a table together (Cassandra's user-defined compaction); completes
     * when done.
     */
    public CompletionStage<Void> compact(TableId table, Set<Long> generations) {
        checkRunning();
        return compactions.userDefined(store(table), generations);
    }

    @Override
    public List<org.ringlet.api.storage.CompactionProgress> compactionProgress() {
        return compactions.progress();
    }

    @Override
    public List<org.ringlet.api.storage.CompactionHistoryEntry> compactionHistory() {
        return compactions.history();
    }

    @Override
    public void setCompactionThroughput(long bytesPerSecond) {
        compactions.setThroughput(bytesPerSecond);
    }

    @Override
    public CompletionStage<Void> snapshot(String tag, Collection<TableId> tables) {
        checkRunning();
        try {
            Snapshots.checkTag(tag);
            List<TableStore> chosen = new ArrayList<>();
            for (TableId id : tables.isEmpty() ? stores.keySet() : tables) {
                chosen.add(store(id));
            }
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (TableStore s : chosen) {
                all.add(s.flush().thenRun(() -> Snapshots.take(ctx, s, tag)));
            }
            return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void clearSnapshot(String tag, Collection<TableId> tables) {
        Set<TableId> chosen = Set.copyOf(tables);
        Snapshots.clear(ctx, tag, id -> chosen.isEmpty() || chosen.contains(id));
    }

    @Override
    public List<org.ringlet.api.storage.SnapshotInfo> listSnapshots() {
        return Snapshots.list(ctx);
    }

    /** The commit log (for tests and tools). */
    CommitLog commitLog() {
        return commitLog;
    }

    /** A table's store (for tests and tools in this package). */
    TableStore tableStore(TableId id) {
        return store(id);
    }

    /** Bytes of memtables taking writes, as accounted against {@code memtable_heap_space} (for tests). */
    long liveMemtableBytes() {
        return ctx.memory.liveBytes();
    }

    /** Bytes of switched memtables waiting to be flushed, as accounted (for tests). */
    long flushingMemtableBytes() {
        return ctx.memory.flushingBytes();
    }

    @Override
    public synchronized void stop() {
        if (!started || stopped) {
            return;
        }
        stopped = true;
        schema.removeListener(schemaListener);
        compactions.stop();
        for (TableStore s : stores.values()) {
            s.awaitFlushes();
        }
        awaitPendingDrops();
        CommitLog log = commitLog;
        if (log != null) {
            log.stop();
        }
        for (TableStore s : stores.values()) {
            s.close();
        }
        LOG.info("Storage engine stopped");
    }

    /** Waits until the dropped tables' snapshots and file deletions have finished, so nothing writes after stop. */
    private void awaitPendingDrops() {
        CompletableFuture<Void> all = CompletableFuture.allOf(pendingDrops.toArray(new CompletableFuture<?>[0]));
        try {
            all.get(DROP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("A dropped table's files were still being removed when the storage engine stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.debug("drop of a table failed", e);
        }
    }

    /** Follows the schema: new tables get a store, dropped ones lose their data, altered ones new metadata. */
    private final class SchemaFollower implements SchemaChangeListener {
        @Override
        public void onCreateTable(TableMetadata table) {
            try {
                openStore(table);
            } catch (IOException | RuntimeException e) {
                LOG.error("Could not open the data of new table {}.{}", table.keyspace(), table.name(), e);
            }
        }

        @Override
        public void onAlterTable(TableMetadata before, TableMetadata after) {
            TableStore s = stores.get(after.id());
            if (s != null) {
                s.updateMetadata(after);
                compactions.maybeCompact(s);
            }
        }

        @Override
        public void onDropTable(TableMetadata table) {
            TableStore s = stores.remove(table.id());
            if (s != null) {
                CompletableFuture<Void> finished = new CompletableFuture<>();
                pendingDrops.add(finished);
                finished.whenComplete((v, e) -> pendingDrops.remove(finished));
                CompletableFuture<Void> before = CompletableFuture.completedFuture(null);
                if (config.autoSnapshot() && table.params().allowAutoSnapshot()) {
                    String name = "dropped-" + ctx.clock.currentTimeMillis() + "-" + table.name();
                    before = s.flush().thenRun(() -> Snapshots.take(ctx, s, name));
                }
                CompletableFuture<Void> dropped = before.exceptionally(e -> {
                    LOG.warn("Could not snapshot dropped table {}.{}: {}", table.keyspace(), table.name(),
                            e.toString());
                    return null;
                }).thenCompose(v -> s.drop()).exceptionally(e -> {
                    LOG.warn("Dropping the data of {}.{} failed: {}", table.keyspace(), table.name(), e.toString());
                    return null;
                });
                dropped.whenComplete((v, e) -> finished.complete(null));
            }
        }

        @Override
        public void onDropKeyspace(KeyspaceMetadata keyspace) {
            for (TableMetadata t : keyspace.tables().values()) {
                onDropTable(t);
            }
        }
    }

    /** Reacts to the commit log's requests. */
    private final class CommitLogEvents implements CommitLog.Listener {
        @Override
        public void onSpaceExceeded(Set<TableId> tablesToFlush) {
            for (TableId id : tablesToFlush) {
                TableStore s = stores.get(id);
                if (s != null) {
                    LOG.debug("Flushing {} to free commit log space", s);
                    s.flush();
                }
            }
        }

        @Override
        public void onFailure(Throwable error, CommitFailurePolicy policy) {
            if (!DiskFullException.isDiskFull(error)) {
                notifyFailure(org.ringlet.api.storage.StorageFailureListener.Kind.COMMIT_LOG, policy.name(), error);
            }
        }
    }
}
