package org.ringlet.node.config;

/** cassandra.yaml's {@code commitlog_sync}: when a write's commit log entry is fsynced before it is acknowledged. */
public enum CommitLogSync {
    /** Acknowledge at once; fsync every {@code commitlog_sync_period}. */
    PERIODIC,
    /** Fsync before acknowledging, batching concurrent writes. */
    BATCH,
    /** Fsync before acknowledging, at most once per {@code commitlog_sync_group_window}. */
    GROUP
}
