package org.ringlet.node.inject;

import java.util.Map;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.RegisteredComponent;
import org.ringlet.api.locator.LocationProvider;
import org.ringlet.api.locator.LocationProviderFactory;
import org.ringlet.api.locator.NodeProximity;
import org.ringlet.api.locator.NodeProximityFactory;
import org.ringlet.node.config.LocationConfig;
import org.ringlet.node.plugin.DefaultComponentRegistry;

import static java.util.Objects.requireNonNull;

/**
 * The snitch, split in two: the {@link LocationProvider} {@code endpoint_snitch} names, and the
 * {@link NodeProximity} {@code node_proximity} names (by default the one built in).
 */
public final class LocationModule extends AbstractModule {
    private final DefaultComponentRegistry registry;

    public LocationModule(DefaultComponentRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    @Override
    protected void configure() {
        MapBinder<String, LocationProviderFactory> snitches =
                MapBinder.newMapBinder(binder(), String.class, LocationProviderFactory.class);
        for (RegisteredComponent c : registry.registered(LocationProviderFactory.class)) {
            snitches.addBinding(c.factory().name()).toInstance((LocationProviderFactory) c.factory());
        }
        MapBinder<String, NodeProximityFactory> proximities =
                MapBinder.newMapBinder(binder(), String.class, NodeProximityFactory.class);
        for (RegisteredComponent c : registry.registered(NodeProximityFactory.class)) {
            proximities.addBinding(c.factory().name()).toInstance((NodeProximityFactory) c.factory());
        }
    }

    @Provides
    @Singleton
    LocationProvider locationProvider(Map<String, LocationProviderFactory> snitches, ComponentAssembler assembler,
                                      LocationConfig location) {
        return assembler.create(ComponentKind.LOCATION_PROVIDER, LocationProviderFactory.class, snitches,
                location.endpointSnitch(), "endpoint_snitch");
    }

    @Provides
    @Singleton
    NodeProximity nodeProximity(Map<String, NodeProximityFactory> proximities, ComponentAssembler assembler,
                                LocationConfig location) {
        return location.nodeProximity()
                .map(name -> assembler.create(ComponentKind.NODE_PROXIMITY, NodeProximityFactory.class, proximities,
                        name, "node_proximity"))
                .orElseGet(() -> assembler.createDefault(ComponentKind.NODE_PROXIMITY, NodeProximityFactory.class,
                        proximities, "node_proximity"));
    }
}
