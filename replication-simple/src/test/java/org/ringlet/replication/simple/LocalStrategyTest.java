package org.ringlet.replication.simple;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.MissingServiceException;
import org.ringlet.api.NodeContext;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.locator.ReplicationStrategyFactory;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.ring.TopologyService;
import org.ringlet.api.testing.FixedTopologyService;
import org.ringlet.api.testing.LongToken;
import org.ringlet.api.testing.MapNodeContext;
import org.ringlet.api.testing.Rings;
import org.ringlet.api.testing.contract.ReplicationStrategyContractTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LocalStrategyTest extends ReplicationStrategyContractTest {
    private final LocalStrategyFactory factory = new LocalStrategyFactory();

    @Override
    protected ReplicationStrategyFactory factory() {
        return factory;
    }

    @Override
    protected Map<String, String> options(Topology topology) {
        return Map.of();
    }

    @Override
    protected NodeContext context(Topology topology) {
        return MapNodeContext.empty().with(TopologyService.class,
                new FixedTopologyService(topology, Rings.hostId(0), null));
    }

    @Override
    protected int expectedReplicaCount(ReplicationStrategy strategy, Topology topology) {
        return 1;
    }

    @Override
    protected int expectedReplicasOnEmptyRing() {
        return 1;
    }

    @Test
    void onlyThisNodeWhateverTheToken() {
        Topology ring = Rings.random(new java.util.Random(3), 2, 2, 6, 4);
        ReplicationStrategy s = factory.create(new ComponentConfig("system", Map.of()), context(ring));
        for (long t : new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}) {
            assertEquals(List.of(Rings.hostId(0)), s.naturalReplicas(LongToken.of(t), ring));
        }
        assertEquals(1, s.replicationFactor());
        assertEquals(1, s.replicationFactor("anywhere"));
    }

    @Test
    void declaresAndNeedsTheTopologyService() {
        assertEquals(Set.of(TopologyService.class), factory.requiredServices());
        assertThrows(MissingServiceException.class,
                () -> factory.create(new ComponentConfig("system", Map.of()), MapNodeContext.empty()));
        assertEquals("org.apache.cassandra.locator.LocalStrategy", factory.cassandraClassName().orElseThrow());
    }
}
