package org.ringlet.node.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.locator.NodeProximity;
import org.ringlet.api.locator.NodeProximityFactory;
import org.ringlet.api.ring.Topology;

/** Ranks this node first and keeps the others in their order; for assembly tests only. */
public final class TestProximityFactory implements NodeProximityFactory {
    @Override
    public String name() {
        return "test-proximity";
    }

    @Override
    public NodeProximity create(ComponentConfig config, NodeContext context) {
        return new NodeProximity() {
            @Override
            public List<UUID> sortByProximity(UUID self, List<UUID> nodes, Topology topology) {
                List<UUID> sorted = new ArrayList<>(nodes);
                sorted.sort(Comparator.comparingInt(n -> n.equals(self) ? 0 : 1));
                return sorted;
            }

            @Override
            public int compare(UUID self, UUID a, UUID b, Topology topology) {
                return Integer.compare(a.equals(self) ? 0 : 1, b.equals(self) ? 0 : 1);
            }
        };
    }
}
