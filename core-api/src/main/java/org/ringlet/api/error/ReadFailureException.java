package org.ringlet.api.error;

import java.net.InetAddress;
import java.util.Map;

import org.ringlet.api.cluster.ConsistencyLevel;

import static java.util.Objects.requireNonNull;

/**
 * Replicas failed a read (0x1300), for example because data it needs is quarantined after corruption. The
 * failures map names each failed replica and why.
 */
public final class ReadFailureException extends RequestExecutionException {
    private final Map<InetAddress, RequestFailureReason> failures;
    private final boolean dataPresent;

    public ReadFailureException(String message, ConsistencyLevel consistency, int received, int blockFor,
                                Map<InetAddress, RequestFailureReason> failures, boolean dataPresent) {
        super(ErrorCode.READ_FAILURE, message, consistency, received, blockFor);
        this.failures = Map.copyOf(requireNonNull(failures, "failures is null"));
        this.dataPresent = dataPresent;
    }

    public Map<InetAddress, RequestFailureReason> failures() {
        return failures;
    }

    public boolean dataPresent() {
        return dataPresent;
    }
}
