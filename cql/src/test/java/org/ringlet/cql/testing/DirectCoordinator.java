package org.ringlet.cql.testing;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.cluster.Coordinator;
import org.ringlet.api.cluster.WriteType;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.api.storage.StorageEngine;

/**
 * A coordinator for the query layer's tests: one replica, the local storage engine, every level satisfied. The
 * real coordinator (consistency arithmetic, replicas) is the cluster module's and is tested there.
 */
public final class DirectCoordinator implements Coordinator {
    private final StorageEngine storage;

    public DirectCoordinator(StorageEngine storage) {
        this.storage = storage;
    }

    @Override
    public CompletionStage<Void> write(Collection<Mutation> mutations, ConsistencyLevel consistency,
                                       WriteType writeType) {
        CompletableFuture<?>[] all = mutations.stream().map(m -> storage.apply(m, true).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all);
    }

    @Override
    public CompletionStage<Void> writeLoggedBatch(Collection<Mutation> mutations, ConsistencyLevel consistency) {
        return write(mutations, consistency, WriteType.BATCH);
    }

    @Override
    public CompletionStage<Void> writeCounters(Collection<Mutation> mutations, ConsistencyLevel consistency) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("no counters in these tests"));
    }

    @Override
    public CompletionStage<Partition> read(SinglePartitionReadCommand command, ConsistencyLevel consistency) {
        if (consistency == ConsistencyLevel.ANY) {
            return CompletableFuture.failedFuture(new InvalidRequestException(
                    "ANY ConsistencyLevel is only supported for writes"));
        }
        return CompletableFuture.completedFuture(storage.read(command));
    }

    @Override
    public CompletionStage<List<Partition>> read(List<SinglePartitionReadCommand> commands,
                                                 ConsistencyLevel consistency) {
        return CompletableFuture.completedFuture(commands.stream().map(storage::read).toList());
    }

    @Override
    public CompletionStage<List<Partition>> rangeRead(PartitionRangeReadCommand command,
                                                      ConsistencyLevel consistency) {
        return CompletableFuture.completedFuture(storage.scan(command));
    }

    @Override
    public CompletionStage<Void> truncate(TableId table) {
        return storage.truncate(table, false);
    }
}
