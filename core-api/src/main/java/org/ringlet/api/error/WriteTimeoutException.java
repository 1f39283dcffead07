package org.ringlet.api.error;

import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.cluster.WriteType;

import static java.util.Objects.requireNonNull;

/** Too few replicas acknowledged a write in time (0x1100). */
public final class WriteTimeoutException extends RequestExecutionException {
    private final WriteType writeType;
    private final int contentions;

    public WriteTimeoutException(WriteType writeType, ConsistencyLevel consistency, int received, int blockFor) {
        this(writeType, consistency, received, blockFor, 0);
    }

    public WriteTimeoutException(WriteType writeType, ConsistencyLevel consistency, int received, int blockFor,
                                 int contentions) {
        super(ErrorCode.WRITE_TIMEOUT, "Operation timed out - received only " + received
                + " responses.", consistency, received, blockFor);
        this.writeType = requireNonNull(writeType, "writeType is null");
        this.contentions = contentions;
    }

    public WriteType writeType() {
        return writeType;
    }

    /** Paxos contentions (CAS writes only, protocol v5). */
    public int contentions() {
        return contentions;
    }
}
