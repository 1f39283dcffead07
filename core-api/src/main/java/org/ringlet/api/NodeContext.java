package org.ringlet.api;

import java.util.Optional;

import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.runtime.Scheduler;

/**
 * Hands out the services of the node a component is created for. Components receive everything they use from
 * here (or their constructor): they never read wall-clock time, start threads, draw randomness or touch
 * process-global state on their own.
 *
 * <p>Implementations are thread-safe.
 */
public interface NodeContext {

    /**
     * The node service of the given type, if this node has one.
     *
     * @param type the service interface, e.g. {@code Clock.class}
     */
    <S> Optional<S> find(Class<S> type);

    /**
     * The node service of the given type.
     *
     * @throws MissingServiceException naming the type when this node has none
     */
    default <S> S service(Class<S> type) {
        return find(type).orElseThrow(() -> new MissingServiceException(type));
    }

    /** The node's clock. */
    default Clock clock() {
        return service(Clock.class);
    }

    /** The node's scheduler, which also owns the executors for blocking I/O. */
    default Scheduler scheduler() {
        return service(Scheduler.class);
    }

    /** The node's source of randomness and generated UUIDs. */
    default RandomSource random() {
        return service(RandomSource.class);
    }
}
