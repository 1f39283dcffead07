package org.ringlet.node.config;

/** cassandra.yaml's {@code disk_failure_policy}: what the node does when a data disk fails. */
public enum DiskFailurePolicy {
    BEST_EFFORT, STOP, IGNORE, STOP_PARANOID, DIE
}
