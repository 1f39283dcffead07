package org.ringlet.api.error;

/** A violation of the native protocol by a client (0x000A). */
public class ProtocolException extends RingletException {
    public ProtocolException(String message) {
        super(ErrorCode.PROTOCOL_ERROR, message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(ErrorCode.PROTOCOL_ERROR, message, cause);
    }
}
