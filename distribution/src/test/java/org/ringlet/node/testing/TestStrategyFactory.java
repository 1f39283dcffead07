package org.ringlet.node.testing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.locator.ReplicationStrategyFactory;
import org.ringlet.api.ring.Token;
import org.ringlet.api.ring.Topology;

/** The first {@code replication_factor} distinct owners clockwise; for assembly tests only. */
public final class TestStrategyFactory implements ReplicationStrategyFactory {
    @Override
    public String name() {
        return "test-clockwise";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("TestClockwiseStrategy");
    }

    @Override
    public ReplicationStrategy create(ComponentConfig config, NodeContext context) {
        for (String key : config.options().keySet()) {
            if (!key.equals("replication_factor")) {
                throw new ConfigurationException("Unrecognized strategy option {" + key
                        + "} passed to TestClockwiseStrategy for keyspace " + config.scope());
            }
        }
        int rf = config.getInt("replication_factor", 1);
        return new ReplicationStrategy() {
            @Override
            public List<UUID> naturalReplicas(Token token, Topology topology) {
                List<UUID> replicas = new ArrayList<>();
                for (Iterator<Token> it = topology.ringFrom(token); it.hasNext() && replicas.size() < rf; ) {
                    UUID owner = topology.owner(it.next());
                    if (!replicas.contains(owner)) {
                        replicas.add(owner);
                    }
                }
                return replicas;
            }

            @Override
            public int replicationFactor() {
                return rf;
            }

            @Override
            public int replicationFactor(String datacenter) {
                return rf;
            }

            @Override
            public Map<String, String> options() {
                return Map.of("replication_factor", Integer.toString(rf));
            }
        };
    }
}
