package org.ringlet.replication.simple;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.locator.ReplicationOptions;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.locator.ReplicationStrategyFactory;
import org.ringlet.api.ring.Topology;

import static org.ringlet.api.locator.ReplicationOptions.REPLICATION_FACTOR;

/**
 * Creates {@link SimpleStrategy}: {@code simple}, also {@code SimpleStrategy} and
 * {@code org.apache.cassandra.locator.SimpleStrategy}. Its only option is {@code replication_factor}, which
 * CREATE and ALTER KEYSPACE default to {@value ReplicationOptions#DEFAULT_KEYSPACE_RF} (or, for ALTER, the previous
 * factor) as Cassandra 5.0 does. Messages and the order of checks are Cassandra's. Stateless.
 */
public final class SimpleStrategyFactory implements ReplicationStrategyFactory {
    /** The Cassandra class name keyspaces of this strategy show. */
    public static final String CASSANDRA_CLASS = "org.apache.cassandra.locator.SimpleStrategy";
    static final String SIMPLE_NAME = "SimpleStrategy";

    @Override
    public String name() {
        return "simple";
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
        return "replicas on the next distinct nodes clockwise; option replication_factor";
    }

    @Override
    public ReplicationStrategy create(ComponentConfig config, NodeContext context) {
        return build(config);
    }

    private static SimpleStrategy build(ComponentConfig config) {
        return new SimpleStrategy(check(config.options(), config.scope()), config.options());
    }

    /** Cassandra's checks, in Cassandra's order: the factor is present and valid, then no other option. */
    private static int check(Map<String, String> options, String keyspace) {
        String rf = options.get(REPLICATION_FACTOR);
        if (rf == null) {
            throw new ConfigurationException("SimpleStrategy requires a replication_factor strategy option.");
        }
        int factor = ReplicationOptions.parseFactor(rf);
        ReplicationOptions.checkRecognized(options, Set.of(REPLICATION_FACTOR), SIMPLE_NAME, keyspace);
        return factor;
    }

    @Override
    public ComponentConfig normalizeForCreate(ComponentConfig config, Topology topology) {
        return normalize(config, Map.of());
    }

    @Override
    public ComponentConfig normalizeForAlter(ComponentConfig config, ComponentConfig previous, Topology topology) {
        return normalize(config, previous.options());
    }

    private ComponentConfig normalize(ComponentConfig config, Map<String, String> previous) {
        Map<String, String> options = ReplicationOptions.inCassandraOrder(config.options());
        options.putIfAbsent(REPLICATION_FACTOR,
                previous.getOrDefault(REPLICATION_FACTOR, Integer.toString(ReplicationOptions.DEFAULT_KEYSPACE_RF)));
        check(options, config.scope());
        return new ComponentConfig(config.scope(), options);
    }

    @Override
    public List<String> warnings(ComponentConfig config, Topology topology) {
        if (ReplicationOptions.isSystemKeyspace(config.scope())) {
            return List.of();
        }
        int nodes = topology.nodes().size();
        int factor = ReplicationOptions.parseFactor(config.require(REPLICATION_FACTOR));
        if (factor > nodes && nodes != 0) {
            return List.of("Your replication factor " + factor + " for keyspace " + config.scope()
                    + " is higher than the number of nodes " + nodes);
        }
        return List.of();
    }
}
