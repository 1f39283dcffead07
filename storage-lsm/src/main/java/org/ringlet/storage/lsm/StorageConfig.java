package org.ringlet.storage.lsm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.storage.lsm.commitlog.CommitFailurePolicy;
import org.ringlet.storage.lsm.commitlog.CommitLogConfig;
import org.ringlet.storage.lsm.commitlog.SyncMode;
import org.ringlet.storage.lsm.memtable.AllocationType;

import static java.util.Objects.requireNonNull;

/**
 * The engine's settings, read from {@code cassandra.yaml} option names (see ADR 0020 for the list and defaults).
 *
 * @param dataDirectories        {@code data_file_directories} (comma-separated)
 * @param commitLog              the commit log's settings
 * @param memtableHeapSpace      {@code memtable_heap_space}: memory for all memtables
 * @param memtableCleanupThreshold {@code memtable_cleanup_threshold}: the fraction of it that triggers a flush
 * @param memtableFlushWriters   {@code memtable_flush_writers}: flushes running at once
 * @param diskFailurePolicy      {@code disk_failure_policy}
 * @param compactionThroughput   {@code compaction_throughput} in bytes per second, 0 = unthrottled
 * @param concurrentCompactors   {@code concurrent_compactors}
 * @param autoSnapshot           {@code auto_snapshot}: snapshot before TRUNCATE and DROP
 * @param keyCacheSize           {@code key_cache_size} in bytes
 * @param fileCacheSize          {@code file_cache_size} in bytes (decompressed chunks)
 * @param columnIndexSize        {@code column_index_size}: bytes of a partition's row index block
 * @param partitionIndexSize     {@code partition_index_size}: bytes the SSTables' in-memory partition indexes
 *                               may take together (ADR 0135), 0 = none
 * @param memtableAllocation     {@code memtable_allocation_type}: where memtables keep their rows' bytes (ADR 0165)
 */
public record StorageConfig(List<Path> dataDirectories, CommitLogConfig commitLog, long memtableHeapSpace,
                            double memtableCleanupThreshold, int memtableFlushWriters,
                            DiskFailurePolicy diskFailurePolicy, long compactionThroughput,
                            int concurrentCompactors, boolean autoSnapshot, long keyCacheSize, long fileCacheSize,
                            int columnIndexSize, long partitionIndexSize, AllocationType memtableAllocation) {

    /** {@code disk_failure_policy}. */
    public enum DiskFailurePolicy {
        /** Stop serving: the node shuts down its client and peer services (Cassandra's default). */
        STOP,
        /** Like stop, also on a failure during start-up. */
        STOP_PARANOID,
        /** Stop the node process. */
        DIE,
        /** Quarantine what failed and keep serving what is left; reads needing it fail. */
        BEST_EFFORT,
        /** Log and carry on. */
        IGNORE;

        static DiskFailurePolicy parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("Invalid disk_failure_policy '" + value
                        + "': expected one of stop, stop_paranoid, die, best_effort, ignore");
            }
        }
    }

    public StorageConfig {
        dataDirectories = List.copyOf(dataDirectories);
        requireNonNull(commitLog, "commitLog is null");
        requireNonNull(diskFailurePolicy, "diskFailurePolicy is null");
        requireNonNull(memtableAllocation, "memtableAllocation is null");
        if (dataDirectories.isEmpty()) {
            throw new ConfigurationException("data_file_directories must name at least one directory");
        }
    }

    /**
     * Reads the settings.
     *
     * @param cfg           the options
     * @param maxHeapBytes  the JVM's maximum heap, for the heap-relative defaults
     * @throws ConfigurationException naming the option and value when one is invalid
     */
    public static StorageConfig from(ComponentConfig cfg, long maxHeapBytes) {
        List<Path> dirs = new ArrayList<>();
        for (String d : cfg.get("data_file_directories", "data/data").split(",")) {
            if (!d.isBlank()) {
                dirs.add(Path.of(d.trim()).toAbsolutePath().normalize());
            }
        }
        Path commitLogDir = Path.of(cfg.get("commitlog_directory", "data/commitlog")).toAbsolutePath().normalize();
        SyncMode mode = SyncMode.parse(cfg.get("commitlog_sync", "periodic"));
        Duration period = ConfigValues.duration(cfg, "commitlog_sync_period", "commitlog_sync_period_in_ms",
                Duration.ofSeconds(10));
        Duration window = ConfigValues.duration(cfg, "commitlog_sync_group_window",
                "commitlog_sync_group_window_in_ms", Duration.ZERO);
        if (mode == SyncMode.PERIODIC && (period.isZero() || period.isNegative())) {
            throw new ConfigurationException("commitlog_sync_period must be positive in periodic mode, got "
                    + period.toMillis() + "ms");
        }
        long segment = ConfigValues.bytes(cfg, "commitlog_segment_size", "commitlog_segment_size_in_mb", 1 << 20,
                32L << 20);
        if (segment < 4096 || segment > (1L << 30)) {
            throw ConfigValues.invalid("commitlog_segment_size", String.valueOf(segment),
                    "a size between 4KiB and 1GiB");
        }
        long total = ConfigValues.bytes(cfg, "commitlog_total_space", "commitlog_total_space_in_mb", 1 << 20,
                8192L << 20);
        CommitFailurePolicy commitPolicy = CommitFailurePolicy.parse(cfg.get("commit_failure_policy", "stop"));
        CommitLogConfig cl = new CommitLogConfig(commitLogDir, mode, period, window, (int) segment, total,
                commitPolicy);

        long heap = ConfigValues.bytes(cfg, "memtable_heap_space", "memtable_heap_space_in_mb", 1 << 20,
                maxHeapBytes / 4);
        int flushWriters = cfg.getInt("memtable_flush_writers", 2);
        if (flushWriters < 1) {
            throw ConfigValues.invalid("memtable_flush_writers", String.valueOf(flushWriters), "at least 1");
        }
        double cleanup = parseDouble(cfg, "memtable_cleanup_threshold", 1.0 / (1 + flushWriters));
        if (cleanup <= 0 || cleanup > 1) {
            throw ConfigValues.invalid("memtable_cleanup_threshold", String.valueOf(cleanup),
                    "a number in (0, 1]");
        }
        DiskFailurePolicy diskPolicy = DiskFailurePolicy.parse(cfg.get("disk_failure_policy", "stop"));
        long throughput = ConfigValues.rate(cfg, "compaction_throughput", "compaction_throughput_mb_per_sec",
                64L << 20);
        int compactors = cfg.getInt("concurrent_compactors", Math.max(1, Math.min(2, dirs.size())));
        boolean autoSnapshot = cfg.getBoolean("auto_snapshot", true);
        long keyCache = ConfigValues.bytes(cfg, "key_cache_size", "key_cache_size_in_mb", 1 << 20,
                Math.min(maxHeapBytes / 20, 100L << 20));
        long fileCache = ConfigValues.bytes(cfg, "file_cache_size", "file_cache_size_in_mb", 1 << 20,
                Math.min(maxHeapBytes / 8, 512L << 20));
        long columnIndex = ConfigValues.bytes(cfg, "column_index_size", "column_index_size_in_kb", 1 << 10,
                64L << 10);
        long partitionIndex = ConfigValues.bytes(cfg, "partition_index_size", null, 1,
                maxHeapBytes / 8);
        AllocationType allocation = AllocationType.parse(cfg.get("memtable_allocation_type", "heap_buffers"));
        return new StorageConfig(dirs, cl, heap, cleanup, flushWriters, diskPolicy, throughput,
                Math.max(1, compactors), autoSnapshot, keyCache, fileCache,
                (int) Math.max(1024, Math.min(Integer.MAX_VALUE, columnIndex)), partitionIndex, allocation);
    }

    private static double parseDouble(ComponentConfig cfg, String key, double defaultValue) {
        String v = cfg.options().get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw ConfigValues.invalid(key, v, "a number");
        }
    }
}
