package org.ringlet.api.storage;

import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.schema.TableId;

import static java.util.Objects.requireNonNull;

/**
 * A read of one partition's slice.
 *
 * @param table        the table
 * @param key          the partition key
 * @param clustering   which rows, in which order
 * @param columns      which columns
 * @param limits       how many live rows (rowsPerPartition and rows both apply)
 * @param nowInSeconds the time that decides what has expired, seconds since the epoch
 */
public record SinglePartitionReadCommand(TableId table, DecoratedKey key, ClusteringFilter clustering,
                                         ColumnFilter columns, DataLimits limits, long nowInSeconds) {
    public SinglePartitionReadCommand {
        requireNonNull(table, "table is null");
        requireNonNull(key, "key is null");
        requireNonNull(clustering, "clustering is null");
        requireNonNull(columns, "columns is null");
        requireNonNull(limits, "limits is null");
    }

    /** The whole partition. */
    public static SinglePartitionReadCommand fullPartition(TableId table, DecoratedKey key, long nowInSeconds) {
        return new SinglePartitionReadCommand(table, key, ClusteringFilter.ALL, ColumnFilter.ALL, DataLimits.NONE,
                nowInSeconds);
    }
}
