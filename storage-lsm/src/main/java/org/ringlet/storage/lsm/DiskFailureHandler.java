package org.ringlet.storage.lsm;

import java.nio.file.Path;

import org.ringlet.api.error.ErrorCode;
import org.ringlet.api.error.RingletException;
import org.ringlet.storage.lsm.StorageConfig.DiskFailurePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code disk_failure_policy} to a failed data file operation. Under {@code stop}, {@code stop_paranoid}
 * and {@code die} the engine stops serving: every later read and write fails with a server error naming the
 * failure (the node, told through the listener, decides whether to stop its services or exit). Thread-safe.
 */
final class DiskFailureHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DiskFailureHandler.class);

    /** What the node is told. */
    interface Listener {
        void onDiskFailure(DiskFailurePolicy policy, Path path, Throwable error);
    }

    private final DiskFailurePolicy policy;
    private final Listener listener;
    private volatile Throwable stoppedBy;

    DiskFailureHandler(DiskFailurePolicy policy, Listener listener) {
        this.policy = policy;
        this.listener = listener;
    }

    DiskFailurePolicy policy() {
        return policy;
    }

    /** Handles a failure; returns whether the engine keeps serving. */
    boolean handle(Path path, Throwable error) {
        switch (policy) {
            case STOP, STOP_PARANOID, DIE -> {
                LOG.error("Disk failure on {}: stopping the storage engine (disk_failure_policy {})", path,
                        policy.name().toLowerCase(java.util.Locale.ROOT), error);
                stoppedBy = error;
            }
            case BEST_EFFORT -> LOG.error("Disk failure on {} (disk_failure_policy best_effort)", path, error);
            case IGNORE -> LOG.error("Disk failure on {} ignored (disk_failure_policy ignore)", path, error);
        }
        listener.onDiskFailure(policy, path, error);
        return stoppedBy == null;
    }

    /** Throws when a failure stopped the engine. */
    void checkServing() {
        Throwable t = stoppedBy;
        if (t != null) {
            throw new RingletException(ErrorCode.SERVER_ERROR, "The storage engine stopped after a disk failure "
                    + "(disk_failure_policy " + policy.name().toLowerCase(java.util.Locale.ROOT) + "): " + t, t);
        }
    }

    boolean stopped() {
        return stoppedBy != null;
    }
}
