package org.ringlet.node.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import org.ringlet.api.RegisteredComponent;
import org.ringlet.api.locator.ReplicationStrategyFactory;
import org.ringlet.node.plugin.DefaultComponentRegistry;

import static java.util.Objects.requireNonNull;

/**
 * Replication: the discovered strategies by name, and {@link ReplicationStrategies}, which makes a keyspace's
 * strategy from its replication map. Strategies are per keyspace, so nothing is created at start.
 */
public final class ReplicationModule extends AbstractModule {
    private final DefaultComponentRegistry registry;

    public ReplicationModule(DefaultComponentRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    @Override
    protected void configure() {
        MapBinder<String, ReplicationStrategyFactory> strategies =
                MapBinder.newMapBinder(binder(), String.class, ReplicationStrategyFactory.class);
        for (RegisteredComponent c : registry.registered(ReplicationStrategyFactory.class)) {
            strategies.addBinding(c.factory().name()).toInstance((ReplicationStrategyFactory) c.factory());
        }
        bind(ReplicationStrategies.class).in(Singleton.class);
    }
}
