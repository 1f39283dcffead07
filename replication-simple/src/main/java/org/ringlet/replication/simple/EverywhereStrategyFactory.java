package org.ringlet.replication.simple;

import java.util.Optional;
import java.util.Set;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.locator.ReplicationOptions;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.locator.ReplicationStrategyFactory;
import org.ringlet.api.ring.Topology;

/**
 * Creates {@link EverywhereStrategy}: {@code everywhere}, also {@code EverywhereStrategy} and
 * {@code org.apache.cassandra.locator.EverywhereStrategy}. Takes no options. Stateless.
 */
public final class EverywhereStrategyFactory implements ReplicationStrategyFactory {
    /** The Cassandra class name keyspaces of this strategy show. */
    public static final String CASSANDRA_CLASS = "org.apache.cassandra.locator.EverywhereStrategy";
    private static final String SIMPLE_NAME = "EverywhereStrategy";

    @Override
    public String name() {
        return "everywhere";
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
    public String description() {
        return "every node holds every token; no options";
    }

    @Override
    public ReplicationStrategy create(ComponentConfig config, NodeContext context) {
        ReplicationOptions.checkRecognized(config.options(), Set.of(), SIMPLE_NAME, config.scope());
        return new EverywhereStrategy();
    }

    @Override
    public ComponentConfig normalizeForCreate(ComponentConfig config, Topology topology) {
        ReplicationOptions.checkRecognized(config.options(), Set.of(), SIMPLE_NAME, config.scope());
        return config;
    }
}
