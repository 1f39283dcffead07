package org.ringlet.api.storage;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * A running compaction, as {@code nodetool compactionstats} shows it.
 *
 * @param id        the task's id
 * @param kind      what it does, e.g. {@code Compaction}, {@code Major compaction}, {@code Tombstone compaction}
 * @param keyspace  the keyspace
 * @param table     the table
 * @param completed how much is done, in {@code unit}
 * @param total     how much there is to do, in {@code unit}
 * @param unit      the unit of {@code completed} and {@code total}, e.g. {@code bytes}
 */
public record CompactionProgress(UUID id, String kind, String keyspace, String table, long completed, long total,
                                 String unit) {
    public CompactionProgress {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(keyspace, "keyspace is null");
        requireNonNull(table, "table is null");
        requireNonNull(unit, "unit is null");
    }
}
