package org.ringlet.cluster.coordinator;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.SinglePartitionReadCommand;

/**
 * Sends the coordinator's requests to one replica. The local node is served directly by the storage engine;
 * other nodes will be reached through internode messaging. Thread-safe; stages may complete on any thread.
 */
public interface ReplicaClient {

    /** Applies a mutation on the replica. */
    CompletionStage<Void> apply(UUID replica, Mutation mutation, boolean durable);

    /** Applies counter deltas on the replica, which leads the update (reads its shard, adds, writes). */
    CompletionStage<Mutation> applyCounters(UUID replica, Mutation deltas);

    /** Reads a partition slice on the replica. */
    CompletionStage<Partition> read(UUID replica, SinglePartitionReadCommand command);

    /** Scans partitions on the replica. */
    CompletionStage<List<Partition>> scan(UUID replica, PartitionRangeReadCommand command);

    /** Truncates a table on the replica. */
    CompletionStage<Void> truncate(UUID replica, TableId table);
}
