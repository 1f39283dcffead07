package org.ringlet.api.error;

import java.net.InetAddress;
import java.util.Map;

import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.cluster.WriteType;

import static java.util.Objects.requireNonNull;

/** Replicas failed a write (0x1500), for example because the disk is full. */
public final class WriteFailureException extends RequestExecutionException {
    private final Map<InetAddress, RequestFailureReason> failures;
    private final WriteType writeType;

    public WriteFailureException(String message, ConsistencyLevel consistency, int received, int blockFor,
                                 Map<InetAddress, RequestFailureReason> failures, WriteType writeType) {
        super(ErrorCode.WRITE_FAILURE, message, consistency, received, blockFor);
        this.failures = Map.copyOf(requireNonNull(failures, "failures is null"));
        this.writeType = requireNonNull(writeType, "writeType is null");
    }

    public Map<InetAddress, RequestFailureReason> failures() {
        return failures;
    }

    public WriteType writeType() {
        return writeType;
    }
}
