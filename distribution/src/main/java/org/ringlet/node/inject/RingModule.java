package org.ringlet.node.inject;

import java.util.Map;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.RegisteredComponent;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.PartitionerFactory;
import org.ringlet.node.config.ClusterConfig;
import org.ringlet.node.plugin.DefaultComponentRegistry;

import static java.util.Objects.requireNonNull;

/** The token ring: the discovered partitioners by name, and the one {@code partitioner} names. */
public final class RingModule extends AbstractModule {
    private final DefaultComponentRegistry registry;

    public RingModule(DefaultComponentRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    @Override
    protected void configure() {
        MapBinder<String, PartitionerFactory> partitioners =
                MapBinder.newMapBinder(binder(), String.class, PartitionerFactory.class);
        for (RegisteredComponent c : registry.registered(PartitionerFactory.class)) {
            partitioners.addBinding(c.factory().name()).toInstance((PartitionerFactory) c.factory());
        }
    }

    @Provides
    @Singleton
    Partitioner partitioner(Map<String, PartitionerFactory> partitioners, ComponentAssembler assembler,
                            ClusterConfig cluster) {
        return assembler.create(ComponentKind.PARTITIONER, PartitionerFactory.class, partitioners,
                cluster.partitioner(), "partitioner");
    }
}
