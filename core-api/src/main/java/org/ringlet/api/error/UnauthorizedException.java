package org.ringlet.api.error;

/** The user lacks a permission (0x2100). */
public class UnauthorizedException extends RingletException {
    public UnauthorizedException(String message) {
        super(ErrorCode.UNAUTHORIZED, message);
    }

    public UnauthorizedException(String message, Throwable cause) {
        super(ErrorCode.UNAUTHORIZED, message, cause);
    }
}
