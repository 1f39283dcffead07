package org.ringlet.node.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import org.ringlet.api.RegisteredComponent;
import org.ringlet.api.cluster.CoordinatorFactory;
import org.ringlet.api.ring.TopologyServiceFactory;
import org.ringlet.node.plugin.DefaultComponentRegistry;

import static java.util.Objects.requireNonNull;

/**
 * The cluster: the topology service {@code topology_service} names (this node's host id and tokens, from the
 * schema layer's {@code LocalNodeStore}) and the coordinator {@code coordinator} names, each created when the node
 * starts, once what it needs runs ({@link TopologyStage}, {@link CoordinatorStage}).
 */
public final class ClusterModule extends AbstractModule {
    private final DefaultComponentRegistry registry;

    public ClusterModule(DefaultComponentRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    @Override
    protected void configure() {
        MapBinder<String, TopologyServiceFactory> topologies =
                MapBinder.newMapBinder(binder(), String.class, TopologyServiceFactory.class);
        for (RegisteredComponent c : registry.registered(TopologyServiceFactory.class)) {
            topologies.addBinding(c.factory().name()).toInstance((TopologyServiceFactory) c.factory());
        }
        MapBinder<String, CoordinatorFactory> coordinators =
                MapBinder.newMapBinder(binder(), String.class, CoordinatorFactory.class);
        for (RegisteredComponent c : registry.registered(CoordinatorFactory.class)) {
            coordinators.addBinding(c.factory().name()).toInstance((CoordinatorFactory) c.factory());
        }
        bind(TopologyStage.class).in(Singleton.class);
        bind(CoordinatorStage.class).in(Singleton.class);
    }
}
