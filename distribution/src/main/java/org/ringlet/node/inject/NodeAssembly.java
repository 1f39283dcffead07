package org.ringlet.node.inject;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.Service;
import org.ringlet.api.locator.Location;
import org.ringlet.api.locator.LocationProvider;
import org.ringlet.api.locator.NodeProximity;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.node.config.NodeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The last service to start: it depends on every assembled component (the client transport, which starts after
 * everything else, included), so it starts after them, and it logs what the node was assembled from.
 */
public final class NodeAssembly implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(NodeAssembly.class);

    private final NodeConfig config;
    private final AssemblyLog log;
    private final Partitioner partitioner;
    private final LocationProvider locationProvider;
    private final NodeProximity proximity;
    private final ReplicationStrategies strategies;
    private final TransportStage transport;

    @Inject
    NodeAssembly(NodeConfig config, AssemblyLog log, Partitioner partitioner, LocationProvider locationProvider,
                 NodeProximity proximity, ReplicationStrategies strategies, TransportStage transport) {
        this.config = requireNonNull(config, "config is null");
        this.log = requireNonNull(log, "log is null");
        this.partitioner = requireNonNull(partitioner, "partitioner is null");
        this.locationProvider = requireNonNull(locationProvider, "locationProvider is null");
        this.proximity = requireNonNull(proximity, "proximity is null");
        this.strategies = requireNonNull(strategies, "strategies is null");
        this.transport = requireNonNull(transport, "transport is null");
    }

    /** This node's location, as its snitch says. */
    public Location location() {
        return locationProvider.local();
    }

    /** The lines {@link #start()} logs. */
    public List<String> describe() {
        Location location = locationProvider.local();
        List<String> lines = new ArrayList<>();
        lines.add("Node " + config.nodeName() + " of cluster '" + config.cluster().clusterName() + "' assembled:");
        for (AssemblyLog.Entry e : log.entries()) {
            String detail = e.kind() == ComponentKind.LOCATION_PROVIDER
                    ? " -> " + location.datacenter() + "/" + location.rack() : "";
            lines.add("  " + e.kind().label() + ": " + e.name() + " [" + e.origin() + "]" + detail);
        }
        lines.add("  replication strategies: " + String.join(", ", strategies.names()));
        lines.add("  CQL clients: " + transport.boundAddress().map(a -> a.getAddress().getHostAddress() + ":"
                + a.getPort()).orElse("not served (start_native_transport is false)"));
        return lines;
    }

    /** The assembled ring and location components, for tests. */
    public List<Object> components() {
        return List.of(partitioner, locationProvider, proximity);
    }

    @Override
    public void start() {
        describe().forEach(LOG::info);
    }

    @Override
    public void stop() {
        LOG.info("Node {} stopping", config.nodeName());
    }

    @Override
    public String serviceName() {
        return "node assembly";
    }
}
