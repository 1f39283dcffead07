package org.ringlet.node.inject;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * The node services that exist only once the node has started part of itself (ADR 0041): what the schema layer
 * publishes when it has loaded (its {@code LocalNodeStore}, the query handler's store), the topology service, the
 * coordinator, the query handler and the transport. {@link GuiceNodeContext} hands them out after the injector's
 * bindings, so a component created later finds what started before it. One per node. Thread-safe.
 */
public final class NodeServices {
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();

    /**
     * Makes {@code service} available as {@code type}.
     *
     * @throws IllegalStateException when a service of that type is already published
     */
    public <T> void publish(Class<T> type, T service) {
        requireNonNull(type, "type is null");
        Object previous = services.putIfAbsent(type, type.cast(requireNonNull(service, "service is null")));
        if (previous != null) {
            throw new IllegalStateException("a " + type.getName() + " is already published: " + previous);
        }
    }

    /**
     * Publishes several services, each value an instance of its key.
     *
     * @throws IllegalArgumentException when a value is not an instance of its key
     */
    public void publishAll(Map<Class<?>, Object> more) {
        more.forEach((type, service) -> {
            if (!type.isInstance(service)) {
                throw new IllegalArgumentException(service + " is not a " + type.getName());
            }
            publishUnchecked(type, service);
        });
    }

    private <T> void publishUnchecked(Class<T> type, Object service) {
        publish(type, type.cast(service));
    }

    /** Withdraws the service of a type, if any (when what published it stops). */
    public void withdraw(Class<?> type) {
        services.remove(type);
    }

    /** The published service of a type. */
    public <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(type.cast(services.get(type)));
    }
}
