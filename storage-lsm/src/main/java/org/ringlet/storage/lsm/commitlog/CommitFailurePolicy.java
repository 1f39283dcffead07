package org.ringlet.storage.lsm.commitlog;

import java.util.Locale;

import org.ringlet.api.error.ConfigurationException;

/** {@code commit_failure_policy}: what a failed commit log write or sync does. */
public enum CommitFailurePolicy {
    /** Stop accepting writes and ask the node to stop its services (Cassandra's default). */
    STOP,
    /** Stop accepting writes; the rest of the node keeps running. */
    STOP_COMMIT,
    /** Log and keep going: writes that failed are reported, later ones are tried again. */
    IGNORE,
    /** Stop accepting writes and ask the node to exit. */
    DIE;

    public static CommitFailurePolicy parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Invalid commit_failure_policy '" + value
                    + "': expected one of stop, stop_commit, ignore, die");
        }
    }
}
