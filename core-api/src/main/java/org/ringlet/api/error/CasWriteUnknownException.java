package org.ringlet.api.error;

import org.ringlet.api.cluster.ConsistencyLevel;

/**
 * The outcome of a conditional (CAS) write is unknown: it may or may not have been applied (0x1700, protocol v5;
 * older protocols report it as a {@code CAS} write timeout).
 */
public final class CasWriteUnknownException extends RequestExecutionException {
    public CasWriteUnknownException(ConsistencyLevel consistency, int received, int blockFor) {
        super(ErrorCode.CAS_WRITE_UNKNOWN, "CAS operation result is unknown - proposal accepted by " + received
                + " but not a quorum.", consistency, received, blockFor);
    }
}
