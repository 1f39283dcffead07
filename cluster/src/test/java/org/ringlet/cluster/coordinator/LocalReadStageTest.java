package org.ringlet.cluster.coordinator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.ringlet.api.cluster.RequestMetrics;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.schema.ReplicationParams;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.api.storage.TableStats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Point reads served from memory stay on the calling thread; the others go to the read stage (ADR 0160). */
class LocalReadStageTest {
    private final CoordinatorFixture f = CoordinatorFixture.singleNode(-6000000000000000000L, -100,
            5000000000000000000L);
    private final TableMetadata t = f.addTable("t", ReplicationParams.simple(1));
    private final Set<DecoratedKey> onDisk = ConcurrentHashMap.newKeySet();
    private final List<Runnable> staged = new ArrayList<>();
    private final Executor readStage = staged::add;

    /** The fixture's engine, with some keys "on disk": reading them from memory alone gives up. */
    private final StorageEngine engine = new StorageEngine() {
        @Override
        public CompletionStage<Void> apply(Mutation mutation, boolean durable) {
            return f.storage.apply(mutation, durable);
        }

        @Override
        public Partition read(SinglePartitionReadCommand command) {
            return f.storage.read(command);
        }

        @Override
        public Partition readIfInMemory(SinglePartitionReadCommand command) {
            return onDisk.contains(command.key()) ? null : f.storage.read(command);
        }

        @Override
        public List<Partition> scan(PartitionRangeReadCommand command) {
            return f.storage.scan(command);
        }

        @Override
        public long replayCommitLog(Predicate<TableId> tables) {
            return 0;
        }

        @Override
        public CompletionStage<Void> flush(TableId table) {
            return f.storage.flush(table);
        }

        @Override
        public CompletionStage<Void> flushAll() {
            return f.storage.flushAll();
        }

        @Override
        public CompletionStage<Void> truncate(TableId table, boolean snapshot) {
            return f.storage.truncate(table, snapshot);
        }

        @Override
        public TableStats stats(TableId table) {
            return f.storage.stats(table);
        }

        @Override
        public long liveDiskSpaceUsed() {
            return 0;
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }
    };

    private final LocalReplicaClient client = new LocalReplicaClient(f.topology.localHostId(), engine, f.schema,
            readStage, true, f.clock, RequestMetrics.none(), true);

    private SinglePartitionReadCommand read(int k) {
        return SinglePartitionReadCommand.fullPartition(t.id(), f.key(k), f.clock.currentTimeSeconds());
    }

    @Test
    void aReadServedFromMemoryCompletesOnTheCallingThread() {
        f.storage.apply(f.row(t, 1, 1, "a"), true).toCompletableFuture().join();
        CompletionStage<Partition> r = client.read(f.topology.localHostId(), read(1));
        assertTrue(r.toCompletableFuture().isDone(), "no hand-over");
        assertEquals(1, r.toCompletableFuture().join().rows().size());
        assertTrue(staged.isEmpty());
    }

    @Test
    void aReadThatNeedsTheDiskRunsOnTheReadStage() {
        f.storage.apply(f.row(t, 2, 1, "b"), true).toCompletableFuture().join();
        onDisk.add(f.key(2));
        CompletionStage<Partition> r = client.read(f.topology.localHostId(), read(2));
        assertFalse(r.toCompletableFuture().isDone(), "the calling thread does not read the file");
        assertEquals(1, staged.size());
        staged.remove(0).run();
        assertEquals(1, r.toCompletableFuture().join().rows().size());
    }
}
