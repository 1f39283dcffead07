package org.ringlet.cluster.coordinator;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.ringlet.api.cluster.RequestMetrics;
import org.ringlet.api.data.Cell;
import org.ringlet.api.data.ClusteringComparator;
import org.ringlet.api.data.CounterContext;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.data.Slice;
import org.ringlet.api.data.Slices;
import org.ringlet.api.error.ServerError;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.ClusteringFilter;
import org.ringlet.api.storage.ColumnFilter;
import org.ringlet.api.storage.DataLimits;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.api.storage.StorageEngine;

import static java.util.Objects.requireNonNull;

/**
 * Serves requests addressed to this node from the local storage engine (the "local shortcut"). Range scans and
 * counter updates run on the read executor (the scheduler's read stage) because the engine's reads block.
 * Single-partition reads run there too, except, when built with {@code inlineReads}, those the engine can answer from
 * memory ({@link StorageEngine#readIfInMemory}): they run on the calling thread, since a read served from memory
 * costs less than the hand-over to another thread and back, while a read that needs the disk must not hold a request
 * thread (ADR 0160, docs/performance.md). Requests for other nodes fail until internode messaging is wired in.
 * Thread-safe.
 */
public final class LocalReplicaClient implements ReplicaClient {
    private static final int COUNTER_LOCK_STRIPES = 64;
    /** How many counters the counter cache keeps (Cassandra sizes its cache in memory; a count is simpler). */
    private static final int COUNTER_CACHE_ENTRIES = 100_000;

    private final UUID self;
    private final StorageEngine storage;
    private final SchemaService schema;
    private final Executor readExecutor;
    private final boolean autoSnapshot;
    private final boolean inlineReads;
    private final Clock clock;
    private final RequestMetrics metrics;
    private final Object[] counterLocks = new Object[COUNTER_LOCK_STRIPES];
    private final CounterCache counterCache = new CounterCache(COUNTER_CACHE_ENTRIES);

    /**
     * @param self         this node's host id
     * @param readExecutor where blocking storage reads run
     * @param autoSnapshot whether a truncation snapshots the table first ({@code auto_snapshot})
     */
    public LocalReplicaClient(UUID self, StorageEngine storage, SchemaService schema, Executor readExecutor,
                              boolean autoSnapshot, Clock clock) {
        this(self, storage, schema, readExecutor, autoSnapshot, clock, RequestMetrics.none());
    }

    /**
     * @param metrics where each table's local read and write latencies go
     */
    public LocalReplicaClient(UUID self, StorageEngine storage, SchemaService schema, Executor readExecutor,
                              boolean autoSnapshot, Clock clock, RequestMetrics metrics) {
        this(self, storage, schema, readExecutor, autoSnapshot, clock, metrics, false);
    }

    /**
     * @param inlineReads whether single-partition reads the engine can answer from memory run on the calling
     *                    thread instead of the read executor
     */
    public LocalReplicaClient(UUID self, StorageEngine storage, SchemaService schema, Executor readExecutor,
                              boolean autoSnapshot, Clock clock, RequestMetrics metrics, boolean inlineReads) {
        this.inlineReads = inlineReads;
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.self = requireNonNull(self, "self is null");
        this.storage = requireNonNull(storage, "storage is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.readExecutor = requireNonNull(readExecutor, "readExecutor is null");
        this.autoSnapshot = autoSnapshot;
        this.clock = requireNonNull(clock, "clock is null");
        for (int i = 0; i < counterLocks.length; i++) {
            counterLocks[i] = new Object();
        }
    }

    private void checkLocal(UUID replica) {
        if (!self.equals(replica)) {
            throw new ServerError("Replica " + replica + " is not this node, and internode messaging is not "
                    + "available");
        }
    }

    private <T> CompletionStage<T> onReadExecutor(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        readExecutor.execute(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    @Override
    public CompletionStage<Void> apply(UUID replica, Mutation mutation, boolean durable) {
        checkLocal(replica);
        long start = clock.nanoTime();
        CompletionStage<Void> applied = storage.apply(mutation, durable);
        if (applied instanceof CompletableFuture<Void> f && f.isDone()) {
            recordWrite(mutation, start); // applied already (periodic commit log sync): no completion stage
        } else {
            applied.whenComplete((v, e) -> recordWrite(mutation, start));
        }
        return applied;
    }

    private void recordWrite(Mutation mutation, long start) {
        long micros = micros(start);
        for (TableId table : mutation.partitions().keySet()) {
            metrics.localWrite(table, micros);
        }
    }

    private long micros(long start) {
        return Math.max(0, (clock.nanoTime() - start) / 1000);
    }

    /**
     * Turns the deltas into counter contexts: under a lock on the partition, reads this node's current counters,
     * adds the deltas to this node's shard and writes the result.
     */
    @Override
    public CompletionStage<Mutation> applyCounters(UUID replica, Mutation deltas) {
        checkLocal(replica);
        return onReadExecutor(() -> {
            Object lock = counterLocks[Math.floorMod(deltas.key().hashCode(), counterLocks.length)];
            synchronized (lock) {
                List<Partition> updates = new ArrayList<>();
                for (Partition p : deltas.partitions().values()) {
                    updates.add(countersOf(p));
                }
                Mutation result = Mutation.of(deltas.keyspace(), updates);
                storage.apply(result, true).toCompletableFuture().join();
                return result;
            }
        });
    }

    private Partition countersOf(Partition deltas) {
        TableMetadata table = schema.current().table(deltas.table())
                .orElseThrow(() -> new ServerError("Unknown table " + deltas.table()));
        long now = clock.currentTimeSeconds();
        Partition.Builder b = Partition.builder(table, deltas.key());
        List<Row> rows = new ArrayList<>(deltas.rows());
        if (!deltas.staticRow().isEmpty()) {
            rows.add(0, deltas.staticRow());
        }
        for (Row r : rows) {
            Row.Builder out = r.isStatic() ? b.staticRow() : b.row(r.clustering());
            Row stored = null;
            boolean read = false;
            for (Cell delta : r.cells()) {
                if (delta.isTombstone()) {
                    out.addCell(delta);
                    continue;
                }
                CounterCache.Key key = new CounterCache.Key(table.id(), deltas.key().key(), r.clustering(),
                        delta.column(), delta.path());
                CounterCache.Shard current = counterCache.get(key);
                if (current == null) {
                    if (!read) {
                        stored = storedRow(table, deltas, r, now);
                        read = true;
                    }
                    current = storedShard(stored, delta);
                }
                long d = delta.value().getLong(delta.value().position());
                // as Cassandra: the clock follows time, and always moves past the last one
                CounterCache.Shard next = new CounterCache.Shard(Math.max(clock.currentTimeMicros(),
                        current.clock() + 1), current.count() + d);
                counterCache.put(key, next);
                out.addCell(Cell.counter(delta.column(), CounterContext.create(self, next.clock(), next.count()),
                        delta.timestamp()));
            }
        }
        return b.build();
    }

    /** The live stored version of the row a counter update changes, or null. */
    private Row storedRow(TableMetadata table, Partition deltas, Row r, long now) {
        ClusteringComparator comparator = ClusteringComparator.of(table);
        Slices slices = r.isStatic() ? Slices.NONE : Slices.with(comparator, Slice.exactly(r.clustering()));
        Partition current = storage.read(new SinglePartitionReadCommand(table.id(), deltas.key(),
                new ClusteringFilter(slices, false), ColumnFilter.ALL, DataLimits.NONE, now));
        return r.isStatic() ? current.staticRow() : current.rows().stream()
                .filter(x -> x.clustering().equals(r.clustering())).findFirst().orElse(null);
    }

    /** This node's shard of the stored counter, or a blank one. */
    private CounterCache.Shard storedShard(Row stored, Cell delta) {
        Cell old = stored == null ? null : stored.cell(delta.column());
        long[] shard = old == null || !old.isCounter() ? null : CounterContext.shard(old.value(), self);
        return shard == null ? new CounterCache.Shard(0, 0) : new CounterCache.Shard(shard[0], shard[1]);
    }

    @Override
    public CompletionStage<Partition> read(UUID replica, SinglePartitionReadCommand command) {
        checkLocal(replica);
        if (inlineReads) {
            long start = clock.nanoTime();
            Partition p;
            try {
                p = storage.readIfInMemory(command);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            if (p != null) {
                metrics.localRead(command.table(), micros(start));
                return CompletableFuture.completedFuture(p);
            }
        }
        return onReadExecutor(() -> readNow(command));
    }

    private Partition readNow(SinglePartitionReadCommand command) {
        long start = clock.nanoTime();
        try {
            return storage.read(command);
        } finally {
            metrics.localRead(command.table(), micros(start));
        }
    }

    @Override
    public CompletionStage<List<Partition>> scan(UUID replica, PartitionRangeReadCommand command) {
        checkLocal(replica);
        return onReadExecutor(() -> storage.scan(command));
    }

    @Override
    public CompletionStage<Void> truncate(UUID replica, TableId table) {
        checkLocal(replica);
        counterCache.invalidate(table);
        return storage.truncate(table, autoSnapshot);
    }
}
