package org.ringlet.api.error;

/** Authentication failed (0x0100). */
public class AuthenticationException extends RingletException {
    public AuthenticationException(String message) {
        super(ErrorCode.AUTHENTICATION_ERROR, message);
    }

    public AuthenticationException(String message, Throwable cause) {
        super(ErrorCode.AUTHENTICATION_ERROR, message, cause);
    }
}
