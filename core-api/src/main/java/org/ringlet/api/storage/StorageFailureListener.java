package org.ringlet.api.storage;

/**
 * Told when the storage engine applied a failure policy ({@code disk_failure_policy}, {@code
 * commit_failure_policy}), so that the node can do what the policy asks of it beyond the engine: stop its client
 * and peer services ({@code stop}) or exit ({@code die}). Called on the thread that met the failure; must be quick
 * and must not throw.
 */
@FunctionalInterface
public interface StorageFailureListener {

    /** Where the failure happened. */
    enum Kind {
        /** A data file (SSTable, manifest, directory). */
        DATA,
        /** The commit log. */
        COMMIT_LOG
    }

    /**
     * @param kind   where it happened
     * @param policy the policy applied, as written in {@code cassandra.yaml} (e.g. {@code stop}, {@code die})
     * @param error  the failure
     */
    void onFailure(Kind kind, String policy, Throwable error);
}
