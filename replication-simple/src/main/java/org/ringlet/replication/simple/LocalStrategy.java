package org.ringlet.replication.simple;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.ring.Token;
import org.ringlet.api.ring.Topology;

import static java.util.Objects.requireNonNull;

/**
 * Cassandra's LocalStrategy: the only replica of every token is this node, whatever the ring; for node-local
 * keyspaces such as {@code system}.
 *
 * <p>Immutable and thread-safe.
 */
final class LocalStrategy implements ReplicationStrategy {
    private final List<UUID> self;

    LocalStrategy(UUID localHostId) {
        this.self = List.of(requireNonNull(localHostId, "localHostId is null"));
    }

    @Override
    public List<UUID> naturalReplicas(Token token, Topology topology) {
        requireNonNull(token, "token is null");
        return self;
    }

    @Override
    public int replicationFactor() {
        return 1;
    }

    @Override
    public int replicationFactor(String datacenter) {
        return 1;
    }

    @Override
    public Map<String, String> options() {
        return Map.of();
    }

    @Override
    public String toString() {
        return "LocalStrategy{" + self.get(0) + "}";
    }
}
