package org.example.pinnedracks;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.locator.Endpoint;
import org.ringlet.api.locator.Location;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.locator.ReplicationStrategyFactory;
import org.ringlet.api.ring.NodeInfo;
import org.ringlet.api.ring.NodeState;
import org.ringlet.api.ring.Token;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.testing.TestNodeContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PinnedRacksStrategyTest {
    private final PinnedRacksStrategyFactory factory = new PinnedRacksStrategyFactory();
    private final TestNodeContext context = TestNodeContext.create();

    /** Six nodes at tokens 0, 10, ..., 50; racks alternate r1, r2, r3; nodes 0-2 in dc1, 3-5 in dc2. */
    private final Topology topology;
    private final UUID[] ids = new UUID[6];

    PinnedRacksStrategyTest() throws Exception {
        Topology.Builder b = Topology.builder();
        for (int i = 0; i < 6; i++) {
            ids[i] = new UUID(0, i);
            Endpoint ep = new Endpoint(InetAddress.getByName("127.0.0." + (i + 1)), 7000);
            TreeSet<Token> tokens = new TreeSet<>();
            tokens.add(new LongToken(i * 10L));
            b.add(new NodeInfo(ids[i], ep, ep, new Location(i < 3 ? "dc1" : "dc2", "r" + (i % 3 + 1)),
                    NodeState.NORMAL, tokens));
        }
        topology = b.build();
    }

    private ReplicationStrategy strategy(String racks, String rf) {
        return factory.create(new ComponentConfig("ks", Map.of("racks", racks, "replication_factor", rf)), context);
    }

    @Test
    void placesReplicasClockwiseOnPinnedRacksOnly() {
        // r1 holds nodes 0 (dc1) and 3 (dc2); r3 holds nodes 2 (dc1) and 5 (dc2).
        ReplicationStrategy s = strategy("r1,r3", "3");
        assertEquals(List.of(ids[2], ids[3], ids[5]), s.naturalReplicas(new LongToken(15), topology));
        assertEquals(List.of(ids[0], ids[2], ids[3]), s.naturalReplicas(new LongToken(55), topology),
                "wraps around the ring");
        assertEquals(3, s.replicationFactor());
        assertEquals(Map.of("racks", "r1,r3", "replication_factor", "3"), s.options());
    }

    @Test
    void aDatacenterQualifiedRackMatchesOnlyThatDatacenter() {
        ReplicationStrategy s = strategy("dc2:r1", "2");
        assertEquals(List.of(ids[3]), s.naturalReplicas(new LongToken(0), topology),
                "only node 3 is in rack r1 of dc2; fewer pinned nodes than the factor gives all of them");
    }

    @Test
    void validatesOptionsAsCassandraStrategiesDo() {
        ConfigurationException unknown = assertThrows(ConfigurationException.class, () -> factory.create(
                new ComponentConfig("ks", Map.of("racks", "r1", "replication_factor", "1", "dc1", "3")), context));
        assertEquals("Unrecognized strategy option {dc1} passed to PinnedRacksStrategy for keyspace ks",
                unknown.getMessage());
        assertThrows(ConfigurationException.class, () -> strategy("r1", "-1"));
        assertThrows(ConfigurationException.class, () -> strategy("r1", "three"));
        assertThrows(ConfigurationException.class, () -> strategy(" , ", "1"));
        assertThrows(ConfigurationException.class, () -> strategy("dc1:", "1"));
        assertTrue(assertThrows(ConfigurationException.class, () -> factory.create(
                new ComponentConfig("ks", Map.of("replication_factor", "1")), context)).getMessage()
                .contains("racks"));
    }

    @Test
    void isRegisteredForServiceLoader() {
        boolean found = false;
        for (ReplicationStrategyFactory f : ServiceLoader.load(ReplicationStrategyFactory.class)) {
            found |= f instanceof PinnedRacksStrategyFactory && f.name().equals("pinned-racks");
        }
        assertTrue(found, "META-INF/services registers the factory");
    }

    private record LongToken(long value) implements Token {
        @Override
        public int compareTo(Token o) {
            return Long.compare(value, ((LongToken) o).value);
        }
    }
}
