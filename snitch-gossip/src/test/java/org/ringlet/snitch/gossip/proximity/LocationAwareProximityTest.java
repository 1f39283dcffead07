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

class LocationAwareProximityTest extends NodeProximityContractTest {
    @Override
    protected NodeProximityFactory factory() {
        return new LocationAwareProximityFactory();
    }

    private static final Topology RING = Topology.builder()
            .add(Rings.node(0, "dc1", "r1", 0))
            .add(Rings.node(1, "dc1", "r1", 10))
            .add(Rings.node(2, "dc1", "r2", 20))
            .add(Rings.node(3, "dc2", "r1", 30))
            .add(Rings.node(4, "dc2", "r2", 40))
            .build();

    @Test
    void selfThenRackThenDatacenterThenTheRest() {
        NodeProximity p = factory().create(ComponentConfig.empty(), MapNodeContext.empty());
        UUID stranger = new UUID(9, 9);
        List<UUID> given = List.of(stranger, hostId(4), hostId(2), hostId(3), hostId(1), hostId(0));
        assertEquals(List.of(hostId(0), hostId(1), hostId(2), hostId(4), hostId(3), stranger),
                p.sortByProximity(hostId(0), given, RING));
        // rack r1 of dc2 is not node 0's rack, even though it has the same name
        assertEquals(List.of(hostId(3), hostId(4), hostId(0), hostId(2), hostId(1)),
                p.sortByProximity(hostId(3), List.of(hostId(0), hostId(4), hostId(2), hostId(1), hostId(3)), RING));
        assertTrue(p.compare(hostId(0), hostId(2), hostId(3), RING) < 0);
    }

    @Test
    void answersToTheRackAwareSnitchesNames() {
        assertTrue(factory().aliases().contains("GossipingPropertyFileSnitch"));
        assertTrue(factory().aliases().contains("PropertyFileSnitch"));
    }
}
