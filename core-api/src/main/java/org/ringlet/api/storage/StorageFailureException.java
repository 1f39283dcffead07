package org.ringlet.api.storage;

import org.ringlet.api.error.ErrorCode;
import org.ringlet.api.error.RequestFailureReason;
import org.ringlet.api.error.RingletException;

/**
 * The local storage engine could not serve a write or a read: the disk is full, a file is quarantined after
 * corruption, the commit log stopped. Carries {@link ErrorCode#WRITE_FAILURE} or {@link ErrorCode#READ_FAILURE};
 * the coordinator reports it to the client as a write or read failure of this replica, with {@link #reason()}.
 */
public final class StorageFailureException extends RingletException {
    private final RequestFailureReason reason;

    private StorageFailureException(ErrorCode code, String message, RequestFailureReason reason, Throwable cause) {
        super(code, message, cause);
        this.reason = reason;
    }

    /** A write that could not be applied. */
    public static StorageFailureException write(String message, Throwable cause) {
        return new StorageFailureException(ErrorCode.WRITE_FAILURE, message, RequestFailureReason.UNKNOWN, cause);
    }

    /** A read that could not be served. */
    public static StorageFailureException read(String message, Throwable cause) {
        return new StorageFailureException(ErrorCode.READ_FAILURE, message, RequestFailureReason.UNKNOWN, cause);
    }

    /** Why the replica failed, for the failure map of protocol v5. */
    public RequestFailureReason reason() {
        return reason;
    }
}
