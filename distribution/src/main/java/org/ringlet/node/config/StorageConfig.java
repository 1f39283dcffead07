package org.ringlet.node.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where and how data is stored: what the storage engine receives.
 *
 * @param dataFileDirectories      {@code data_file_directories}
 * @param commitlogDirectory       {@code commitlog_directory}
 * @param savedCachesDirectory     {@code saved_caches_directory}
 * @param hintsDirectory           {@code hints_directory}
 * @param commitlogSync            {@code commitlog_sync}
 * @param commitlogSyncPeriod      {@code commitlog_sync_period} (periodic mode)
 * @param commitlogSyncGroupWindow {@code commitlog_sync_group_window} (group mode)
 * @param commitlogSegmentSize     {@code commitlog_segment_size}
 * @param commitlogTotalSpace      {@code commitlog_total_space}, if set
 * @param memtableHeapSpace        {@code memtable_heap_space} (default: a quarter of the heap)
 * @param memtableAllocationType   {@code memtable_allocation_type} (default: heap_buffers)
 * @param diskFailurePolicy        {@code disk_failure_policy}
 * @param commitFailurePolicy      {@code commit_failure_policy}
 * @param compactionThroughput     {@code compaction_throughput}; zero is unthrottled
 * @param concurrentCompactors     {@code concurrent_compactors}, if set
 * @param autoSnapshot             {@code auto_snapshot}
 * @param keyCacheSize             {@code key_cache_size}, if set
 * @param fileCacheSize            {@code file_cache_size}, if set
 */
public record StorageConfig(List<Path> dataFileDirectories, Path commitlogDirectory, Path savedCachesDirectory,
                            Path hintsDirectory, CommitLogSync commitlogSync, Duration commitlogSyncPeriod,
                            Duration commitlogSyncGroupWindow, DataSize commitlogSegmentSize,
                            Optional<DataSize> commitlogTotalSpace, DataSize memtableHeapSpace,
                            MemtableAllocationType memtableAllocationType,
                            DiskFailurePolicy diskFailurePolicy, CommitFailurePolicy commitFailurePolicy,
                            DataRate compactionThroughput, Optional<Integer> concurrentCompactors,
                            boolean autoSnapshot, Optional<DataSize> keyCacheSize,
                            Optional<DataSize> fileCacheSize) {
    public StorageConfig {
        dataFileDirectories = List.copyOf(requireNonNull(dataFileDirectories, "dataFileDirectories is null"));
        requireNonNull(commitlogDirectory, "commitlogDirectory is null");
        requireNonNull(savedCachesDirectory, "savedCachesDirectory is null");
        requireNonNull(hintsDirectory, "hintsDirectory is null");
        requireNonNull(commitlogSync, "commitlogSync is null");
        requireNonNull(commitlogSyncPeriod, "commitlogSyncPeriod is null");
        requireNonNull(commitlogSyncGroupWindow, "commitlogSyncGroupWindow is null");
        requireNonNull(commitlogSegmentSize, "commitlogSegmentSize is null");
        requireNonNull(commitlogTotalSpace, "commitlogTotalSpace is null");
        requireNonNull(memtableHeapSpace, "memtableHeapSpace is null");
        requireNonNull(memtableAllocationType, "memtableAllocationType is null");
        requireNonNull(diskFailurePolicy, "diskFailurePolicy is null");
        requireNonNull(commitFailurePolicy, "commitFailurePolicy is null");
        requireNonNull(compactionThroughput, "compactionThroughput is null");
        requireNonNull(concurrentCompactors, "concurrentCompactors is null");
        requireNonNull(keyCacheSize, "keyCacheSize is null");
        requireNonNull(fileCacheSize, "fileCacheSize is null");
    }
}
