package org.ringlet.node.management;

import java.util.Optional;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import org.ringlet.api.cluster.RequestMetrics;
import org.ringlet.api.locator.LocationProvider;
import org.ringlet.api.locator.LocationProviderFactory;
import org.ringlet.api.membership.Membership;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.PartitionerFactory;
import org.ringlet.api.ring.TopologyService;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.node.config.NodeConfig;
import org.ringlet.node.config.StorageConfig;
import org.ringlet.node.inject.NodeServices;
import org.ringlet.node.inject.ReplicationStrategies;
import org.ringlet.node.inject.StopRequest;
import org.ringlet.node.inject.TransportStage;
import org.ringlet.node.plugin.DefaultComponentRegistry;

import static java.util.Objects.requireNonNull;

/**
 * The management interface: {@link ManagementServer} and its MBeans, and the node's {@link RequestMetrics}, which
 * feed the latency recorders the MBeans report. The ring, membership, storage and schema services are optional
 * here: a module that binds them (plainly or through {@link OptionalBinder}) makes the MBeans use them; services the
 * node publishes while it starts (the topology service) are looked up when nodetool asks.
 */
public final class ManagementModule extends AbstractModule {
    private final Runnable stopRequest;

    /**
     * @param stopRequest what {@code nodetool stopdaemon} does: the process exits; an in-process node stops
     */
    public ManagementModule(Runnable stopRequest) {
        this.stopRequest = requireNonNull(stopRequest, "stopRequest is null");
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), TopologyService.class);
        OptionalBinder.newOptionalBinder(binder(), Membership.class);
        OptionalBinder.newOptionalBinder(binder(), StorageEngine.class);
        OptionalBinder.newOptionalBinder(binder(), SchemaService.class);
        bind(LatencyRecorders.class).in(Singleton.class);
        bind(StopRequest.class).toInstance(new StopRequest(stopRequest));
    }

    @Provides
    @Singleton
    RequestMetrics requestMetrics(LatencyRecorders latencies, SchemaService schema) {
        return new NodeRequestMetrics(latencies, schema);
    }

    @Provides
    @Singleton
    ManagementSources sources(Optional<TopologyService> topology, Optional<Membership> membership,
                              Optional<StorageEngine> storage, Optional<SchemaService> schema, NodeServices services) {
        return new ManagementSources(() -> topology.or(() -> services.find(TopologyService.class)),
                () -> membership.or(() -> services.find(Membership.class)), () -> storage, () -> schema);
    }

    @Provides
    @Singleton
    StorageServiceBean storageService(NodeConfig config, Partitioner partitioner, LocationProvider location,
                                      DefaultComponentRegistry registry, ReplicationStrategies strategies, Clock clock,
                                      ManagementSources sources, Provider<TransportStage> transport) {
        String partitionerClass = registry.displayClassName(
                registry.resolve(PartitionerFactory.class, config.cluster().partitioner()));
        StorageConfig sc = config.storage();
        StorageServiceBean.Identity identity = new StorageServiceBean.Identity(config.cluster().clusterName(),
                partitionerClass, (int) (clock.currentTimeMillis() / 1000),
                sc.compactionThroughput().bytesPerSecond() / (1024.0 * 1024.0));
        StorageServiceBean.Clients clients = new StorageServiceBean.Clients(() -> {
            try {
                transport.get().stopServing();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop serving clients: " + e.getMessage(), e);
            }
        }, () -> transport.get().isRunning());
        return new StorageServiceBean(identity, partitioner, location, sources, strategies::create, stopRequest,
                clients);
    }

    /**
     * The JMX endpoint. It takes the client transport as a dependency only to be constructed, and so started, after
     * it (services start in construction order): the RMI registry, the connector and one MBean per table are not on
     * the way to an open CQL port (ADR 0145). {@code ringlet start} still returns only once both are up, because the
     * status file is written after every service has started.
     */
    @Provides
    @Singleton
    ManagementServer managementServer(NodeConfig config, StorageServiceBean storageService, LocationProvider location,
                                      DefaultComponentRegistry registry, LatencyRecorders latencies,
                                      ManagementSources sources, Optional<StorageEngine> storage,
                                      Optional<SchemaService> schema, TransportStage startedBefore,
                                      org.ringlet.api.runtime.Clock clock) {
        String snitchClass = registry.displayClassName(
                registry.resolve(LocationProviderFactory.class, config.location().endpointSnitch()));
        int compactors = config.storage().concurrentCompactors()
                .orElse(Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors())));
        ManagementServer.LocationBeans beans = new ManagementServer.LocationBeans(
                new ClusterBeans.SnitchInfo(storageService, location, snitchClass),
                new ClusterBeans.Proxy(storageService), new ClusterBeans.Gossip(storageService),
                new ClusterBeans.Compactions(compactors, sources));
        return new ManagementServer(config.network().listenAddress(), config.network().jmxPort(), storageService,
                beans, latencies, schema, storage, clock);
    }
}
