package org.ringlet.node.config;

/** cassandra.yaml's {@code commit_failure_policy}: what the node does when the commit log disk fails. */
public enum CommitFailurePolicy {
    STOP, STOP_COMMIT, IGNORE, DIE
}
