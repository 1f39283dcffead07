package org.ringlet.api.testing.locator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.locator.ReplicationStrategyFactory;
import org.ringlet.api.ring.Token;
import org.ringlet.api.ring.Topology;

/**
 * Small replication strategies for other modules' tests, with Cassandra's class names: SimpleStrategy (the next
 * RF distinct nodes clockwise), NetworkTopologyStrategy (per datacenter, racks ignored) and LocalStrategy. The
 * production strategies live in the replication modules.
 */
public final class TestReplicationStrategies {
    private TestReplicationStrategies() {
    }

    public static ReplicationStrategyFactory simple() {
        return new Factory("simple", "SimpleStrategy", Kind.SIMPLE);
    }

    public static ReplicationStrategyFactory networkTopology() {
        return new Factory("network-topology", "NetworkTopologyStrategy", Kind.NETWORK_TOPOLOGY);
    }

    /** LocalStrategy: a test double that answers the owner of the token, which on one node is that node. */
    public static ReplicationStrategyFactory local() {
        return new Factory("local", "LocalStrategy", Kind.LOCAL);
    }

    private enum Kind { SIMPLE, NETWORK_TOPOLOGY, LOCAL }

    private record Factory(String name, String shortClass, Kind type) implements ReplicationStrategyFactory {
        @Override
        public Set<String> aliases() {
            return Set.of(shortClass, "org.apache.cassandra.locator." + shortClass);
        }

        @Override
        public Optional<String> cassandraClassName() {
            return Optional.of("org.apache.cassandra.locator." + shortClass);
        }

        @Override
        public ComponentConfig normalizeForCreate(ComponentConfig config, Topology topology) {
            if (type == Kind.SIMPLE && config.get("replication_factor").isEmpty()) {
                return config.with("replication_factor", "1");
            }
            return config;
        }

        /** Cassandra's warnings when a replication factor is larger than the number of nodes. */
        @Override
        public List<String> warnings(ComponentConfig config, Topology topology) {
            List<String> out = new ArrayList<>();
            if (type == Kind.SIMPLE) {
                int rf = Integer.parseInt(config.require("replication_factor"));
                if (rf > topology.nodes().size()) {
                    out.add("Your replication factor " + rf + " for keyspace " + config.scope()
                            + " is higher than the number of nodes " + topology.nodes().size());
                }
            } else if (type == Kind.NETWORK_TOPOLOGY) {
                Map<String, Set<UUID>> byDc = topology.nodesByDatacenter();
                for (Map.Entry<String, String> e : new TreeMap<>(config.options()).entrySet()) {
                    int rf = Integer.parseInt(e.getValue());
                    int nodes = byDc.getOrDefault(e.getKey(), Set.of()).size();
                    if (rf > nodes) {
                        out.add("Your replication factor " + rf + " for keyspace " + config.scope()
                                + " is higher than the number of nodes " + nodes + " for datacenter " + e.getKey());
                    }
                }
            }
            return out;
        }

        @Override
        public ReplicationStrategy create(ComponentConfig config, NodeContext context) {
            Map<String, Integer> factors = new TreeMap<>();
            for (Map.Entry<String, String> e : config.options().entrySet()) {
                if (type == Kind.SIMPLE && !e.getKey().equals("replication_factor")) {
                    throw new ConfigurationException("Unrecognized strategy option {" + e.getKey()
                            + "} passed to SimpleStrategy for keyspace " + config.scope());
                }
                try {
                    factors.put(e.getKey(), Integer.parseInt(e.getValue()));
                } catch (NumberFormatException ex) {
                    throw new ConfigurationException("Replication factor must be numeric; found " + e.getValue());
                }
            }
            if (type == Kind.SIMPLE && !factors.containsKey("replication_factor")) {
                throw new ConfigurationException("SimpleStrategy requires a replication_factor strategy option.");
            }
            return new Strategy(type, factors, config.options());
        }
    }

    private record Strategy(Kind kind, Map<String, Integer> factors, Map<String, String> options)
            implements ReplicationStrategy {
        @Override
        public List<UUID> naturalReplicas(Token token, Topology topology) {
            if (topology.sortedTokens().isEmpty()) {
                return List.of();
            }
            if (kind == Kind.LOCAL) {
                return List.of(topology.primaryOwner(token));
            }
            Set<UUID> out = new LinkedHashSet<>();
            Map<String, Integer> perDc = new TreeMap<>();
            Iterator<Token> ring = topology.ringFrom(token);
            while (ring.hasNext()) {
                UUID owner = topology.owner(ring.next());
                if (out.contains(owner)) {
                    continue;
                }
                if (kind == Kind.SIMPLE) {
                    if (out.size() < factors.get("replication_factor")) {
                        out.add(owner);
                    }
                } else {
                    String dc = topology.location(owner).datacenter();
                    int want = factors.getOrDefault(dc, 0);
                    if (perDc.getOrDefault(dc, 0) < want) {
                        perDc.merge(dc, 1, Integer::sum);
                        out.add(owner);
                    }
                }
            }
            return new ArrayList<>(out);
        }

        @Override
        public int replicationFactor() {
            if (kind == Kind.LOCAL) {
                return 1;
            }
            return factors.values().stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public int replicationFactor(String datacenter) {
            if (kind == Kind.NETWORK_TOPOLOGY) {
                return factors.getOrDefault(datacenter, 0);
            }
            return replicationFactor();
        }

        @Override
        public boolean isDatacenterAware() {
            return kind == Kind.NETWORK_TOPOLOGY;
        }
    }
}
