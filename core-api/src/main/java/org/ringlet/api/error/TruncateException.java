package org.ringlet.api.error;

/** A truncation that failed (0x1003). */
public class TruncateException extends RingletException {
    public TruncateException(String message) {
        super(ErrorCode.TRUNCATE_ERROR, message);
    }

    public TruncateException(String message, Throwable cause) {
        super(ErrorCode.TRUNCATE_ERROR, message, cause);
    }
}
