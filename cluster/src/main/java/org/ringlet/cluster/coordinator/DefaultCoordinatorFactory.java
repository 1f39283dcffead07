package org.ringlet.cluster.coordinator;

import java.util.Optional;
import java.util.Set;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.ComponentRegistry;
import org.ringlet.api.NodeContext;
import org.ringlet.api.cluster.Coordinator;
import org.ringlet.api.cluster.CoordinatorFactory;
import org.ringlet.api.cluster.RequestMetrics;
import org.ringlet.api.ring.TopologyService;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.Scheduler;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.storage.StorageEngine;

/**
 * Creates the {@link DefaultCoordinator} ({@code default}). Its options are the coordinator's timeouts and
 * {@code auto_snapshot} ({@link CoordinatorConfig}). When the node has {@link RequestMetrics}, client request
 * latencies and each table's local read and write latencies are reported to them.
 */
public final class DefaultCoordinatorFactory implements CoordinatorFactory {

    @Override
    public String name() {
        return "default";
    }

    @Override
    public Optional<String> cassandraClassName() {
        return Optional.of("org.apache.cassandra.service.StorageProxy");
    }

    @Override
    public Set<Class<?>> requiredServices() {
        return Set.of(SchemaService.class, TopologyService.class, StorageEngine.class, ComponentRegistry.class,
                Scheduler.class, Clock.class);
    }

    @Override
    public String description() {
        return "Coordinates reads and writes at a consistency level across the replicas of the ring";
    }

    @Override
    public Coordinator create(ComponentConfig config, NodeContext context) {
        SchemaService schema = context.service(SchemaService.class);
        TopologyService topology = context.service(TopologyService.class);
        Scheduler scheduler = context.service(Scheduler.class);
        CoordinatorConfig settings = CoordinatorConfig.from(config);
        ReplicationStrategies strategies = new ReplicationStrategies(schema,
                context.service(ComponentRegistry.class), context);
        Clock clock = context.service(Clock.class);
        RequestMetrics metrics = context.find(RequestMetrics.class).orElse(RequestMetrics.none());
        ReplicaClient replicas = new LocalReplicaClient(topology.localHostId(), context.service(StorageEngine.class),
                schema, scheduler.readExecutor(), settings.autoSnapshot(), clock, metrics, true);
        Coordinator coordinator = new DefaultCoordinator(schema, strategies, topology, replicas, Liveness.all(),
                scheduler, clock, settings);
        return context.find(RequestMetrics.class).isPresent()
                ? new MeasuredCoordinator(coordinator, metrics, clock) : coordinator;
    }
}
