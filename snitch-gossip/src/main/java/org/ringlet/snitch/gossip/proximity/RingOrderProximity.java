package org.ringlet.snitch.gossip.proximity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.ringlet.api.locator.NodeProximity;
import org.ringlet.api.ring.Topology;

/**
 * Keeps nodes in their given order (for replicas, the ring order the strategy returned), as Cassandra's
 * SimpleSnitch does; only nodes the topology does not know move to the end.
 *
 * <p>Immutable and thread-safe.
 */
final class RingOrderProximity implements NodeProximity {

    private static int rank(UUID node, Topology topology) {
        return topology.node(node).isPresent() ? 0 : 1;
    }

    @Override
    public List<UUID> sortByProximity(UUID self, List<UUID> nodes, Topology topology) {
        List<UUID> sorted = new ArrayList<>(nodes);
        sorted.sort(Comparator.comparingInt(n -> rank(n, topology)));
        return sorted;
    }

    @Override
    public int compare(UUID self, UUID a, UUID b, Topology topology) {
        return Integer.compare(rank(a, topology), rank(b, topology));
    }

    @Override
    public String toString() {
        return "ring-order";
    }
}
