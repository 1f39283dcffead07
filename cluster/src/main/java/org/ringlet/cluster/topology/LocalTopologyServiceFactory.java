package org.ringlet.cluster.topology;

import java.util.Optional;
import java.util.Set;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.ComponentRegistry;
import org.ringlet.api.NodeContext;
import org.ringlet.api.cluster.LocalNodeStore;
import org.ringlet.api.locator.LocationProvider;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.PartitionerFactory;
import org.ringlet.api.ring.TopologyService;
import org.ringlet.api.ring.TopologyServiceFactory;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.runtime.Scheduler;

/**
 * Creates the {@link LocalTopologyService} ({@code local}): a one-node ring whose host id and tokens are kept in
 * the node's {@link LocalNodeStore}. Options ({@link LocalTopologyConfig#from}): {@code listen_address} or
 * {@code broadcast_address}, {@code storage_port}, {@code rpc_address} or {@code broadcast_rpc_address},
 * {@code native_transport_port}, {@code num_tokens}, {@code initial_token}, and {@code partitioner}, the configured
 * name of the partitioner, whose Cassandra class name {@code system.local} shows.
 */
public final class LocalTopologyServiceFactory implements TopologyServiceFactory {

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Set<Class<?>> requiredServices() {
        return Set.of(Partitioner.class, LocationProvider.class, LocalNodeStore.class, ComponentRegistry.class,
                RandomSource.class, Scheduler.class);
    }

    @Override
    public String description() {
        return "this node's host id, tokens and location as a one-node ring (the cluster's ring comes with gossip)";
    }

    @Override
    public TopologyService create(ComponentConfig config, NodeContext context) {
        Partitioner partitioner = context.service(Partitioner.class);
        return new LocalTopologyService(partitioner, partitionerClassName(config, context, partitioner),
                context.service(LocationProvider.class), context.service(LocalNodeStore.class), context.random(),
                LocalTopologyConfig.from(config), context.scheduler().computeExecutor());
    }

    /** The registry's display name of the configured partitioner, else the partitioner's class name. */
    private static String partitionerClassName(ComponentConfig config, NodeContext context, Partitioner partitioner) {
        ComponentRegistry registry = context.service(ComponentRegistry.class);
        Optional<PartitionerFactory> factory = config.get("partitioner")
                .flatMap(name -> registry.find(PartitionerFactory.class, name));
        return factory.map(registry::displayClassName).orElse(partitioner.getClass().getName());
    }
}
