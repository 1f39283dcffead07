package org.ringlet.cluster.coordinator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;
import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.error.WriteFailureException;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.ReplicationParams;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.ClusteringFilter;
import org.ringlet.api.storage.ColumnFilter;
import org.ringlet.api.storage.DataLimits;
import org.ringlet.api.storage.KeyRange;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.NativeType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Logged batches through the batchlog: an entry in {@code system.batches} before the mutations, removed after
 * them; an entry whose mutations were not all written is replayed (at start-up every entry, later those older
 * than the limit), with the mutations' own timestamps, and removed.
 */
class LoggedBatchTest {
    private final CoordinatorFixture f = CoordinatorFixture.singleNode(-100);
    private final TableMetadata rf1 = f.addTable("rf1", ReplicationParams.simple(1));
    private final TableMetadata batches = addBatchesTable();
    private final FailingReplicas replicas = new FailingReplicas(new LocalReplicaClient(f.topology.localHostId(),
            f.storage, f.schema, f.scheduler.ioExecutor(), true, f.clock));
    private final DefaultCoordinator coordinator = f.coordinator(replicas, Liveness.all());

    private TableMetadata addBatchesTable() {
        TableMetadata t = TableMetadata.builder("system", "batches").id(new TableId(new UUID(9, 9)))
                .addPartitionKey("id", NativeType.TIMEUUID).addRegular("mutations", ListType.of(NativeType.BLOB))
                .addRegular("version", NativeType.INT).build();
        f.schema.put(KeyspaceMetadata.create("system", new ReplicationParams(
                "org.apache.cassandra.locator.LocalStrategy", Map.of()), true).withTable(t));
        return t;
    }

    private static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private int live(TableMetadata t) {
        long now = f.clock.currentTimeSeconds();
        List<Partition> ps = f.storage.scan(new PartitionRangeReadCommand(t.id(), KeyRange.all(), ClusteringFilter.ALL,
                ColumnFilter.ALL, DataLimits.NONE, now));
        return ps.stream().mapToInt(p -> p.liveRows(now).size()).sum();
    }

    @Test
    void aLoggedBatchLeavesNoEntryBehind() {
        join(coordinator.writeLoggedBatch(List.of(f.row(rf1, 1, 1, "a"), f.row(rf1, 2, 1, "b")),
                ConsistencyLevel.ONE));
        assertEquals(2, live(rf1));
        assertEquals(0, live(batches));
    }

    @Test
    void aBatchWhoseWritesFailedIsReplayedWithItsTimestamps() {
        replicas.failing = true;
        Mutation first = f.row(rf1, 1, 1, "a");
        CompletionException e = assertThrows(CompletionException.class, () -> join(coordinator.writeLoggedBatch(
                List.of(first, f.row(rf1, 2, 1, "b")), ConsistencyLevel.ONE)));
        assertInstanceOf(WriteFailureException.class, e.getCause());
        assertEquals(0, live(rf1));
        assertEquals(1, live(batches), "the entry stays for the replay");

        replicas.failing = false;
        assertEquals(0, join(coordinator.replayBatchlog(Duration.ofSeconds(4))), "too young for a periodic replay");
        f.clock.advance(Duration.ofSeconds(5));
        assertEquals(1, join(coordinator.replayBatchlog(Duration.ofSeconds(4))));
        assertEquals(2, live(rf1));
        assertEquals(0, live(batches));
        Partition p = f.storage.read(SinglePartitionReadCommand.fullPartition(rf1.id(), f.key(1),
                f.clock.currentTimeSeconds()));
        assertEquals(first.partitions().get(rf1.id()).rows().get(0).cell("v").timestamp(),
                p.rows().get(0).cell("v").timestamp());
        assertEquals(0, join(coordinator.replayBatchlog(Duration.ZERO)), "nothing left to replay");
    }

    @Test
    void theUpdatesOfDroppedTablesAreSkipped() {
        TableMetadata rf2 = f.addTable("rf2", ReplicationParams.simple(1));
        replicas.failing = true;
        assertThrows(CompletionException.class, () -> join(coordinator.writeLoggedBatch(
                List.of(f.row(rf1, 1, 1, "a"), f.row(rf2, 2, 1, "b")), ConsistencyLevel.ONE)));
        f.schema.put(f.schema.current().keyspace("rf2").orElseThrow().withoutTable("t"));
        replicas.failing = false;
        assertEquals(1, join(coordinator.replayBatchlog(Duration.ZERO)));
        assertEquals(1, live(rf1));
        assertEquals(0, live(batches));
    }

    /** Fails the writes of keyspace rf1 while {@link #failing}. */
    private static final class FailingReplicas implements ReplicaClient {
        private final ReplicaClient delegate;
        volatile boolean failing;

        FailingReplicas(ReplicaClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletionStage<Void> apply(UUID replica, Mutation mutation, boolean durable) {
            if (failing && !mutation.keyspace().equals("system")) {
                return CompletableFuture.failedFuture(new IllegalStateException("disk on fire"));
            }
            return delegate.apply(replica, mutation, durable);
        }

        @Override
        public CompletionStage<Mutation> applyCounters(UUID replica, Mutation deltas) {
            return delegate.applyCounters(replica, deltas);
        }

        @Override
        public CompletionStage<Partition> read(UUID replica, SinglePartitionReadCommand command) {
            return delegate.read(replica, command);
        }

        @Override
        public CompletionStage<List<Partition>> scan(UUID replica, PartitionRangeReadCommand command) {
            return delegate.scan(replica, command);
        }

        @Override
        public CompletionStage<Void> truncate(UUID replica, org.ringlet.api.schema.TableId table) {
            return delegate.truncate(replica, table);
        }
    }
}
