package org.ringlet.api.error;

/** An unexpected failure inside the node (0x0000). Never the answer to bad input. */
public class ServerError extends RingletException {
    public ServerError(String message) {
        super(ErrorCode.SERVER_ERROR, message);
    }

    public ServerError(String message, Throwable cause) {
        super(ErrorCode.SERVER_ERROR, message, cause);
    }
}
