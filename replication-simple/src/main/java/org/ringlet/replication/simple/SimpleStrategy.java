package org.ringlet.replication.simple;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.ring.Token;
import org.ringlet.api.ring.Topology;

/**
 * Cassandra's SimpleStrategy: the first replica of a token is the owner of the first ring token at or after it,
 * the others are the next distinct nodes clockwise, whatever their datacenter or rack.
 *
 * <p>Immutable and thread-safe.
 */
final class SimpleStrategy implements ReplicationStrategy {
    private final int replicationFactor;
    private final Map<String, String> options;

    SimpleStrategy(int replicationFactor, Map<String, String> options) {
        this.replicationFactor = replicationFactor;
        this.options = Map.copyOf(options);
    }

    @Override
    public List<UUID> naturalReplicas(Token token, Topology topology) {
        Set<UUID> replicas = new LinkedHashSet<>();
        Iterator<Token> ring = topology.ringFrom(token);
        while (replicas.size() < replicationFactor && ring.hasNext()) {
            replicas.add(topology.owner(ring.next()));
        }
        return List.copyOf(replicas);
    }

    @Override
    public int replicationFactor() {
        return replicationFactor;
    }

    @Override
    public int replicationFactor(String datacenter) {
        return replicationFactor;
    }

    @Override
    public Map<String, String> options() {
        return options;
    }

    @Override
    public String toString() {
        return "SimpleStrategy" + options;
    }
}
