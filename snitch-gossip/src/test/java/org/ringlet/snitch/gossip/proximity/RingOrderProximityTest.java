package org.ringlet.snitch.gossip.proximity;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.locator.NodeProximity;
import org.ringlet.api.locator.NodeProximityFactory;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.testing.MapNodeContext;
import org.ringlet.api.testing.Rings;
import org.ringlet.api.testing.contract.NodeProximityContractTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ringlet.api.testing.Rings.hostId;

class RingOrderProximityTest extends NodeProximityContractTest {
    @Override
    protected NodeProximityFactory factory() {
        return new RingOrderProximityFactory();
    }

    @Test
    void keepsTheGivenOrderExceptUnknownNodes() {
        Topology ring = Topology.builder().add(Rings.node(0, "dc1", "r1", 0)).add(Rings.node(1, "dc2", "r1", 10))
                .add(Rings.node(2, "dc1", "r1", 20)).build();
        NodeProximity p = factory().create(ComponentConfig.empty(), MapNodeContext.empty());
        UUID stranger = new UUID(9, 9);
        assertEquals(List.of(hostId(1), hostId(2), hostId(0), stranger),
                p.sortByProximity(hostId(0), List.of(hostId(1), stranger, hostId(2), hostId(0)), ring));
        assertTrue(factory().aliases().contains("SimpleSnitch"));
    }
}
