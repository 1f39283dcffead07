package org.ringlet.node.management;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.membership.Membership;
import org.ringlet.api.ring.NodeInfo;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.Token;
import org.ringlet.api.ring.Topology;

import static java.util.Objects.requireNonNull;

/**
 * One topology seen as nodetool wants it: endpoints as text ({@code 127.0.0.1}, or {@code 127.0.0.1:7000} with the
 * storage port), tokens as the partitioner writes them, liveness and ownership. Immutable; a pure function of its
 * inputs.
 */
final class RingView {
    private final Topology topology;
    private final Partitioner partitioner;
    private final Optional<Membership> membership;
    private final UUID localHostId;

    RingView(Topology topology, Partitioner partitioner, Optional<Membership> membership, UUID localHostId) {
        this.topology = requireNonNull(topology, "topology is null");
        this.partitioner = requireNonNull(partitioner, "partitioner is null");
        this.membership = requireNonNull(membership, "membership is null");
        this.localHostId = localHostId;
    }

    Topology topology() {
        return topology;
    }

    static String endpoint(NodeInfo node, boolean withPort) {
        InetAddress a = node.endpoint().address();
        String host = a.getHostAddress();
        if (!withPort) {
            return host;
        }
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + node.endpoint().port();
    }

    private String endpointOf(UUID hostId, boolean withPort) {
        return endpoint(topology.node(hostId).orElseThrow(), withPort);
    }

    /** Every ring token to its owner, in token order. */
    Map<String, String> tokenToEndpoint(boolean withPort) {
        Map<String, String> out = new LinkedHashMap<>();
        topology.tokenOwners().forEach((t, owner) -> out.put(partitioner.toString(t), endpointOf(owner, withPort)));
        return out;
    }

    /** The endpoints of the nodes matching a condition, in the topology's order. */
    List<String> nodes(Predicate<NodeInfo> condition, boolean withPort) {
        List<String> out = new ArrayList<>();
        for (NodeInfo n : topology.nodes()) {
            if (condition.test(n)) {
                out.add(endpoint(n, withPort));
            }
        }
        return out;
    }

    /** Whether a node is believed alive (this node always is; others only when membership says so). */
    boolean alive(NodeInfo node) {
        if (node.hostId().equals(localHostId)) {
            return true;
        }
        return membership.map(m -> m.isAlive(node.hostId())).orElse(false);
    }

    /** Whether a node is believed down (only membership can tell). */
    boolean down(NodeInfo node) {
        return !node.hostId().equals(localHostId) && membership.map(m -> !m.isAlive(node.hostId())).orElse(false);
    }

    /** Each node's share of the ring as primary owner, 0..1. */
    Map<String, Float> primaryOwnership(boolean withPort) {
        Map<String, Float> out = zeroes(withPort);
        if (topology.sortedTokens().isEmpty()) {
            return out;
        }
        Map<Token, Double> shares = partitioner.describeOwnership(topology.sortedTokens());
        shares.forEach((t, share) -> out.merge(endpointOf(topology.owner(t), withPort), share.floatValue(), Float::sum));
        return out;
    }

    /** Each node's share of the data under a replication strategy (every replica counts), 0..1. */
    Map<String, Float> effectiveOwnership(ReplicationStrategy strategy, boolean withPort) {
        Map<String, Float> out = zeroes(withPort);
        if (topology.sortedTokens().isEmpty()) {
            return out;
        }
        Map<Token, Double> shares = partitioner.describeOwnership(topology.sortedTokens());
        for (Map.Entry<Token, Double> e : shares.entrySet()) {
            for (UUID replica : strategy.naturalReplicas(e.getKey(), topology)) {
                out.merge(endpointOf(replica, withPort), e.getValue().floatValue(), Float::sum);
            }
        }
        return out;
    }

    private Map<String, Float> zeroes(boolean withPort) {
        Map<String, Float> out = new LinkedHashMap<>();
        topology.nodes().forEach(n -> out.put(endpoint(n, withPort), 0f));
        return out;
    }

    /** The node at an address ({@code 127.0.0.1} or {@code 127.0.0.1:7000}). */
    Optional<NodeInfo> nodeAt(String address) {
        for (NodeInfo n : topology.nodes()) {
            if (endpoint(n, false).equals(address) || endpoint(n, true).equals(address)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }
}
