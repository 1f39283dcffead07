package org.ringlet.replication.simple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.locator.ReplicationStrategyFactory;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.testing.LongToken;
import org.ringlet.api.testing.MapNodeContext;
import org.ringlet.api.testing.Rings;
import org.ringlet.api.testing.contract.ReplicationStrategyContractTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ringlet.api.testing.Rings.hostId;

class EverywhereStrategyTest extends ReplicationStrategyContractTest {
    private final EverywhereStrategyFactory factory = new EverywhereStrategyFactory();

    @Override
    protected ReplicationStrategyFactory factory() {
        return factory;
    }

    @Override
    protected Map<String, String> options(Topology topology) {
        return Map.of();
    }

    @Override
    protected int expectedReplicaCount(ReplicationStrategy strategy, Topology topology) {
        return topology.nodes().size();
    }

    @Test
    void everyNodeStartingWithTheOwner() {
        Topology ring = Topology.builder()
                .add(Rings.node(0, "dc1", "rack1", -100, 200))
                .add(Rings.node(1, "dc2", "rack1", 0))
                .add(Rings.node(2, "dc1", "rack2", 100))
                .build();
        ReplicationStrategy s = factory.create(new ComponentConfig("ks", Map.of()), MapNodeContext.empty());
        assertEquals(List.of(hostId(2), hostId(0), hostId(1)), s.naturalReplicas(LongToken.of(50), ring));
        assertEquals(3, s.replicationFactor(ring));
        assertEquals(2, s.replicationFactor("dc1", ring));
        assertEquals(1, s.replicationFactor("dc2", ring));
        assertEquals(0, s.replicationFactor("dc3", ring));
        assertEquals("org.apache.cassandra.locator.EverywhereStrategy", factory.cassandraClassName().orElseThrow());
    }
}
