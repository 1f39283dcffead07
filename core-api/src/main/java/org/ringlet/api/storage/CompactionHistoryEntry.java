package org.ringlet.api.storage;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * A finished compaction, as a row of {@code system.compaction_history}.
 *
 * @param id                the task's id
 * @param keyspace          {@code keyspace_name}
 * @param table             {@code columnfamily_name}
 * @param compactedAtMillis {@code compacted_at}
 * @param bytesIn           {@code bytes_in}: bytes of the input files
 * @param bytesOut          {@code bytes_out}: bytes of the output files
 * @param rowsMerged        {@code rows_merged}: how many partitions were found in 1, 2, … input files
 * @param properties        {@code compaction_properties}, e.g. the strategy and the kind of compaction
 */
public record CompactionHistoryEntry(UUID id, String keyspace, String table, long compactedAtMillis, long bytesIn,
                                     long bytesOut, Map<Integer, Long> rowsMerged, Map<String, String> properties) {
    public CompactionHistoryEntry {
        requireNonNull(id, "id is null");
        requireNonNull(keyspace, "keyspace is null");
        requireNonNull(table, "table is null");
        rowsMerged = Collections.unmodifiableMap(new TreeMap<>(rowsMerged));
        properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    }
}
