package org.ringlet.api.error;

/** The node is still joining the ring (0x1002). */
public class IsBootstrappingException extends RingletException {
    public IsBootstrappingException(String message) {
        super(ErrorCode.IS_BOOTSTRAPPING, message);
    }

    public IsBootstrappingException(String message, Throwable cause) {
        super(ErrorCode.IS_BOOTSTRAPPING, message, cause);
    }
}
