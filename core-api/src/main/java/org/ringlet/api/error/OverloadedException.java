package org.ringlet.api.error;

/** The node refuses a request because it is overloaded (0x1001). */
public class OverloadedException extends RingletException {
    public OverloadedException(String message) {
        super(ErrorCode.OVERLOADED, message);
    }

    public OverloadedException(String message, Throwable cause) {
        super(ErrorCode.OVERLOADED, message, cause);
    }
}
