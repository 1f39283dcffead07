package org.ringlet.cluster.coordinator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;
import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.cluster.WriteType;
import org.ringlet.api.data.Cell;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.CounterContext;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.error.ErrorCode;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.error.UnavailableException;
import org.ringlet.api.ring.Token;
import org.ringlet.api.schema.ClusteringOrder;
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
import org.ringlet.api.testing.ring.Murmur3TestPartitioner;
import org.ringlet.api.types.NativeType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SingleNodeCoordinatorTest {
    private final CoordinatorFixture f = CoordinatorFixture.singleNode(-6000000000000000000L, -100, 5000000000000000000L);
    private final TableMetadata rf1 = f.addTable("rf1", ReplicationParams.simple(1));
    private final TableMetadata rf2 = f.addTable("rf2", ReplicationParams.simple(2));
    private final DefaultCoordinator coordinator = f.coordinator();

    private static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private static RingletException failure(CompletionStage<?> stage) {
        CompletionException e = assertThrows(CompletionException.class, () -> stage.toCompletableFuture().join());
        return assertInstanceOf(RingletException.class, e.getCause());
    }

    private PartitionRangeReadCommand scan(TableMetadata t, DataLimits limits) {
        return new PartitionRangeReadCommand(t.id(), KeyRange.all(), ClusteringFilter.ALL, ColumnFilter.ALL, limits,
                f.clock.currentTimeSeconds());
    }

    @Test
    void writesAndReadsGoThroughTheLocalReplica() {
        join(coordinator.write(List.of(f.row(rf1, 1, 1, "a"), f.row(rf1, 1, 2, "b")), ConsistencyLevel.ONE,
                WriteType.SIMPLE));
        Partition p = join(coordinator.read(SinglePartitionReadCommand.fullPartition(rf1.id(), f.key(1),
                f.clock.currentTimeSeconds()), ConsistencyLevel.LOCAL_ONE));
        assertEquals(2, p.liveRows(f.clock.currentTimeSeconds()).size());
        assertEquals(0, f.scheduler.pendingTasks(), "the timeout is cancelled when the request completes");
    }

    @Test
    void rangeReadsReturnPartitionsInTokenOrderAcrossTheRingAndHonourTheLimit() {
        List<Mutation> writes = new ArrayList<>();
        for (int k = 1; k <= 20; k++) {
            writes.add(f.row(rf1, k, 1, "v" + k));
        }
        join(coordinator.write(writes, ConsistencyLevel.ONE, WriteType.UNLOGGED_BATCH));
        List<Partition> all = join(coordinator.rangeRead(scan(rf1, DataLimits.NONE), ConsistencyLevel.ONE));
        assertEquals(20, all.size());
        List<Token> tokens = new ArrayList<>();
        all.forEach(p -> tokens.add(p.key().token()));
        List<Token> sorted = new ArrayList<>(tokens);
        sorted.sort(null);
        assertEquals(sorted, tokens);
        List<Partition> five = join(coordinator.rangeRead(scan(rf1, DataLimits.rows(5)), ConsistencyLevel.ONE));
        assertEquals(CoordinatorFixture.keysOf(all).subList(0, 5), CoordinatorFixture.keysOf(five));
        // resume after the fifth partition
        PartitionRangeReadCommand resumed = new PartitionRangeReadCommand(rf1.id(),
                KeyRange.all().resumingAfter(five.get(4).key(), null), ClusteringFilter.ALL, ColumnFilter.ALL,
                DataLimits.NONE, f.clock.currentTimeSeconds());
        assertEquals(CoordinatorFixture.keysOf(all).subList(5, 20),
                CoordinatorFixture.keysOf(join(coordinator.rangeRead(resumed, ConsistencyLevel.ONE))));
    }

    @Test
    void rangePiecesAreJoinedOnOneNode() {
        RangeReads reads = new RangeReads(coordinator, new ReplicaPlanner(coordinator.strategies(), f.topology,
                Liveness.all()), f.topology);
        KeyspaceMetadata ks = f.schema.current().keyspace("rf1").orElseThrow();
        List<RangeReads.Piece> pieces = reads.pieces(ks, KeyRange.all());
        assertEquals(1, pieces.size());
        assertEquals(KeyRange.all(), pieces.get(0).range());
        Token a = new Murmur3TestPartitioner.LongToken(-200);
        Token b = new Murmur3TestPartitioner.LongToken(0);
        assertEquals(new KeyRange(a, false, b, true, null, null),
                reads.pieces(ks, KeyRange.ofTokens(a, b)).get(0).range());
    }

    @Test
    void quorumOfReplicationFactorTwoOnOneNodeIsUnavailable() {
        for (ConsistencyLevel cl : List.of(ConsistencyLevel.QUORUM, ConsistencyLevel.TWO, ConsistencyLevel.ALL,
                ConsistencyLevel.LOCAL_QUORUM, ConsistencyLevel.EACH_QUORUM)) {
            RingletException e = failure(coordinator.write(List.of(f.row(rf2, 1, 1, "a")), cl, WriteType.SIMPLE));
            UnavailableException u = assertInstanceOf(UnavailableException.class, e);
            assertEquals(ErrorCode.UNAVAILABLE, u.code());
            assertEquals(cl, u.consistency());
            assertEquals(2, u.required());
            assertEquals(1, u.alive());
            assertEquals("Cannot achieve consistency level " + cl.name(), u.getMessage());
            failure(coordinator.read(SinglePartitionReadCommand.fullPartition(rf2.id(), f.key(1), 0), cl));
            failure(coordinator.rangeRead(scan(rf2, DataLimits.NONE), cl));
        }
        for (ConsistencyLevel cl : List.of(ConsistencyLevel.ONE, ConsistencyLevel.LOCAL_ONE, ConsistencyLevel.ANY)) {
            join(coordinator.write(List.of(f.row(rf2, 1, 1, "a")), cl, WriteType.SIMPLE));
        }
        join(coordinator.read(SinglePartitionReadCommand.fullPartition(rf2.id(), f.key(1), 0),
                ConsistencyLevel.LOCAL_ONE));
    }

    @Test
    void serialReadsAreCheckedAtQuorumAndLevelsAreValidated() {
        UnavailableException u = assertInstanceOf(UnavailableException.class, failure(coordinator.read(
                SinglePartitionReadCommand.fullPartition(rf2.id(), f.key(1), 0), ConsistencyLevel.SERIAL)));
        assertEquals(ConsistencyLevel.QUORUM, u.consistency());
        InvalidRequestException any = assertInstanceOf(InvalidRequestException.class, failure(coordinator.read(
                SinglePartitionReadCommand.fullPartition(rf1.id(), f.key(1), 0), ConsistencyLevel.ANY)));
        assertEquals("ANY ConsistencyLevel is only supported for writes", any.getMessage());
        InvalidRequestException serial = assertInstanceOf(InvalidRequestException.class, failure(coordinator.write(
                List.of(f.row(rf1, 1, 1, "a")), ConsistencyLevel.SERIAL, WriteType.SIMPLE)));
        assertEquals("You must use conditional updates for serializable writes", serial.getMessage());
    }

    @Test
    void localStrategyKeyspacesHaveOneReplicaAtEveryLevel() {
        TableMetadata local = f.addTable("local_ks", new ReplicationParams("org.apache.cassandra.locator.LocalStrategy",
                Map.of()));
        join(coordinator.write(List.of(f.row(local, 1, 1, "a")), ConsistencyLevel.ALL, WriteType.SIMPLE));
        assertEquals(1, join(coordinator.rangeRead(scan(local, DataLimits.NONE), ConsistencyLevel.QUORUM)).size());
    }

    @Test
    void countersAddUpAtTheLeader() {
        TableMetadata counters = TableMetadata.builder("rf1", "c").id(new TableId(new java.util.UUID(5, 5)))
                .addPartitionKey("k", NativeType.INT).addRegular("n", NativeType.COUNTER).build();
        f.schema.put(f.schema.current().keyspace("rf1").orElseThrow().withTable(counters));
        for (long delta : List.of(5L, -2L, 10L)) {
            Partition.Builder p = Partition.builder(counters, f.key(7));
            p.row(Clustering.EMPTY).addCell(Cell.live("n", null, NativeType.BIGINT.decompose(delta),
                    f.clock.currentTimeMicros()));
            join(coordinator.writeCounters(List.of(Mutation.of("rf1", p.build())), ConsistencyLevel.ONE));
        }
        Partition p = join(coordinator.read(SinglePartitionReadCommand.fullPartition(counters.id(), f.key(7), 0),
                ConsistencyLevel.ONE));
        Cell n = p.rows().get(0).cell("n");
        assertTrue(n.isCounter());
        assertEquals(13L, CounterContext.total(n.value()));
    }

    /**
     * As Cassandra with its counter cache: a counter deleted and incremented again continues from its last value;
     * after a truncation it starts from zero.
     */
    @Test
    void aDeletedCounterContinuesFromItsLastValueUntilTruncated() {
        TableMetadata counters = TableMetadata.builder("rf1", "c2").id(new TableId(new java.util.UUID(6, 6)))
                .addPartitionKey("k", NativeType.INT).addRegular("n", NativeType.COUNTER).build();
        f.schema.put(f.schema.current().keyspace("rf1").orElseThrow().withTable(counters));
        increment(counters, -2);
        f.clock.advance(java.time.Duration.ofSeconds(1));
        Partition.Builder delete = Partition.builder(counters, f.key(7));
        delete.deletePartition(new org.ringlet.api.data.DeletionTime(f.clock.currentTimeMicros(),
                f.clock.currentTimeSeconds()));
        join(coordinator.write(List.of(Mutation.of("rf1", delete.build())), ConsistencyLevel.ONE, WriteType.SIMPLE));
        f.clock.advance(java.time.Duration.ofSeconds(1));
        assertEquals(-1L, increment(counters, 1));
        join(coordinator.truncate(counters.id()));
        f.clock.advance(java.time.Duration.ofSeconds(1));
        assertEquals(1L, increment(counters, 1));
    }

    private long increment(TableMetadata counters, long delta) {
        Partition.Builder p = Partition.builder(counters, f.key(7));
        p.row(Clustering.EMPTY).addCell(Cell.live("n", null, NativeType.BIGINT.decompose(delta),
                f.clock.currentTimeMicros()));
        join(coordinator.writeCounters(List.of(Mutation.of("rf1", p.build())), ConsistencyLevel.ONE));
        Partition read = join(coordinator.read(SinglePartitionReadCommand.fullPartition(counters.id(), f.key(7),
                f.clock.currentTimeSeconds()), ConsistencyLevel.ONE));
        return CounterContext.total(read.liveRows(f.clock.currentTimeSeconds()).get(0).cell("n").value());
    }

    @Test
    void truncateEmptiesTheTable() {
        join(coordinator.write(List.of(f.row(rf1, 3, 1, "a")), ConsistencyLevel.ONE, WriteType.SIMPLE));
        join(coordinator.truncate(rf1.id()));
        assertEquals(0, join(coordinator.rangeRead(scan(rf1, DataLimits.NONE), ConsistencyLevel.ONE)).size());
    }

    @Test
    void unknownKeyspaceOrTableIsInvalid() {
        TableMetadata ghost = TableMetadata.builder("ghost", "t").addPartitionKey("k", NativeType.INT)
                .addClustering("c", NativeType.INT, ClusteringOrder.ASC).build();
        InvalidRequestException e = assertInstanceOf(InvalidRequestException.class, failure(coordinator.write(
                List.of(f.row(ghost, 1, 1, "a")), ConsistencyLevel.ONE, WriteType.SIMPLE)));
        assertEquals("Keyspace ghost does not exist", e.getMessage());
        failure(coordinator.read(SinglePartitionReadCommand.fullPartition(ghost.id(), f.key(1), 0),
                ConsistencyLevel.ONE));
        assertEquals(NativeType.INT, ghost.partitionKeyColumns().get(0).type());
    }
}
