package org.ringlet.api.cluster;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;

import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.SinglePartitionReadCommand;

/**
 * Carries reads and writes to the replicas of their tokens at a consistency level: what the query layer calls.
 * A single node is a one-node ring going through the same code path.
 *
 * <p>Stages fail with {@link org.ringlet.api.error.UnavailableException} when too few replicas are alive,
 * {@link org.ringlet.api.error.WriteTimeoutException} / {@link org.ringlet.api.error.ReadTimeoutException} when
 * too few answer in time, and the failure exceptions when replicas report errors. Thread-safe.
 */
public interface Coordinator {

    /**
     * Writes mutations (each to its replicas).
     *
     * @param writeType SIMPLE for single statements, UNLOGGED_BATCH for unlogged batches
     */
    CompletionStage<Void> write(Collection<Mutation> mutations, ConsistencyLevel consistency, WriteType writeType);

    /** Writes a logged batch: all of its mutations are applied eventually, or none. */
    CompletionStage<Void> writeLoggedBatch(Collection<Mutation> mutations, ConsistencyLevel consistency);

    /**
     * Applies counter updates: each mutation holds counter cells whose values are 8-byte deltas; the
     * coordinator turns them into counter contexts at a replica and replicates the result.
     */
    CompletionStage<Void> writeCounters(Collection<Mutation> mutations, ConsistencyLevel consistency);

    /**
     * Reads one partition slice. The result is the reconciled data of the replicas consulted (deletions
     * applied, tombstones possibly kept; use {@link Partition#liveRows(long)} for what a query sees).
     */
    CompletionStage<Partition> read(SinglePartitionReadCommand command, ConsistencyLevel consistency);

    /** Reads several partitions of one table (an IN query), each at the consistency level. */
    CompletionStage<List<Partition>> read(List<SinglePartitionReadCommand> commands, ConsistencyLevel consistency);

    /** Scans partitions in token order across the ring. */
    CompletionStage<List<Partition>> rangeRead(PartitionRangeReadCommand command, ConsistencyLevel consistency);

    /** Deletes all data of a table on every node (needs all nodes alive). */
    CompletionStage<Void> truncate(TableId table);
}
