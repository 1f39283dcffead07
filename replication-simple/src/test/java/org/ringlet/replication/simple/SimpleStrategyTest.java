package org.ringlet.replication.simple;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.locator.ReplicationStrategyFactory;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.testing.LongToken;
import org.ringlet.api.testing.MapNodeContext;
import org.ringlet.api.testing.Rings;
import org.ringlet.api.testing.contract.ReplicationStrategyContractTest;
import org.ringlet.api.testing.golden.GoldenChecks;
import org.ringlet.api.testing.golden.PlacementGolden;
import org.ringlet.api.testing.golden.ValidationGolden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ringlet.api.testing.Rings.hostId;

class SimpleStrategyTest extends ReplicationStrategyContractTest {
    private final SimpleStrategyFactory factory = new SimpleStrategyFactory();

    @Override
    protected ReplicationStrategyFactory factory() {
        return factory;
    }

    @Override
    protected Map<String, String> options(Topology topology) {
        return Map.of("replication_factor", "3");
    }

    @Override
    protected int expectedReplicaCount(ReplicationStrategy strategy, Topology topology) {
        return Math.min(3, topology.nodes().size());
    }

    private static final Topology THREE = Topology.builder()
            .add(Rings.node(0, "dc1", "rack1", -100, 200))
            .add(Rings.node(1, "dc2", "rack1", 0))
            .add(Rings.node(2, "dc1", "rack2", 100))
            .build();

    private ReplicationStrategy rf(int n) {
        return factory.create(new ComponentConfig("ks", Map.of("replication_factor", Integer.toString(n))),
                MapNodeContext.empty());
    }

    @Test
    void ownerThenNextDistinctNodesClockwise() {
        assertEquals(List.of(hostId(1), hostId(2)), rf(2).naturalReplicas(LongToken.of(-50), THREE));
        assertEquals(List.of(hostId(0), hostId(1)), rf(2).naturalReplicas(LongToken.of(150), THREE));
        // past the last token the ring wraps to its first token (owned by node 0), skipping node 0's second token
        assertEquals(List.of(hostId(0), hostId(1), hostId(2)), rf(3).naturalReplicas(LongToken.of(201), THREE));
        assertEquals(List.of(hostId(0)), rf(1).naturalReplicas(LongToken.of(-100), THREE));
    }

    @Test
    void factorAboveTheNodeCountIsAcceptedAndGivesEveryNode() {
        List<UUID> replicas = rf(5).naturalReplicas(LongToken.of(7), THREE);
        assertEquals(3, replicas.size());
        assertEquals(List.of("Your replication factor 5 for keyspace ks is higher than the number of nodes 3"),
                factory.warnings(new ComponentConfig("ks", Map.of("replication_factor", "5")), THREE));
        assertEquals(List.of(), factory.warnings(new ComponentConfig("system_auth",
                Map.of("replication_factor", "5")), THREE));
    }

    @Test
    void factorZeroHasNoReplicas() {
        assertTrue(rf(0).naturalReplicas(LongToken.of(7), THREE).isEmpty());
    }

    @Test
    void messagesAreCassandras() {
        ComponentConfig none = new ComponentConfig("ks", Map.of());
        assertEquals("SimpleStrategy requires a replication_factor strategy option.",
                assertThrows(ConfigurationException.class,
                        () -> factory.create(none, MapNodeContext.empty())).getMessage());
        assertEquals("For input string: \"three\"", assertThrows(ConfigurationException.class,
                () -> factory.normalizeForCreate(new ComponentConfig("ks", Map.of("replication_factor", "three")),
                        THREE)).getMessage());
        assertEquals("Replication factor must be non-negative, found -1", assertThrows(ConfigurationException.class,
                () -> factory.normalizeForCreate(new ComponentConfig("ks", Map.of("replication_factor", "-1")),
                        THREE)).getMessage());
        assertEquals("Unrecognized strategy option {dc1} passed to SimpleStrategy for keyspace ks",
                assertThrows(ConfigurationException.class, () -> factory.normalizeForCreate(
                        new ComponentConfig("ks", Map.of("replication_factor", "1", "dc1", "1")), THREE)).getMessage());
    }

    @Test
    void createAndAlterDefaultTheFactor() {
        assertEquals(Map.of("replication_factor", "1"),
                factory.normalizeForCreate(new ComponentConfig("ks", Map.of()), THREE).options());
        assertEquals(Map.of("replication_factor", "3"), factory.normalizeForAlter(new ComponentConfig("ks", Map.of()),
                new ComponentConfig("ks", Map.of("replication_factor", "3")), THREE).options());
    }

    @Test
    void namesAndAliases() {
        assertEquals("simple", factory.name());
        assertEquals("org.apache.cassandra.locator.SimpleStrategy", factory.cassandraClassName().orElseThrow());
        assertTrue(factory.aliases().contains("SimpleStrategy"));
        assertTrue(factory.aliases().contains("org.apache.cassandra.locator.SimpleStrategy"));
    }

    @Test
    void placementsMatchCassandra() {
        List<PlacementGolden.Ring> rings = PlacementGolden.read(getClass(),
                "/golden/simple-placement-cassandra-5.0.6.txt");
        int checked = GoldenChecks.checkPlacements(rings, Map.of("SimpleStrategy", factory), MapNodeContext.empty());
        assertTrue(checked >= 1000, "too few golden placements: " + checked);
    }

    @Test
    void validationMatchesCassandra() {
        ValidationGolden.File file = ValidationGolden.read(getClass(), "/golden/simple-validation-cassandra-5.0.6.txt");
        int checked = GoldenChecks.checkValidation(file, Map.of("SimpleStrategy", factory), MapNodeContext.empty());
        assertTrue(checked >= 10, "too few golden validation cases: " + checked);
    }
}
