package org.ringlet.storage.lsm;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.CompactionHistoryEntry;
import org.ringlet.api.storage.CompactionProgress;
import org.ringlet.storage.lsm.compaction.CompactionCandidate;
import org.ringlet.storage.lsm.compaction.CompactionOptions;
import org.ringlet.storage.lsm.compaction.CompactionStrategy;
import org.ringlet.storage.lsm.compaction.CompactionTarget;
import org.ringlet.storage.lsm.compaction.CompactionTask;
import org.ringlet.storage.lsm.compaction.Throttle;
import org.ringlet.storage.lsm.memtable.Memtable;
import org.ringlet.storage.lsm.sstable.CorruptSSTableException;
import org.ringlet.storage.lsm.sstable.Descriptor;
import org.ringlet.storage.lsm.sstable.SSTableReader;
import org.ringlet.storage.lsm.sstable.SSTableWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine's compactions: one at a time per table, at most {@code concurrent_compactors} at once on the
 * scheduler's I/O executor, all throttled together by {@code compaction_throughput}. Background compactions are
 * looked for after flushes and compactions; major compactions run on request. Keeps the progress of running
 * compactions and the history of finished ones. Thread-safe.
 */
final class CompactionManager {
    private static final Logger LOG = LoggerFactory.getLogger(CompactionManager.class);
    private static final int HISTORY = 10_000;
    private static final Duration RETRY = Duration.ofSeconds(60);

    private final StorageContext ctx;
    private final RandomSource random;
    private final Throttle throttle;
    private final Executor executor;
    private final Map<TableId, TableState> tables = new ConcurrentHashMap<>();
    private final Map<UUID, Running> running = new ConcurrentHashMap<>();
    private final Deque<CompactionHistoryEntry> history = new ArrayDeque<>();
    private volatile boolean stopped;

    private record Running(CompactionTask task, TableStore store, CompletableFuture<?> future) {
    }

    /**
     * A requested compaction: all SSTables (major), or the listed generations (user-defined).
     *
     * @param generations the SSTables to compact, or null for all
     */
    private record Request(Set<Long> generations, CompletableFuture<Void> done) {
    }

    /** One table's compaction state, guarded by itself. */
    private static final class TableState {
        boolean busy;
        boolean again;
        final Deque<Request> requests = new ArrayDeque<>();
    }

    CompactionManager(StorageContext ctx, RandomSource random) {
        this.ctx = ctx;
        this.random = random;
        this.throttle = new Throttle(ctx.clock, ctx.config.compactionThroughput());
        this.executor = new BoundedExecutor(ctx.scheduler.ioExecutor(), ctx.config.concurrentCompactors());
    }

    void setThroughput(long bytesPerSecond) {
        throttle.setRate(bytesPerSecond);
    }

    /** Looks for a background compaction of the table (after a flush, a compaction, a schema change). */
    void maybeCompact(TableStore store) {
        schedule(store, false);
    }

    /** Compacts all of a table's SSTables; completes when done. */
    CompletableFuture<Void> major(TableStore store) {
        return request(store, null);
    }

    /** Compacts exactly the SSTables of the given generations together (a user-defined compaction). */
    CompletableFuture<Void> userDefined(TableStore store, Set<Long> generations) {
        return request(store, Set.copyOf(generations));
    }

    private CompletableFuture<Void> request(TableStore store, Set<Long> generations) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        TableState s = tables.computeIfAbsent(store.id(), k -> new TableState());
        synchronized (s) {
            s.requests.add(new Request(generations, f));
        }
        schedule(store, true);
        return f;
    }

    private void schedule(TableStore store, boolean major) {
        if (stopped) {
            return;
        }
        TableState s = tables.computeIfAbsent(store.id(), k -> new TableState());
        synchronized (s) {
            if (s.busy) {
                s.again = true;
                return;
            }
            s.busy = true;
        }
        try {
            executor.execute(() -> runOne(store, s));
        } catch (RuntimeException e) {
            synchronized (s) {
                s.busy = false;
            }
            LOG.warn("Could not schedule a compaction of {}: {}", store, e.toString());
        }
    }

    private void runOne(TableStore store, TableState state) {
        Request request;
        synchronized (state) {
            request = state.requests.poll();
            state.again = false;
        }
        List<CompletableFuture<Void>> waiters = request == null ? List.of() : List.of(request.done());
        CompactionCandidate candidate;
        long now = ctx.clock.currentTimeSeconds();
        TableMetadata md = store.metadata();
        long gcBefore = now - md.params().gcGraceSeconds();
        try {
            CompactionStrategy strategy = CompactionStrategy.of(options(md));
            List<SSTableReader> live = store.compactable();
            if (request == null) {
                candidate = strategy.next(live, now, gcBefore);
            } else if (request.generations() == null) {
                candidate = strategy.major(live);
            } else {
                List<SSTableReader> chosen = new ArrayList<>();
                int level = 0;
                for (SSTableReader r : live) {
                    if (request.generations().contains(r.generation())) {
                        chosen.add(r);
                        level = Math.max(level, r.level());
                    }
                }
                if (chosen.size() != request.generations().size()) {
                    throw new IllegalArgumentException("not all of " + request.generations() + " are live in "
                            + store);
                }
                candidate = new CompactionCandidate(chosen, level, Long.MAX_VALUE, "User defined compaction");
            }
        } catch (RuntimeException e) {
            LOG.warn("Choosing a compaction of {} failed: {}", store, e.toString());
            waiters.forEach(f -> f.completeExceptionally(e));
            finished(store, state, false);
            return;
        }
        if (stopped || candidate == null || candidate.inputs().isEmpty() || !refAll(candidate.inputs())) {
            waiters.forEach(f -> f.complete(null));
            finished(store, state, false);
            return;
        }
        if (!enoughSpace(store, candidate)) {
            candidate.inputs().forEach(SSTableReader::release);
            waiters.forEach(f -> f.completeExceptionally(new IOException("not enough free disk space to compact "
                    + store)));
            finished(store, state, false);
            ctx.scheduler.schedule(() -> maybeCompact(store), RETRY);
            return;
        }
        UUID id = random.randomUuid();
        CompactionTask task = new CompactionTask(id, new Target(store), candidate, now, gcBefore, throttle,
                ctx.scheduler, executor);
        CompactionCandidate c = candidate;
        CompletableFuture<CompactionTask.Result> f = task.start();
        running.put(id, new Running(task, store, f));
        f.whenComplete((result, error) -> {
            running.remove(id);
            c.inputs().forEach(SSTableReader::release);
            if (error == null) {
                record(id, store, c, result, md);
                waiters.forEach(m -> m.complete(null));
            } else {
                LOG.warn("{} of {} failed: {}", c.kind(), store, error.toString());
                if (error instanceof CorruptSSTableException corrupt) {
                    store.corruptionFound(corrupt);
                }
                waiters.forEach(m -> m.completeExceptionally(error));
            }
            finished(store, state, error == null);
            if (error != null && !stopped) {
                ctx.scheduler.schedule(() -> maybeCompact(store), RETRY);
            }
        });
    }

    private void finished(TableStore store, TableState state, boolean lookAgain) {
        boolean again;
        boolean majors;
        synchronized (state) {
            state.busy = false;
            again = state.again;
            majors = !state.requests.isEmpty();
        }
        if (majors) {
            schedule(store, true);
        } else if (lookAgain || again) {
            schedule(store, false);
        }
    }

    private static CompactionOptions options(TableMetadata md) {
        try {
            return CompactionOptions.from(md.params().compaction());
        } catch (RuntimeException e) {
            LOG.warn("Invalid compaction options of {}.{} ({}): using size-tiered defaults", md.keyspace(),
                    md.name(), e.getMessage());
            return CompactionOptions.from(Map.of());
        }
    }

    private static boolean refAll(List<SSTableReader> readers) {
        for (int i = 0; i < readers.size(); i++) {
            if (!readers.get(i).tryRef()) {
                for (int j = 0; j < i; j++) {
                    readers.get(j).release();
                }
                return false;
            }
        }
        return true;
    }

    private boolean enoughSpace(TableStore store, CompactionCandidate c) {
        long needed = 0;
        for (SSTableReader r : c.inputs()) {
            needed += r.onDiskSize();
        }
        try {
            long best = 0;
            for (Path d : store.directories().all()) {
                best = Math.max(best, ctx.fs.usableSpace(d));
            }
            if (best < needed) {
                LOG.warn("Not compacting {}: {} bytes of input but only {} bytes free", store, needed, best);
                return false;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void record(UUID id, TableStore store, CompactionCandidate c, CompactionTask.Result result,
                        TableMetadata md) {
        CompactionHistoryEntry e = new CompactionHistoryEntry(id, md.keyspace(), md.name(),
                ctx.clock.currentTimeMillis(), result.bytesIn(), result.bytesOut(), result.rowsMerged(),
                Map.of("compaction_type", c.kind(), "strategy", options(md).strategyName(),
                        "output_level", Integer.toString(c.outputLevel())));
        synchronized (history) {
            history.addLast(e);
            while (history.size() > HISTORY) {
                history.removeFirst();
            }
        }
        LOG.debug("{} of {}: {} SSTables ({} bytes) into {} ({} bytes)", c.kind(), store, c.inputs().size(),
                result.bytesIn(), result.outputs().size(), result.bytesOut());
    }

    List<CompactionProgress> progress() {
        List<CompactionProgress> out = new ArrayList<>();
        for (Map.Entry<UUID, Running> e : running.entrySet()) {
            CompactionTask t = e.getValue().task();
            TableMetadata md = e.getValue().store().metadata();
            out.add(new CompactionProgress(e.getKey(), t.candidate().kind(), md.keyspace(), md.name(), t.completed(),
                    t.total(), "bytes"));
        }
        return out;
    }

    List<CompactionHistoryEntry> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** Stops running compactions (their outputs are discarded) and waits for them. */
    void stop() {
        stopped = true;
        for (Running r : running.values()) {
            r.task().stop();
        }
        for (Running r : running.values()) {
            try {
                r.future().join();
            } catch (RuntimeException e) {
                LOG.debug("compaction stopped: {}", e.toString());
            }
        }
    }

    /** The compaction target of a table. */
    private final class Target implements CompactionTarget {
        private final TableStore store;

        Target(TableStore store) {
            this.store = store;
        }

        @Override
        public TableMetadata metadata() {
            return store.metadata();
        }

        @Override
        public SSTableWriter newWriter(long expectedKeys, int level) throws IOException {
            return store.newWriter(expectedKeys, level, org.ringlet.storage.lsm.commitlog.CommitLogPosition.NONE);
        }

        @Override
        public SSTableReader openOutput(Descriptor descriptor, int level) throws IOException {
            SSTableReader r = SSTableReader.open(ctx.sstables, descriptor);
            r.setLevel(level);
            return r;
        }

        @Override
        public long maxPurgeableTimestamp(DecoratedKey key, Set<SSTableReader> compacting) {
            View v = store.view();
            long min = Long.MAX_VALUE;
            for (Memtable m : v.allMemtables()) {
                if (m.get(key) != null) {
                    min = Math.min(min, m.minTimestamp());
                }
            }
            for (SSTableReader r : v.sstables()) {
                if (!compacting.contains(r) && r.mayContain(key)) {
                    min = Math.min(min, r.minTimestamp());
                }
            }
            return min;
        }

        @Override
        public void replace(List<SSTableReader> inputs, List<SSTableReader> outputs, int outputLevel)
                throws IOException {
            store.replace(inputs, outputs, outputLevel);
        }
    }
}
