package org.ringlet.node.lifecycle;

/** A service failed to start or to stop; further failures are attached as suppressed exceptions. */
public final class LifecycleException extends RuntimeException {
    public LifecycleException(String message, Throwable cause) {
        super(message, cause);
    }
}
