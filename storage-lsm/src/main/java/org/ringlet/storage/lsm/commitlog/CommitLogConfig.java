package org.ringlet.storage.lsm.commitlog;

import java.nio.file.Path;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * The commit log's settings.
 *
 * @param directory     {@code commitlog_directory}
 * @param syncMode      {@code commitlog_sync}
 * @param syncPeriod    {@code commitlog_sync_period} (periodic mode)
 * @param groupWindow   {@code commitlog_sync_group_window} (group mode)
 * @param segmentSize   {@code commitlog_segment_size} in bytes; a record may use at most half of it
 * @param totalSpace    {@code commitlog_total_space} in bytes: above it, the tables holding the oldest segment
 *                      are flushed
 * @param failurePolicy {@code commit_failure_policy}
 */
public record CommitLogConfig(Path directory, SyncMode syncMode, Duration syncPeriod, Duration groupWindow,
                              int segmentSize, long totalSpace, CommitFailurePolicy failurePolicy) {
    public CommitLogConfig {
        requireNonNull(directory, "directory is null");
        requireNonNull(syncMode, "syncMode is null");
        requireNonNull(syncPeriod, "syncPeriod is null");
        requireNonNull(groupWindow, "groupWindow is null");
        requireNonNull(failurePolicy, "failurePolicy is null");
        if (segmentSize < 4096) {
            throw new IllegalArgumentException("commitlog_segment_size must be at least 4KiB, got " + segmentSize);
        }
    }

    /** The largest record payload: half a segment, as Cassandra's {@code max_mutation_size} defaults to. */
    public int maxRecordSize() {
        return segmentSize / 2;
    }
}
