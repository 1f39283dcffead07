package org.ringlet.replication.simple;

import java.util.Optional;
import java.util.Set;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.locator.ReplicationOptions;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.locator.ReplicationStrategyFactory;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.ring.TopologyService;

/**
 * Creates {@link LocalStrategy}: {@code local}, also {@code LocalStrategy} and
 * {@code org.apache.cassandra.locator.LocalStrategy}. Takes no options; needs the node's {@link TopologyService}
 * for this node's host id. Stateless.
 */
public final class LocalStrategyFactory implements ReplicationStrategyFactory {
    /** The Cassandra class name keyspaces of this strategy show. */
    public static final String CASSANDRA_CLASS = "org.apache.cassandra.locator.LocalStrategy";
    private static final String SIMPLE_NAME = "LocalStrategy";

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Set<String> aliases() {
        return Set.of(SIMPLE_NAME, CASSANDRA_CLASS);
    }

    @Override
    public Optional<String> cassandraClassName() {
        return Optional.of(CASSANDRA_CLASS);
    }

    @Override
    public Set<Class<?>> requiredServices() {
        return Set.of(TopologyService.class);
    }

    @Override
    public String description() {
        return "this node is the only replica (node-local keyspaces); no options";
    }

    @Override
    public ReplicationStrategy create(ComponentConfig config, NodeContext context) {
        ReplicationOptions.checkRecognized(config.options(), Set.of(), SIMPLE_NAME, config.scope());
        return new LocalStrategy(context.service(TopologyService.class).localHostId());
    }

    @Override
    public ComponentConfig normalizeForCreate(ComponentConfig config, Topology topology) {
        ReplicationOptions.checkRecognized(config.options(), Set.of(), SIMPLE_NAME, config.scope());
        return config;
    }
}
