package org.ringlet.api.storage;

import org.ringlet.api.schema.TableId;

import static java.util.Objects.requireNonNull;

/**
 * One table's part of a snapshot, as {@code nodetool listsnapshots} shows it.
 *
 * @param tag             the snapshot's name
 * @param keyspace        the keyspace
 * @param table           the table's name
 * @param tableId         the table's id
 * @param sizeOnDisk      bytes of the snapshot's files
 * @param trueSize        bytes only the snapshot holds (files no longer live in the table)
 * @param createdAtMillis when it was taken
 */
public record SnapshotInfo(String tag, String keyspace, String table, TableId tableId, long sizeOnDisk,
                           long trueSize, long createdAtMillis) {
    public SnapshotInfo {
        requireNonNull(tag, "tag is null");
        requireNonNull(keyspace, "keyspace is null");
        requireNonNull(table, "table is null");
        requireNonNull(tableId, "tableId is null");
    }
}
