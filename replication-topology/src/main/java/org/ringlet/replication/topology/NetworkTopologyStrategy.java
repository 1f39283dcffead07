package org.ringlet.replication.topology;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.ringlet.api.locator.Location;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.ring.Token;
import org.ringlet.api.ring.Topology;

import static java.util.Objects.requireNonNull;

/**
 * Cassandra's NetworkTopologyStrategy: a replication factor per datacenter, and replicas spread over racks.
 *
 * <p>Placement is Cassandra's, in one walk of the ring clockwise from the token: a node of a datacenter that still
 * needs replicas is taken if its rack has not been used yet; a node of an already used rack is taken only while
 * the datacenter has fewer racks than its factor (the "acceptable rack repeats"), so that every rack gets a replica
 * before any rack gets two. Replicas come in the order they are met. A datacenter with fewer nodes than its factor
 * gets all of them. The nodes and racks counted are those that own tokens.
 *
 * <p>Immutable and thread-safe; it remembers a summary of the last topology it saw.
 */
final class NetworkTopologyStrategy implements ReplicationStrategy {
    private final Map<String, Integer> factors;
    private final Map<String, String> options;
    private final int total;
    private volatile RingSummary lastSummary;

    /**
     * @param factors the replication factor per datacenter
     * @param options the options as stored
     */
    NetworkTopologyStrategy(Map<String, Integer> factors, Map<String, String> options) {
        this.factors = Map.copyOf(factors);
        this.options = Map.copyOf(options);
        this.total = factors.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Per datacenter, the nodes that own tokens and their racks; computed once per topology. */
    private record RingSummary(Topology topology, Map<String, Integer> nodes, Map<String, Integer> racks) {
        static RingSummary of(Topology topology) {
            Map<String, Set<UUID>> nodes = new HashMap<>();
            Map<String, Set<String>> racks = new HashMap<>();
            for (UUID owner : new HashSet<>(topology.tokenOwners().values())) {
                Location l = topology.location(owner);
                nodes.computeIfAbsent(l.datacenter(), k -> new HashSet<>()).add(owner);
                racks.computeIfAbsent(l.datacenter(), k -> new HashSet<>()).add(l.rack());
            }
            Map<String, Integer> nodeCounts = new HashMap<>();
            nodes.forEach((dc, set) -> nodeCounts.put(dc, set.size()));
            Map<String, Integer> rackCounts = new HashMap<>();
            racks.forEach((dc, set) -> rackCounts.put(dc, set.size()));
            return new RingSummary(topology, Map.copyOf(nodeCounts), Map.copyOf(rackCounts));
        }
    }

    private RingSummary summary(Topology topology) {
        RingSummary s = lastSummary;
        if (s == null || s.topology() != topology) {
            s = RingSummary.of(topology);
            lastSummary = s;
        }
        return s;
    }

    /** One datacenter's progress during the walk (Cassandra's {@code DatacenterEndpoints}). */
    private static final class DatacenterFill {
        private final Set<UUID> replicas;
        private final Set<Location> seenRacks;
        private int left;
        private int acceptableRackRepeats;

        DatacenterFill(int factor, int rackCount, int nodeCount, Set<UUID> replicas, Set<Location> seenRacks) {
            this.replicas = replicas;
            this.seenRacks = seenRacks;
            this.left = Math.min(factor, nodeCount);
            this.acceptableRackRepeats = factor - rackCount;
        }

        /** Offers a node; true when it was taken and the datacenter now has all its replicas. */
        boolean offer(UUID node, Location location) {
            if (done() || replicas.contains(node)) {
                return false;
            }
            if (seenRacks.add(location)) {
                left--;
                replicas.add(node);
                return done();
            }
            if (acceptableRackRepeats <= 0) {
                return false;
            }
            replicas.add(node);
            acceptableRackRepeats--;
            left--;
            return done();
        }

        boolean done() {
            return left == 0;
        }
    }

    @Override
    public List<UUID> naturalReplicas(Token token, Topology topology) {
        requireNonNull(token, "token is null");
        RingSummary summary = summary(topology);
        Set<UUID> replicas = new LinkedHashSet<>();
        Set<Location> seenRacks = new HashSet<>();
        Map<String, DatacenterFill> fills = new HashMap<>();
        for (Map.Entry<String, Integer> e : factors.entrySet()) {
            int nodeCount = summary.nodes().getOrDefault(e.getKey(), 0);
            if (e.getValue() <= 0 || nodeCount <= 0) {
                continue;
            }
            fills.put(e.getKey(), new DatacenterFill(e.getValue(), summary.racks().getOrDefault(e.getKey(), 0),
                    nodeCount, replicas, seenRacks));
        }
        int toFill = fills.size();
        Iterator<Token> ring = topology.ringFrom(token);
        while (toFill > 0 && ring.hasNext()) {
            UUID owner = topology.owner(ring.next());
            Location location = topology.location(owner);
            DatacenterFill fill = fills.get(location.datacenter());
            if (fill != null && fill.offer(owner, location)) {
                toFill--;
            }
        }
        return List.copyOf(replicas);
    }

    @Override
    public int replicationFactor() {
        return total;
    }

    @Override
    public int replicationFactor(String datacenter) {
        return factors.getOrDefault(datacenter, 0);
    }

    @Override
    public boolean isDatacenterAware() {
        return true;
    }

    /** The datacenters this strategy places replicas in, with their factors. */
    Map<String, Integer> factors() {
        return Collections.unmodifiableMap(factors);
    }

    @Override
    public Map<String, String> options() {
        return options;
    }

    @Override
    public String toString() {
        return "NetworkTopologyStrategy" + options;
    }
}
