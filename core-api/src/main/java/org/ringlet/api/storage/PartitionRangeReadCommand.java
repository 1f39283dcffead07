package org.ringlet.api.storage;

import org.ringlet.api.schema.TableId;

import static java.util.Objects.requireNonNull;

/**
 * A scan of several partitions in token order.
 *
 * @param table        the table
 * @param range        the partitions
 * @param clustering   which rows of each partition, in which order (a reversed scan reverses rows within each
 *                     partition; partitions stay in token order)
 * @param columns      which columns
 * @param limits       how many live rows in total and per partition, or distinct partitions
 * @param nowInSeconds the time that decides what has expired
 */
public record PartitionRangeReadCommand(TableId table, KeyRange range, ClusteringFilter clustering,
                                        ColumnFilter columns, DataLimits limits, long nowInSeconds) {
    public PartitionRangeReadCommand {
        requireNonNull(table, "table is null");
        requireNonNull(range, "range is null");
        requireNonNull(clustering, "clustering is null");
        requireNonNull(columns, "columns is null");
        requireNonNull(limits, "limits is null");
    }
}
