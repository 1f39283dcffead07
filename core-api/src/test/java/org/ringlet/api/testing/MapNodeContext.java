package org.ringlet.api.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.ringlet.api.NodeContext;

import static java.util.Objects.requireNonNull;

/**
 * A {@link NodeContext} backed by a fixed map of services, for tests that create components through their
 * factories. Immutable.
 */
public final class MapNodeContext implements NodeContext {
    private final Map<Class<?>, Object> services;

    private MapNodeContext(Map<Class<?>, Object> services) {
        this.services = Map.copyOf(services);
    }

    /** A context with no services. */
    public static MapNodeContext empty() {
        return new MapNodeContext(Map.of());
    }

    /** A copy of this context that also provides {@code service} as {@code type}. */
    public <S> MapNodeContext with(Class<S> type, S service) {
        requireNonNull(type, "type is null");
        requireNonNull(service, "service is null");
        Map<Class<?>, Object> copy = new LinkedHashMap<>(services);
        copy.put(type, service);
        return new MapNodeContext(copy);
    }

    @Override
    public <S> Optional<S> find(Class<S> type) {
        return Optional.ofNullable(type.cast(services.get(type)));
    }
}
