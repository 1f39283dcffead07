package org.ringlet.api.schema;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * A table's options, with Cassandra 5.0's names and defaults ({@link #defaults()}). Maps are sorted by key, as
 * the schema tables and DESCRIBE show them.
 *
 * @param additionalWritePolicy  {@code additional_write_policy}, default {@code 99p}
 * @param allowAutoSnapshot      {@code allow_auto_snapshot}, default true
 * @param bloomFilterFpChance    {@code bloom_filter_fp_chance}, default 0.01
 * @param caching                {@code caching}, default {@code {keys: ALL, rows_per_partition: NONE}}
 * @param cdc                    {@code cdc}, default false
 * @param comment                {@code comment}, default empty
 * @param compaction             {@code compaction}, with the strategy's fully qualified {@code class}
 * @param compression            {@code compression}, with the compressor's fully qualified {@code class}
 * @param crcCheckChance         {@code crc_check_chance}, default 1.0
 * @param defaultTimeToLive      {@code default_time_to_live} in seconds, default 0
 * @param extensions             {@code extensions}, default empty
 * @param gcGraceSeconds         {@code gc_grace_seconds}, default 864000 (10 days)
 * @param incrementalBackups     {@code incremental_backups}, default true
 * @param maxIndexInterval       {@code max_index_interval}, default 2048
 * @param memtable               {@code memtable}, default {@code default}
 * @param memtableFlushPeriodInMs {@code memtable_flush_period_in_ms}, default 0
 * @param minIndexInterval       {@code min_index_interval}, default 128
 * @param readRepair             {@code read_repair}, default {@code BLOCKING}
 * @param speculativeRetry       {@code speculative_retry}, default {@code 99p}
 */
public record TableParams(
        String additionalWritePolicy,
        boolean allowAutoSnapshot,
        double bloomFilterFpChance,
        Map<String, String> caching,
        boolean cdc,
        String comment,
        Map<String, String> compaction,
        Map<String, String> compression,
        double crcCheckChance,
        int defaultTimeToLive,
        Map<String, ByteBuffer> extensions,
        int gcGraceSeconds,
        boolean incrementalBackups,
        int maxIndexInterval,
        String memtable,
        int memtableFlushPeriodInMs,
        int minIndexInterval,
        String readRepair,
        String speculativeRetry) {

    /** Fully qualified class of the default compaction strategy. */
    public static final String SIZE_TIERED = "org.apache.cassandra.db.compaction.SizeTieredCompactionStrategy";
    /** Fully qualified class of the leveled compaction strategy. */
    public static final String LEVELED = "org.apache.cassandra.db.compaction.LeveledCompactionStrategy";
    /** Fully qualified class of the default compressor. */
    public static final String LZ4_COMPRESSOR = "org.apache.cassandra.io.compress.LZ4Compressor";

    public TableParams {
        requireNonNull(additionalWritePolicy, "additionalWritePolicy is null");
        caching = sorted(caching);
        requireNonNull(comment, "comment is null");
        compaction = sorted(compaction);
        compression = sorted(compression);
        Map<String, ByteBuffer> ext = new TreeMap<>();
        requireNonNull(extensions, "extensions is null")
                .forEach((k, v) -> ext.put(k, v.asReadOnlyBuffer()));
        extensions = Collections.unmodifiableMap(ext);
        requireNonNull(memtable, "memtable is null");
        requireNonNull(readRepair, "readRepair is null");
        requireNonNull(speculativeRetry, "speculativeRetry is null");
    }

    private static Map<String, String> sorted(Map<String, String> m) {
        return Collections.unmodifiableMap(new TreeMap<>(requireNonNull(m, "map is null")));
    }

    /** Cassandra 5.0's defaults for a new table. */
    public static TableParams defaults() {
        return new TableParams("99p", true, 0.01,
                Map.of("keys", "ALL", "rows_per_partition", "NONE"),
                false, "",
                Map.of("class", SIZE_TIERED, "max_threshold", "32", "min_threshold", "4"),
                Map.of("chunk_length_in_kb", "16", "class", LZ4_COMPRESSOR),
                1.0, 0, Map.of(), 864000, true, 2048, "default", 0, 128, "BLOCKING", "99p");
    }

    public TableParams withComment(String c) {
        return new TableParams(additionalWritePolicy, allowAutoSnapshot, bloomFilterFpChance, caching, cdc, c,
                compaction, compression, crcCheckChance, defaultTimeToLive, extensions, gcGraceSeconds,
                incrementalBackups, maxIndexInterval, memtable, memtableFlushPeriodInMs, minIndexInterval,
                readRepair, speculativeRetry);
    }

    public TableParams withGcGraceSeconds(int seconds) {
        return new TableParams(additionalWritePolicy, allowAutoSnapshot, bloomFilterFpChance, caching, cdc,
                comment, compaction, compression, crcCheckChance, defaultTimeToLive, extensions, seconds,
                incrementalBackups, maxIndexInterval, memtable, memtableFlushPeriodInMs, minIndexInterval,
                readRepair, speculativeRetry);
    }

    public TableParams withCompaction(Map<String, String> options) {
        return new TableParams(additionalWritePolicy, allowAutoSnapshot, bloomFilterFpChance, caching, cdc,
                comment, options, compression, crcCheckChance, defaultTimeToLive, extensions, gcGraceSeconds,
                incrementalBackups, maxIndexInterval, memtable, memtableFlushPeriodInMs, minIndexInterval,
                readRepair, speculativeRetry);
    }

    public TableParams withDefaultTimeToLive(int seconds) {
        return new TableParams(additionalWritePolicy, allowAutoSnapshot, bloomFilterFpChance, caching, cdc,
                comment, compaction, compression, crcCheckChance, seconds, extensions, gcGraceSeconds,
                incrementalBackups, maxIndexInterval, memtable, memtableFlushPeriodInMs, minIndexInterval,
                readRepair, speculativeRetry);
    }

    /** The compaction strategy's fully qualified class name. */
    public String compactionClass() {
        return compaction.getOrDefault("class", SIZE_TIERED);
    }
}
