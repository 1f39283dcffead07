package org.ringlet.api.error;

import org.ringlet.api.cluster.ConsistencyLevel;

import static java.util.Objects.requireNonNull;

/**
 * A request that could not be carried out at its consistency level: the base of the unavailable, timeout and
 * failure errors, which all report the level, how many replicas answered and how many were needed.
 */
public abstract class RequestExecutionException extends RingletException {
    private final ConsistencyLevel consistency;
    private final int received;
    private final int blockFor;

    protected RequestExecutionException(ErrorCode code, String message, ConsistencyLevel consistency,
                                        int received, int blockFor) {
        super(code, message);
        this.consistency = requireNonNull(consistency, "consistency is null");
        this.received = received;
        this.blockFor = blockFor;
    }

    public ConsistencyLevel consistency() {
        return consistency;
    }

    /** Replicas that answered (for unavailable: replicas alive). */
    public int received() {
        return received;
    }

    /** Replicas needed. */
    public int blockFor() {
        return blockFor;
    }
}
