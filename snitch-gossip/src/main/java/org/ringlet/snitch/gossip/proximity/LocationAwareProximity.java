package org.ringlet.snitch.gossip.proximity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ringlet.api.locator.Location;
import org.ringlet.api.locator.NodeProximity;
import org.ringlet.api.ring.NodeInfo;
import org.ringlet.api.ring.Topology;

import static java.util.Objects.requireNonNull;

/**
 * Orders nodes by where they are relative to a node: the node itself, then nodes on its rack (same datacenter and
 * rack), then the rest of its datacenter, then other datacenters, then nodes the topology does not know. Nodes
 * equally close keep their given order. Locations come from the {@link Topology}.
 *
 * <p>Immutable and thread-safe.
 */
final class LocationAwareProximity implements NodeProximity {
    private static final int SELF = 0;
    private static final int SAME_RACK = 1;
    private static final int SAME_DATACENTER = 2;
    private static final int ELSEWHERE = 3;
    private static final int UNKNOWN = 4;

    private static int rank(UUID self, Optional<Location> selfLocation, UUID node, Topology topology) {
        if (node.equals(self)) {
            return SELF;
        }
        Optional<Location> l = topology.node(node).map(NodeInfo::location);
        if (l.isEmpty()) {
            return UNKNOWN;
        }
        if (selfLocation.isEmpty() || !selfLocation.get().datacenter().equals(l.get().datacenter())) {
            return ELSEWHERE;
        }
        return selfLocation.get().rack().equals(l.get().rack()) ? SAME_RACK : SAME_DATACENTER;
    }

    @Override
    public List<UUID> sortByProximity(UUID self, List<UUID> nodes, Topology topology) {
        requireNonNull(self, "self is null");
        Optional<Location> selfLocation = topology.node(self).map(NodeInfo::location);
        List<UUID> sorted = new ArrayList<>(nodes);
        sorted.sort(Comparator.comparingInt(n -> rank(self, selfLocation, n, topology)));
        return sorted;
    }

    @Override
    public int compare(UUID self, UUID a, UUID b, Topology topology) {
        Optional<Location> selfLocation = topology.node(self).map(NodeInfo::location);
        return Integer.compare(rank(self, selfLocation, a, topology), rank(self, selfLocation, b, topology));
    }

    @Override
    public String toString() {
        return "location-aware";
    }
}
