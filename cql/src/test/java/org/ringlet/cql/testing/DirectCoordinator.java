package org.ringlet.cql.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.cluster.Coordinator;
import org.ringlet.api.cluster.WriteType;
import org.ringlet.api.data.Cell;
import org.ringlet.api.data.CounterContext;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.ClusteringFilter;
import org.ringlet.api.storage.ColumnFilter;
import org.ringlet.api.storage.DataLimits;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.api.storage.StorageEngine;

/**
 * A coordinator for the query layer's tests: one replica, the local storage engine, every level satisfied. The
 * real coordinator (consistency arithmetic, replicas) is the cluster module's and is tested there.
 */
public final class DirectCoordinator implements Coordinator {
    private static final UUID SELF = new UUID(0, 1);
    private final StorageEngine storage;
    private final Function<TableId, TableMetadata> tables;

    /**
     * @param tables the current table of an id (for counter updates)
     */
    public DirectCoordinator(StorageEngine storage, Function<TableId, TableMetadata> tables) {
        this.storage = storage;
        this.tables = tables;
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
    public synchronized CompletionStage<Void> writeCounters(Collection<Mutation> mutations,
                                                           ConsistencyLevel consistency) {
        for (Mutation m : mutations) {
            List<Partition> updates = new ArrayList<>();
            for (Partition p : m.partitions().values()) {
                updates.add(counters(p));
            }
            storage.apply(Mutation.of(m.keyspace(), updates), true).toCompletableFuture().join();
        }
        return CompletableFuture.completedFuture(null);
    }

    /** The deltas of a partition turned into counter contexts added to the stored ones. */
    private Partition counters(Partition deltas) {
        TableMetadata table = tables.apply(deltas.table());
        Partition current = storage.read(new SinglePartitionReadCommand(table.id(), deltas.key(),
                ClusteringFilter.ALL, ColumnFilter.ALL, DataLimits.NONE, Long.MAX_VALUE / 2));
        Partition.Builder b = Partition.builder(table, deltas.key());
        List<Row> rows = new ArrayList<>(deltas.rows());
        rows.add(deltas.staticRow());
        for (Row r : rows) {
            Row existing = r.isStatic() ? current.staticRow() : current.rows().stream()
                    .filter(x -> x.clustering().equals(r.clustering())).findFirst().orElse(null);
            Row.Builder out = r.isStatic() ? b.staticRow() : b.row(r.clustering());
            for (Cell delta : r.cells()) {
                if (delta.isTombstone()) {
                    out.addCell(delta);
                    continue;
                }
                Cell old = existing == null ? null : existing.cell(delta.column());
                out.addCell(Cell.counter(delta.column(), CounterContext.increment(
                        old == null || !old.isCounter() ? null : old.value(), SELF,
                        delta.value().getLong(delta.value().position())), delta.timestamp()));
            }
        }
        return b.build();
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
