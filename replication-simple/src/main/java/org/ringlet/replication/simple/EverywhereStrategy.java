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
 * EverywhereStrategy: every node of the ring holds a replica of every token. The first replica is the token's
 * owner and the others follow clockwise, so that the primary replica is the same as with other strategies.
 *
 * <p>Immutable and thread-safe.
 */
final class EverywhereStrategy implements ReplicationStrategy {

    @Override
    public List<UUID> naturalReplicas(Token token, Topology topology) {
        Set<UUID> replicas = new LinkedHashSet<>();
        Iterator<Token> ring = topology.ringFrom(token);
        while (ring.hasNext()) {
            replicas.add(topology.owner(ring.next()));
        }
        return List.copyOf(replicas);
    }

    /** The factor of a one-node ring; see {@link #replicationFactor(Topology)}. */
    @Override
    public int replicationFactor() {
        return 1;
    }

    /** The factor of a one-node ring; see {@link #replicationFactor(String, Topology)}. */
    @Override
    public int replicationFactor(String datacenter) {
        return 1;
    }

    /** The number of nodes that own tokens. */
    @Override
    public int replicationFactor(Topology topology) {
        return new java.util.HashSet<>(topology.tokenOwners().values()).size();
    }

    /** The number of nodes of the datacenter that own tokens. */
    @Override
    public int replicationFactor(String datacenter, Topology topology) {
        return (int) topology.tokenOwners().values().stream().distinct()
                .filter(id -> topology.location(id).datacenter().equals(datacenter)).count();
    }

    @Override
    public boolean isDatacenterAware() {
        return true;
    }

    @Override
    public Map<String, String> options() {
        return Map.of();
    }

    @Override
    public String toString() {
        return "EverywhereStrategy";
    }
}
