package org.ringlet.cluster.coordinator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.cluster.WriteType;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.error.ReadTimeoutException;
import org.ringlet.api.error.UnavailableException;
import org.ringlet.api.error.WriteFailureException;
import org.ringlet.api.error.WriteTimeoutException;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.ReplicationParams;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.KeyRange;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.SinglePartitionReadCommand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Three nodes whose replicas answer when the test says so: the consistency arithmetic beyond one node. */
class MultiNodePlanningTest {
    private static final UUID A = new UUID(0, 1);
    private static final UUID B = new UUID(0, 2);
    private static final UUID C = new UUID(0, 3);

    private final CoordinatorFixture f = new CoordinatorFixture(List.of(
            CoordinatorFixture.node(A, "127.0.0.1", "dc1", -5000),
            CoordinatorFixture.node(B, "127.0.0.2", "dc1", 0),
            CoordinatorFixture.node(C, "127.0.0.3", "dc1", 5000)), A);
    private final TableMetadata rf3 = f.addTable("rf3", ReplicationParams.simple(3));
    private final Map<UUID, List<CompletableFuture<Void>>> pending = new ConcurrentHashMap<>();

    /** Replicas that hold their answers until the test completes them. */
    private final ReplicaClient held = new ReplicaClient() {
        @Override
        public CompletionStage<Void> apply(UUID replica, Mutation mutation, boolean durable) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            pending.computeIfAbsent(replica, k -> new ArrayList<>()).add(f);
            return f;
        }

        @Override
        public CompletionStage<Mutation> applyCounters(UUID replica, Mutation deltas) {
            return CompletableFuture.completedFuture(deltas);
        }

        @Override
        public CompletionStage<Partition> read(UUID replica, SinglePartitionReadCommand command) {
            return CompletableFuture.completedFuture(Partition.empty(command.table(), command.key()));
        }

        @Override
        public CompletionStage<List<Partition>> scan(UUID replica, PartitionRangeReadCommand command) {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletionStage<Void> truncate(UUID replica, TableId table) {
            return CompletableFuture.completedFuture(null);
        }
    };

    @Test
    void quorumWriteCompletesOnTheSecondAcknowledgement() {
        DefaultCoordinator c = f.coordinator(held, Liveness.all());
        CompletableFuture<Void> w = c.write(List.of(f.row(rf3, 1, 1, "x")), ConsistencyLevel.QUORUM,
                WriteType.SIMPLE).toCompletableFuture();
        assertEquals(3, pending.size(), "every live replica is written");
        pending.get(A).get(0).complete(null);
        assertFalse(w.isDone());
        pending.get(C).get(0).complete(null);
        assertTrue(w.isDone());
        w.join();
    }

    @Test
    void writeTimesOutWithTheAcknowledgementsReceived() {
        DefaultCoordinator c = f.coordinator(held, Liveness.all());
        CompletableFuture<Void> w = c.write(List.of(f.row(rf3, 1, 1, "x")), ConsistencyLevel.ALL,
                WriteType.SIMPLE).toCompletableFuture();
        pending.get(B).get(0).complete(null);
        f.advance(Duration.ofMillis(1999));
        assertFalse(w.isDone());
        f.advance(Duration.ofMillis(1));
        CompletionException e = assertThrows(CompletionException.class, w::join);
        WriteTimeoutException t = assertInstanceOf(WriteTimeoutException.class, e.getCause());
        assertEquals(1, t.received());
        assertEquals(3, t.blockFor());
        assertEquals(WriteType.SIMPLE, t.writeType());
        assertEquals(ConsistencyLevel.ALL, t.consistency());
    }

    @Test
    void readTimesOutAtTheReadTimeoutWithTheAnswersReceived() {
        List<CompletableFuture<Partition>> reads = new ArrayList<>();
        ReplicaClient silentReads = new ReplicaClient() {
            @Override
            public CompletionStage<Void> apply(UUID replica, Mutation mutation, boolean durable) {
                return held.apply(replica, mutation, durable);
            }

            @Override
            public CompletionStage<Mutation> applyCounters(UUID replica, Mutation deltas) {
                return held.applyCounters(replica, deltas);
            }

            @Override
            public CompletionStage<Partition> read(UUID replica, SinglePartitionReadCommand command) {
                CompletableFuture<Partition> f = new CompletableFuture<>();
                reads.add(f);
                return f;
            }

            @Override
            public CompletionStage<List<Partition>> scan(UUID replica, PartitionRangeReadCommand command) {
                return held.scan(replica, command);
            }

            @Override
            public CompletionStage<Void> truncate(UUID replica, TableId table) {
                return held.truncate(replica, table);
            }
        };
        DefaultCoordinator c = f.coordinator(silentReads, Liveness.all());
        CompletableFuture<Partition> r = c.read(SinglePartitionReadCommand.fullPartition(rf3.id(), f.key(1),
                f.clock.currentTimeSeconds()), ConsistencyLevel.QUORUM).toCompletableFuture();
        assertEquals(2, reads.size(), "a quorum of replicas is asked");
        f.advance(Duration.ofMillis(3));
        reads.get(0).complete(Partition.empty(rf3.id(), f.key(1)));
        f.advance(Duration.ofMillis(4_996));
        assertFalse(r.isDone(), "one answer of two, before the 5 s read timeout");
        f.advance(Duration.ofMillis(1));
        CompletionException e = assertThrows(CompletionException.class, r::join);
        ReadTimeoutException t = assertInstanceOf(ReadTimeoutException.class, e.getCause());
        assertEquals(1, t.received());
        assertEquals(2, t.blockFor());
        assertEquals(ConsistencyLevel.QUORUM, t.consistency());
        assertTrue(t.dataPresent(), "the answer received carried data");
    }

    @Test
    void aWriteThatCompletesBeforeItsTimeoutIsNotFailedByTheSweep() {
        DefaultCoordinator c = f.coordinator(held, Liveness.all());
        CompletableFuture<Void> w = c.write(List.of(f.row(rf3, 1, 1, "x")), ConsistencyLevel.ONE,
                WriteType.SIMPLE).toCompletableFuture();
        f.advance(Duration.ofMillis(1_000));
        pending.get(A).get(0).complete(null);
        assertTrue(w.isDone());
        f.advance(Duration.ofSeconds(3));
        w.join();
    }

    @Test
    void tooManyFailuresFailTheWrite() {
        DefaultCoordinator c = f.coordinator(held, Liveness.all());
        CompletableFuture<Void> w = c.write(List.of(f.row(rf3, 1, 1, "x")), ConsistencyLevel.QUORUM,
                WriteType.SIMPLE).toCompletableFuture();
        pending.get(A).get(0).completeExceptionally(new IllegalStateException("disk"));
        assertFalse(w.isDone());
        pending.get(B).get(0).completeExceptionally(new IllegalStateException("disk"));
        CompletionException e = assertThrows(CompletionException.class, w::join);
        WriteFailureException failure = assertInstanceOf(WriteFailureException.class, e.getCause());
        assertEquals(2, failure.blockFor());
    }

    @Test
    void deadReplicasMakeQuorumUnavailable() {
        DefaultCoordinator c = f.coordinator(held, id -> id.equals(A));
        CompletionException e = assertThrows(CompletionException.class, () -> c.write(List.of(f.row(rf3, 1, 1,
                "x")), ConsistencyLevel.QUORUM, WriteType.SIMPLE).toCompletableFuture().join());
        UnavailableException u = assertInstanceOf(UnavailableException.class, e.getCause());
        assertEquals(2, u.required());
        assertEquals(1, u.alive());
        assertTrue(pending.isEmpty(), "nothing is written when the level cannot be met");
    }

    @Test
    void rangeIsCutAtTheRingTokensAndJoinedWhereReplicasAgree() {
        DefaultCoordinator c = f.coordinator(held, Liveness.all());
        RangeReads reads = new RangeReads(c, new ReplicaPlanner(c.strategies(), f.topology, Liveness.all()),
                f.topology);
        f.addTable("rf1", ReplicationParams.simple(1));
        KeyspaceMetadata rf1 = f.schema.current().keyspace("rf1").orElseThrow();
        List<RangeReads.Piece> pieces = reads.pieces(rf1, KeyRange.all());
        assertEquals(4, pieces.size());
        assertEquals(List.of(A), pieces.get(0).replicas());
        assertEquals(List.of(B), pieces.get(1).replicas());
        assertEquals(List.of(C), pieces.get(2).replicas());
        assertEquals(List.of(A), pieces.get(3).replicas(), "the tail wraps to the first token's owner");
        assertEquals(null, pieces.get(0).range().start());
        assertEquals(null, pieces.get(3).range().end());
        KeyspaceMetadata ks3 = f.schema.current().keyspace("rf3").orElseThrow();
        assertEquals(1, reads.pieces(ks3, KeyRange.all()).size(), "every piece has all three nodes as replicas");
    }
}
