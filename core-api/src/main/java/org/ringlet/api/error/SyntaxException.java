package org.ringlet.api.error;

/** A statement that does not parse (0x2000). */
public class SyntaxException extends RingletException {
    public SyntaxException(String message) {
        super(ErrorCode.SYNTAX_ERROR, message);
    }

    public SyntaxException(String message, Throwable cause) {
        super(ErrorCode.SYNTAX_ERROR, message, cause);
    }
}
