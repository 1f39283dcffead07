package org.ringlet.node.config;

/** A configuration value that does not parse; the message says what is allowed. */
final class BadValueException extends Exception {
    BadValueException(String expected) {
        super(expected);
    }
}
