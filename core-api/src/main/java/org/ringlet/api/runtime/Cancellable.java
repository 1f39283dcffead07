package org.ringlet.api.runtime;

/** A handle on a scheduled task. */
public interface Cancellable {

    /** Cancels the task if it has not run yet (periodic tasks: all future runs). Idempotent. */
    void cancel();

    /** Whether {@link #cancel()} was called. */
    boolean isCancelled();
}
