package org.ringlet.api.types;

import org.ringlet.api.error.InvalidRequestException;

/** A serialized value that is not valid for its type, or a Java value that cannot be serialized as it. */
public final class MarshalException extends InvalidRequestException {
    public MarshalException(String message) {
        super(message);
    }

    public MarshalException(String message, Throwable cause) {
        super(message, cause);
    }
}
