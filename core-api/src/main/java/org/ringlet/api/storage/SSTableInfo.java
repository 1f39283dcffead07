package org.ringlet.api.storage;

import java.util.List;

import org.ringlet.api.schema.TableId;

import static java.util.Objects.requireNonNull;

/**
 * A description of one immutable data file set of a table (an SSTable).
 *
 * @param table          the table
 * @param generation     its number, unique within the table
 * @param directory      the directory holding its components
 * @param components     the file names of its components
 * @param onDiskSize     bytes of all components
 * @param level          its compaction level (0 for size-tiered tables)
 * @param minTimestamp   the lowest write timestamp it holds
 * @param maxTimestamp   the highest write timestamp it holds
 * @param partitionCount the number of partitions
 */
public record SSTableInfo(TableId table, long generation, String directory, List<String> components,
                          long onDiskSize, int level, long minTimestamp, long maxTimestamp, long partitionCount) {
    public SSTableInfo {
        requireNonNull(table, "table is null");
        requireNonNull(directory, "directory is null");
        components = List.copyOf(components);
    }
}
