package org.ringlet.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.cassandra.locator.AbstractReplicationStrategy;
import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.locator.ReplicationStrategyFactory;
import org.ringlet.api.testing.LongToken;
import org.ringlet.api.testing.MapNodeContext;
import org.ringlet.api.testing.Rings;
import org.ringlet.replication.simple.SimpleStrategyFactory;
import org.ringlet.replication.topology.NetworkTopologyStrategyFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Ringlet's SimpleStrategy and NetworkTopologyStrategy against Cassandra's, live, on hundreds of random
 * multi-datacenter, multi-rack rings with vnodes.
 */
class PlacementOracleTest {
    private static final long SEED = Long.getLong("ringlet.oracle.seed", 5_000_000L);

    private static int compare(boolean nts, long seed, int rings, int maxNodes, int maxTokens) {
        Random r = new Random(seed);
        Map<String, ReplicationStrategyFactory> factories = Map.of("SimpleStrategy", new SimpleStrategyFactory(),
                "NetworkTopologyStrategy", new NetworkTopologyStrategyFactory());
        int checked = 0;
        for (int i = 0; i < rings; i++) {
            GoldenGenerator.RingCase c = GoldenGenerator.ringCase(r, i, nts, maxNodes, maxTokens);
            CassandraOracle.Ring ring = new CassandraOracle.Ring(c.topology().nodes());
            for (int s = 0; s < c.classes().size(); s++) {
                AbstractReplicationStrategy theirs = ring.strategy(c.classes().get(s), c.options().get(s));
                ReplicationStrategy ours = factories.get(c.classes().get(s))
                        .create(new ComponentConfig("ks", c.options().get(s)), MapNodeContext.empty());
                for (long t : GoldenGenerator.queryTokens(r, c.topology(), 50)) {
                    List<Integer> expected = ring.replicas(theirs, t);
                    List<Integer> actual = new ArrayList<>();
                    for (UUID id : ours.naturalReplicas(LongToken.of(t), c.topology())) {
                        actual.add(Rings.index(id));
                    }
                    int index = s;
                    assertEquals(expected, actual, () -> c.name() + " " + c.options().get(index) + " token " + t
                            + " nodes " + c.topology().nodes());
                    checked++;
                }
            }
        }
        return checked;
    }

    @Test
    void simpleStrategyOnThreeHundredRings() {
        int checked = compare(false, SEED, 300, 24, 16);
        assertEquals(true, checked > 100_000, "checked " + checked);
    }

    @Test
    void networkTopologyStrategyOnThreeHundredRings() {
        int checked = compare(true, SEED + 1, 300, 24, 16);
        assertEquals(true, checked > 100_000, "checked " + checked);
    }
}
