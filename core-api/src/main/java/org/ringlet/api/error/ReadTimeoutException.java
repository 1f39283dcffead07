package org.ringlet.api.error;

import org.ringlet.api.cluster.ConsistencyLevel;

/** Too few replicas answered a read in time (0x1200). */
public final class ReadTimeoutException extends RequestExecutionException {
    private final boolean dataPresent;

    public ReadTimeoutException(ConsistencyLevel consistency, int received, int blockFor, boolean dataPresent) {
        super(ErrorCode.READ_TIMEOUT, "Operation timed out - received only " + received + " responses.",
                consistency, received, blockFor);
        this.dataPresent = dataPresent;
    }

    /** Whether the replica asked for data (not just a digest) answered. */
    public boolean dataPresent() {
        return dataPresent;
    }
}
