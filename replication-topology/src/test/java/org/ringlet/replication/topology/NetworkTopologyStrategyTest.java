package org.ringlet.replication.topology;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.locator.Location;
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

class NetworkTopologyStrategyTest extends ReplicationStrategyContractTest {
    private final NetworkTopologyStrategyFactory factory = new NetworkTopologyStrategyFactory();

    @Override
    protected ReplicationStrategyFactory factory() {
        return factory;
    }

    @Override
    protected Map<String, String> options(Topology topology) {
        // the random rings do not always have all three datacenters: keep the ones they have
        Map<String, String> options = new java.util.TreeMap<>(Map.of("dc1", "2", "dc2", "1", "dc3", "3"));
        options.keySet().retainAll(topology.datacenters());
        return options;
    }

    @Override
    protected int expectedReplicaCount(ReplicationStrategy strategy, Topology topology) {
        int count = 0;
        for (String dc : topology.datacenters()) {
            int nodes = (int) topology.nodes().stream().filter(n -> n.location().datacenter().equals(dc)).count();
            count += Math.min(strategy.replicationFactor(dc), nodes);
        }
        return count;
    }

    private ReplicationStrategy nts(Map<String, String> options) {
        return factory.create(new ComponentConfig("ks", options), MapNodeContext.empty());
    }

    private static ComponentConfig ks(Map<String, String> options) {
        return new ComponentConfig("ks", options);
    }

    /** dc1: racks r1 (nodes 0, 1), r2 (node 2); dc2: node 3 (r1). Tokens 0..50 step 10 as listed. */
    private static final Topology RACKS = Topology.builder()
            .add(Rings.node(0, "dc1", "r1", 0))
            .add(Rings.node(1, "dc1", "r1", 10))
            .add(Rings.node(2, "dc1", "r2", 20))
            .add(Rings.node(3, "dc2", "r1", 30))
            .build();

    @Test
    void racksNotYetUsedComeFirst() {
        // from token 0: node 0 (r1), node 1 is r1 again and dc1 has 2 racks for 2 replicas: skipped; node 2 (r2)
        assertEquals(List.of(hostId(0), hostId(2), hostId(3)),
                nts(Map.of("dc1", "2", "dc2", "1")).naturalReplicas(LongToken.of(-5), RACKS));
        // with 3 replicas in dc1 and 2 racks one rack may repeat: the first node met is taken
        assertEquals(List.of(hostId(0), hostId(1), hostId(2)),
                nts(Map.of("dc1", "3")).naturalReplicas(LongToken.of(-5), RACKS));
        // from token 10: node 1 (r1), node 2 (r2), done for dc1; node 3 for dc2
        assertEquals(List.of(hostId(1), hostId(2), hostId(3)),
                nts(Map.of("dc1", "2", "dc2", "1")).naturalReplicas(LongToken.of(10), RACKS));
    }

    @Test
    void factorAboveTheNodeCountIsAcceptedWithAWarning() {
        ComponentConfig stored = factory.normalizeForCreate(ks(Map.of("dc1", "5", "dc2", "2")), RACKS);
        assertEquals(Map.of("dc1", "5", "dc2", "2"), stored.options());
        assertEquals(List.of(hostId(0), hostId(1), hostId(2), hostId(3)),
                nts(stored.options()).naturalReplicas(LongToken.of(-5), RACKS));
        assertEquals(Set.of("Your replication factor 5 for keyspace ks is higher than the number of nodes 3 for "
                        + "datacenter dc1", "Your replication factor 2 for keyspace ks is higher than the number of "
                        + "nodes 1 for datacenter dc2"),
                new HashSet<>(factory.warnings(stored, RACKS)));
    }

    @Test
    void replicationFactorExpandsToEveryDatacenter() {
        assertEquals(Map.of("dc1", "3", "dc2", "3"),
                factory.normalizeForCreate(ks(Map.of("replication_factor", "3")), RACKS).options());
        assertEquals(Map.of("dc1", "1", "dc2", "2"),
                factory.normalizeForCreate(ks(Map.of("replication_factor", "2", "dc1", "1")), RACKS).options());
        assertEquals(Map.of("dc1", "1", "dc2", "1"), factory.normalizeForCreate(ks(Map.of()), RACKS).options());
        assertEquals(Map.of("dc2", "2"),
                factory.normalizeForCreate(ks(Map.of("dc1", "0", "dc2", "2")), RACKS).options());
        // ALTER keeps the factor of datacenters it does not name
        assertEquals(Map.of("dc1", "1", "dc2", "4"), factory.normalizeForAlter(ks(Map.of("replication_factor", "4")),
                ks(Map.of("dc1", "1")), RACKS).options());
        // ALTER from SimpleStrategy with no options takes its factor
        assertEquals(Map.of("dc1", "3", "dc2", "3"), factory.normalizeForAlter(ks(Map.of()),
                ks(Map.of("replication_factor", "3")), RACKS).options());
    }

    @Test
    void messagesAreCassandras() {
        assertEquals("Unrecognized strategy option {dc9} passed to NetworkTopologyStrategy for keyspace ks",
                assertThrows(ConfigurationException.class,
                        () -> factory.normalizeForCreate(ks(Map.of("dc9", "1")), RACKS)).getMessage());
        assertEquals("For input string: \"x\"", assertThrows(ConfigurationException.class,
                () -> factory.normalizeForCreate(ks(Map.of("dc1", "x")), RACKS)).getMessage());
        assertEquals("Replication factor must be non-negative, found -2", assertThrows(ConfigurationException.class,
                () -> factory.normalizeForCreate(ks(Map.of("dc1", "-2")), RACKS)).getMessage());
        assertEquals("Configuration for at least one datacenter must be present",
                assertThrows(ConfigurationException.class,
                        () -> factory.normalizeForCreate(ks(Map.of("dc1", "0")), RACKS)).getMessage());
        assertEquals("replication_factor should not appear as an option at construction time for "
                + "NetworkTopologyStrategy", assertThrows(ConfigurationException.class,
                () -> factory.create(ks(Map.of("replication_factor", "1")), MapNodeContext.empty())).getMessage());
        assertEquals("Following datacenters have active nodes and must be present in replication options for "
                + "keyspace system_auth: [dc2]", assertThrows(ConfigurationException.class,
                () -> factory.normalizeForCreate(new ComponentConfig("system_auth", Map.of("dc1", "1")), RACKS))
                .getMessage());
    }

    @Test
    void storedKeyspacesLoadWhateverTheTopology() {
        ReplicationStrategy s = nts(Map.of("gone-dc", "3", "dc1", "1"));
        assertEquals(4, s.replicationFactor());
        assertEquals(3, s.replicationFactor("gone-dc"));
        assertEquals(0, s.replicationFactor("dc2"));
        assertEquals(List.of(hostId(0)), s.naturalReplicas(LongToken.of(-5), RACKS));
    }

    @Property(tries = 200)
    void everyDatacenterGetsItsShareSpreadOverItsRacks(@ForAll long seed, @ForAll long key) {
        Topology topology = Rings.random(new Random(seed), 3, 4, 16, 4);
        ReplicationStrategy s = strategy(topology);
        List<UUID> replicas = s.naturalReplicas(LongToken.of(key), topology);
        for (String dc : topology.datacenters()) {
            List<Location> locations = replicas.stream().map(topology::location)
                    .filter(l -> l.datacenter().equals(dc)).toList();
            long racksInDc = topology.nodes().stream().filter(n -> n.location().datacenter().equals(dc))
                    .map(n -> n.location().rack()).distinct().count();
            long racksUsed = locations.stream().map(Location::rack).distinct().count();
            assertEquals(Math.min(racksInDc, locations.size()), racksUsed,
                    () -> "replicas in " + dc + " are not spread over its racks: " + locations);
        }
    }

    @Test
    void namesAndAliases() {
        assertEquals("network-topology", factory.name());
        assertEquals("org.apache.cassandra.locator.NetworkTopologyStrategy",
                factory.cassandraClassName().orElseThrow());
        assertTrue(factory.aliases().contains("NetworkTopologyStrategy"));
    }

    @Test
    void placementsMatchCassandra() {
        List<PlacementGolden.Ring> rings = PlacementGolden.read(getClass(),
                "/golden/nts-placement-cassandra-5.0.6.txt");
        int checked = GoldenChecks.checkPlacements(rings, Map.of("NetworkTopologyStrategy", factory),
                MapNodeContext.empty());
        assertTrue(checked >= 1000, "too few golden placements: " + checked);
    }

    @Test
    void validationMatchesCassandra() {
        ValidationGolden.File file = ValidationGolden.read(getClass(), "/golden/nts-validation-cassandra-5.0.6.txt");
        int checked = GoldenChecks.checkValidation(file, Map.of("NetworkTopologyStrategy", factory),
                MapNodeContext.empty());
        assertTrue(checked >= 20, "too few golden validation cases: " + checked);
    }
}
