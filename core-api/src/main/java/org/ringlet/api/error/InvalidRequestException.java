package org.ringlet.api.error;

/** A request that is well-formed but invalid: unknown keyspace, table or column, bad value, forbidden query (0x2200). */
public class InvalidRequestException extends RingletException {
    public InvalidRequestException(String message) {
        super(ErrorCode.INVALID, message);
    }

    public InvalidRequestException(String message, Throwable cause) {
        super(ErrorCode.INVALID, message, cause);
    }
}
