package org.ringlet.api.error;

import static java.util.Objects.requireNonNull;

/**
 * The root of Ringlet's exceptions. Carries the {@link ErrorCode} a client sees; subclasses carry the extra
 * fields the protocol sends with their code.
 */
public class RingletException extends RuntimeException {
    private final ErrorCode code;

    public RingletException(ErrorCode code, String message) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
    }

    public RingletException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    /** The protocol error code. */
    public ErrorCode code() {
        return code;
    }
}
