package org.ringlet.api;

/**
 * A part of a node with a lifecycle. The node starts services in dependency order and stops them in reverse.
 *
 * <p>{@link #start()} is called at most once, before any other use; {@link #stop()} is called at most once, after
 * a successful start, and must release every thread, file and socket the service holds. Neither is called
 * concurrently with the other.
 */
public interface Service {

    /**
     * Starts the service.
     *
     * @throws Exception when the service cannot start; the node then stops what it already started and exits
     */
    void start() throws Exception;

    /** Stops the service. Never throws for a service that started; failures are logged by the caller. */
    void stop() throws Exception;

    /** A short name for logs, e.g. {@code "commit log"}. */
    default String serviceName() {
        return getClass().getSimpleName();
    }
}
