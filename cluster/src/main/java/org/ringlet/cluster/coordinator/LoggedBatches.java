package org.ringlet.cluster.coordinator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.cluster.WriteType;
import org.ringlet.api.data.DataSerializer;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.ring.TopologyService;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.Schema;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.ClusteringFilter;
import org.ringlet.api.storage.ColumnFilter;
import org.ringlet.api.storage.DataLimits;
import org.ringlet.api.storage.KeyRange;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Logged batches, as Cassandra writes them: the batch goes to the batchlog ({@code system.batches}, on the
 * replicas of the {@code system} keyspace: this node), then its mutations are written at the requested level,
 * then the batchlog entry is removed. {@link #replay} writes the mutations of entries left behind (a coordinator
 * that crashed or whose writes failed) again, with their original timestamps, and removes the entries: every
 * logged batch ends up applied entirely. Thread-safe.
 */
final class LoggedBatches {
    private static final Logger LOG = LoggerFactory.getLogger(LoggedBatches.class);

    private final DefaultCoordinator coordinator;
    private final SchemaService schema;
    private final TopologyService topology;
    private final Clock clock;
    private final Batchlog batchlog;
    private final Executor continuation;

    /** @param continuation where a batch goes on once its batchlog entry is written */
    LoggedBatches(DefaultCoordinator coordinator, SchemaService schema, TopologyService topology, Clock clock,
                  Executor continuation) {
        this.coordinator = requireNonNull(coordinator, "coordinator is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.topology = requireNonNull(topology, "topology is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.batchlog = new Batchlog(clock, topology.localHostId());
        this.continuation = requireNonNull(continuation, "continuation is null");
    }

    /** Writes a logged batch: batchlog entry, mutations, removal of the entry. */
    CompletionStage<Void> write(Collection<Mutation> mutations, ConsistencyLevel consistency) {
        List<Mutation> batch = List.copyOf(mutations);
        // as Cassandra: too few replicas for any of the mutations fails the batch before anything is written
        coordinator.checkWritable(batch, consistency);
        TableMetadata table = Batchlog.table(schema.current());
        UUID id = batchlog.nextId();
        Mutation entry = Batchlog.entry(table, topology.partitioner(), id, batch, clock.currentTimeMicros());
        // the batchlog write completes on the storage engine's thread (e.g. its commit log sync): the batch goes on
        // on the node's compute executor
        return coordinator.write(List.of(entry), ConsistencyLevel.ONE, WriteType.BATCH_LOG)
                .thenComposeAsync(v -> coordinator.write(batch, consistency, WriteType.BATCH), continuation)
                .thenRun(() -> remove(table, id));
    }

    /** Removes a batch's entry; nobody waits for it (a failure leaves the entry to the next replay). */
    private void remove(TableMetadata table, UUID id) {
        Mutation removal = Batchlog.removal(table, topology.partitioner(), id, clock.currentTimeMicros(),
                clock.currentTimeSeconds());
        coordinator.write(List.of(removal), ConsistencyLevel.ONE, WriteType.BATCH_LOG).whenComplete((v, e) -> {
            if (e != null) {
                LOG.warn("Could not remove batch {} from the batchlog; it will be replayed", id, e);
            }
        });
    }

    /**
     * Replays the batchlog's entries: writes each entry's mutations again (at ONE, with their own timestamps) and
     * removes the entry once they are written. An entry that cannot be replayed now stays for the next replay.
     *
     * @param olderThan only entries at least this old (a batch in flight is younger than twice the write timeout);
     *                  {@link Duration#ZERO} replays every entry, as at start-up
     * @return the number of batches replayed
     */
    CompletionStage<Integer> replay(Duration olderThan) {
        Schema current = schema.current();
        TableMetadata table = Batchlog.table(current);
        long now = clock.currentTimeSeconds();
        long limit = clock.currentTimeMillis() - olderThan.toMillis();
        UUID self = topology.localHostId();
        PartitionRangeReadCommand scan = new PartitionRangeReadCommand(table.id(), KeyRange.all(),
                ClusteringFilter.ALL, ColumnFilter.ALL, DataLimits.NONE, now);
        return coordinator.replicas().scan(self, scan).thenCompose(partitions -> {
            List<Batchlog.Entry> due = new ArrayList<>();
            for (Partition p : partitions) {
                for (Row row : p.liveRows(now)) {
                    Batchlog.Entry e = Batchlog.read(p.key(), row, topology.partitioner());
                    if (Batchlog.createdMillis(e.id()) <= limit || olderThan.isZero()) {
                        due.add(e);
                    }
                }
            }
            CompletionStage<Integer> done = CompletableFuture.completedFuture(0);
            for (Batchlog.Entry e : due) {
                done = done.thenCompose(n -> replay(table, e).thenApply(ok -> ok ? n + 1 : n));
            }
            return done;
        });
    }

    private CompletionStage<Boolean> replay(TableMetadata table, Batchlog.Entry e) {
        if (e.version() != DataSerializer.VERSION) {
            LOG.warn("Dropping batch {} from the batchlog: written in serialization version {}, this node reads {}",
                    e.id(), e.version(), DataSerializer.VERSION);
            remove(table, e.id());
            return CompletableFuture.completedFuture(false);
        }
        List<Mutation> live = new ArrayList<>();
        for (Mutation m : e.mutations()) {
            Mutation kept = withExistingTables(m);
            if (kept != null) {
                live.add(kept);
            }
        }
        CompletionStage<Void> written = live.isEmpty() ? CompletableFuture.completedFuture(null)
                : coordinator.write(live, ConsistencyLevel.ONE, WriteType.BATCH);
        return written.handle((v, error) -> {
            if (error != null) {
                LOG.warn("Could not replay batch {}; it stays in the batchlog", e.id(), error);
                return false;
            }
            LOG.info("Replayed batch {} ({} mutations) from the batchlog", e.id(), live.size());
            remove(table, e.id());
            return true;
        });
    }

    /** The mutation without the updates of tables dropped since (Cassandra skips those too), or null. */
    private Mutation withExistingTables(Mutation m) {
        Schema current = schema.current();
        List<Partition> kept = new ArrayList<>();
        for (Partition p : m.partitions().values()) {
            if (current.table(p.table()).isPresent()) {
                kept.add(p);
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        KeyspaceMetadata ks = current.keyspace(m.keyspace()).orElse(null);
        return ks == null ? null : Mutation.of(m.keyspace(), kept);
    }
}
