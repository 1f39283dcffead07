package org.ringlet.node.inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
 * {@link NodeProximity} {@code node_proximity} names. When {@code node_proximity} is not set, the proximity that
 * answers to the snitch's name is used (proximities alias the snitches they go with, e.g. {@code ring-order} for
 * SimpleSnitch), and failing that {@value #DEFAULT_PROXIMITY}.
 */
public final class LocationModule extends AbstractModule {
    /** The proximity used when neither node_proximity nor the snitch's name picks one. */
    public static final String DEFAULT_PROXIMITY = "location-aware";

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
        if (location.nodeProximity().isPresent()) {
            return assembler.create(ComponentKind.NODE_PROXIMITY, NodeProximityFactory.class, proximities,
                    location.nodeProximity().get(), "node_proximity");
        }
        // Every name the configured snitch answers to, then the default.
        List<String> candidates = new ArrayList<>();
        candidates.add(location.endpointSnitch());
        registry.findRegistered(LocationProviderFactory.class, location.endpointSnitch()).ifPresent(c -> {
            candidates.add(c.factory().name());
            candidates.addAll(new TreeSet<>(c.factory().aliases()));
            c.factory().cassandraClassName().ifPresent(candidates::add);
        });
        candidates.add(DEFAULT_PROXIMITY);
        return assembler.createDefault(ComponentKind.NODE_PROXIMITY, NodeProximityFactory.class, proximities,
                "node_proximity", candidates.toArray(new String[0]));
    }
}
