package org.ringlet.replication.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.locator.ReplicationOptions;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.locator.ReplicationStrategyFactory;
import org.ringlet.api.ring.Topology;

import static org.ringlet.api.locator.ReplicationOptions.REPLICATION_FACTOR;

/**
 * Creates {@link NetworkTopologyStrategy}: {@code network-topology}, also {@code NetworkTopologyStrategy} and
 * {@code org.apache.cassandra.locator.NetworkTopologyStrategy}. Its options are datacenter names with their
 * replication factors.
 *
 * <p>CREATE and ALTER KEYSPACE complete the options as Cassandra 5.0 does: {@code replication_factor} is a default
 * for every datacenter of the cluster that is not named (ALTER keeps the previous factor of datacenters it does not
 * name), no options at all means {@code replication_factor} {@value ReplicationOptions#DEFAULT_KEYSPACE_RF} (or the
 * previous one), and datacenters with factor {@code 0} are dropped. Then the options are checked in Cassandra's
 * order with Cassandra's messages: each factor parses, at least one datacenter remains, every datacenter exists.
 * A factor larger than a datacenter's node count is accepted, with a warning.
 *
 * <p>Stateless.
 */
public final class NetworkTopologyStrategyFactory implements ReplicationStrategyFactory {
    /** The Cassandra class name keyspaces of this strategy show. */
    public static final String CASSANDRA_CLASS = "org.apache.cassandra.locator.NetworkTopologyStrategy";
    private static final String SIMPLE_NAME = "NetworkTopologyStrategy";
    private static final String AUTH_KEYSPACE = "system_auth";

    @Override
    public String name() {
        return "network-topology";
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
        return "rack-aware replicas per datacenter; options: <datacenter>=<factor>";
    }

    /**
     * {@inheritDoc} Checks what Cassandra's constructor checks: no {@code replication_factor} left, and every
     * factor parses. Datacenter names are not checked here, as they depend on the topology.
     */
    @Override
    public ReplicationStrategy create(ComponentConfig config, NodeContext context) {
        return build(config);
    }

    private static NetworkTopologyStrategy build(ComponentConfig config) {
        return new NetworkTopologyStrategy(factors(config.options()), config.options());
    }

    /** Cassandra's constructor checks: no {@code replication_factor} left, and every factor parses. */
    private static Map<String, Integer> factors(Map<String, String> options) {
        Map<String, Integer> factors = new HashMap<>();
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(REPLICATION_FACTOR)) {
                throw new ConfigurationException(REPLICATION_FACTOR
                        + " should not appear as an option at construction time for NetworkTopologyStrategy");
            }
            factors.put(e.getKey(), ReplicationOptions.parseFactor(e.getValue()));
        }
        return factors;
    }

    @Override
    public ComponentConfig normalizeForCreate(ComponentConfig config, Topology topology) {
        return normalize(config, Map.of(), topology);
    }

    @Override
    public ComponentConfig normalizeForAlter(ComponentConfig config, ComponentConfig previous, Topology topology) {
        return normalize(config, previous.options(), topology);
    }

    private ComponentConfig normalize(ComponentConfig config, Map<String, String> previous, Topology topology) {
        Map<String, String> options = ReplicationOptions.inCassandraOrder(config.options());
        Set<String> datacenters = topology.datacenters();
        prepare(options, previous, datacenters);
        factors(options);
        if (options.isEmpty()) {
            throw new ConfigurationException("Configuration for at least one datacenter must be present");
        }
        ReplicationOptions.checkRecognized(options, datacenters, SIMPLE_NAME, config.scope());
        if (config.scope().equalsIgnoreCase(AUTH_KEYSPACE)) {
            Set<String> missing = new TreeSet<>(datacenters);
            missing.removeAll(options.keySet());
            if (!missing.isEmpty()) {
                throw new ConfigurationException("Following datacenters have active nodes and must be present in "
                        + "replication options for keyspace " + AUTH_KEYSPACE + ": " + missing);
            }
        }
        return new ComponentConfig(config.scope(), options);
    }

    /**
     * Cassandra's {@code prepareOptions}: expands {@code replication_factor} into every datacenter not named,
     * keeps previous datacenter factors on ALTER, drops datacenters with factor "0". Cassandra runs it through
     * reflection and drops its exceptions, so an invalid {@code replication_factor} is removed without error here
     * (the checks that follow then report what is left).
     */
    static void prepare(Map<String, String> options, Map<String, String> previous, Set<String> datacenters) {
        if (options.isEmpty()) {
            options.put(REPLICATION_FACTOR, previous.containsKey(REPLICATION_FACTOR) ? previous.get(REPLICATION_FACTOR)
                    : Integer.toString(ReplicationOptions.DEFAULT_KEYSPACE_RF));
        }
        String replication = options.remove(REPLICATION_FACTOR);
        if (replication == null && options.isEmpty()) {
            replication = previous.get(REPLICATION_FACTOR);
        } else if (replication != null) {
            previous.forEach((dc, factor) -> {
                if (!dc.equals(REPLICATION_FACTOR)) {
                    options.putIfAbsent(dc, factor);
                }
            });
        }
        if (replication != null) {
            int factor;
            try {
                factor = ReplicationOptions.parseFactor(replication);
            } catch (ConfigurationException dropped) {
                return;
            }
            for (String dc : datacenters) {
                options.putIfAbsent(dc, Integer.toString(factor));
            }
        }
        options.values().removeAll(Collections.singleton("0"));
    }

    @Override
    public List<String> warnings(ComponentConfig config, Topology topology) {
        if (ReplicationOptions.isSystemKeyspace(config.scope())) {
            return List.of();
        }
        Map<String, Set<UUID>> members = new HashMap<>();
        for (UUID owner : new HashSet<>(topology.tokenOwners().values())) {
            members.computeIfAbsent(topology.location(owner).datacenter(), k -> new HashSet<>()).add(owner);
        }
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, String> e : config.options().entrySet()) {
            int factor = ReplicationOptions.parseFactor(e.getValue());
            int nodes = members.getOrDefault(e.getKey(), Set.of()).size();
            if (factor > nodes && nodes != 0) {
                warnings.add("Your replication factor " + factor + " for keyspace " + config.scope()
                        + " is higher than the number of nodes " + nodes + " for datacenter " + e.getKey());
            }
        }
        return List.copyOf(warnings);
    }
}
