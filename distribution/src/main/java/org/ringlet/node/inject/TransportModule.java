package org.ringlet.node.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import org.ringlet.api.RegisteredComponent;
import org.ringlet.api.query.TransportFactory;
import org.ringlet.node.plugin.DefaultComponentRegistry;

import static java.util.Objects.requireNonNull;

/**
 * The client transport: the server {@code native_transport} names, created and started last, once the query
 * handler runs ({@link TransportStage}), and stopped first.
 */
public final class TransportModule extends AbstractModule {
    private final DefaultComponentRegistry registry;

    public TransportModule(DefaultComponentRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    @Override
    protected void configure() {
        MapBinder<String, TransportFactory> transports =
                MapBinder.newMapBinder(binder(), String.class, TransportFactory.class);
        for (RegisteredComponent c : registry.registered(TransportFactory.class)) {
            transports.addBinding(c.factory().name()).toInstance((TransportFactory) c.factory());
        }
        bind(TransportStage.class).in(Singleton.class);
    }
}
