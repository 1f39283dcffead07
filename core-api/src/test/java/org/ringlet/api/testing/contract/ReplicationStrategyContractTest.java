package org.ringlet.api.testing.contract;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.NodeContext;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.error.ErrorCode;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.locator.ReplicationStrategyFactory;
import org.ringlet.api.ring.Token;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.testing.LongToken;
import org.ringlet.api.testing.MapNodeContext;
import org.ringlet.api.testing.Rings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every {@link ReplicationStrategy} and its {@link ReplicationStrategyFactory} keep, checked on
 * random multi-datacenter, multi-rack rings of {@link LongToken}s (datacenters {@code dc1..dc3}, racks
 * {@code rack1..rack4}). An implementation's test extends this class and adds its exact placement cases.
 */
public abstract class ReplicationStrategyContractTest {

    /** The keyspace name the strategies are created for. */
    protected static final String KEYSPACE = "ks";

    /** The factory under test. */
    protected abstract ReplicationStrategyFactory factory();

    /** Valid options for the strategy (without {@code class}) on this ring. */
    protected abstract Map<String, String> options(Topology topology);

    /** How many replicas the strategy must return for any token of {@code topology}. */
    protected abstract int expectedReplicaCount(ReplicationStrategy strategy, Topology topology);

    /** The node services the factory is given for {@code topology}; none by default. */
    protected NodeContext context(Topology topology) {
        return MapNodeContext.empty();
    }

    /** How many replicas the strategy returns on a ring without nodes; none by default. */
    protected int expectedReplicasOnEmptyRing() {
        return 0;
    }

    /** Whether the strategy has a Cassandra counterpart whose validation messages it repeats. */
    protected boolean usesCassandraMessages() {
        return true;
    }

    /** The strategy under test for {@code topology}. */
    protected ReplicationStrategy strategy(Topology topology) {
        ComponentConfig given = new ComponentConfig(KEYSPACE, options(topology));
        ComponentConfig config = factory().normalizeForCreate(given, topology);
        return factory().create(config, context(topology));
    }

    /** A random ring from a seed. */
    protected Topology ring(long seed) {
        return Rings.random(new Random(seed), 3, 4, 12, 8);
    }

    @Test
    void factoryDescribesItself() {
        ReplicationStrategyFactory f = factory();
        assertEquals(ComponentKind.REPLICATION_STRATEGY, f.kind());
        assertTrue(f.name().matches("[a-z0-9-]+"), "name must be lowercase ASCII: " + f.name());
    }

    @Property(tries = 150)
    void replicasAreDistinctRingMembersOfTheExpectedCount(@ForAll long seed, @ForAll long key) {
        Topology topology = ring(seed);
        ReplicationStrategy strategy = strategy(topology);
        List<UUID> replicas = strategy.naturalReplicas(LongToken.of(key), topology);
        assertEquals(replicas.size(), new HashSet<>(replicas).size(), () -> "duplicates in " + replicas);
        assertEquals(expectedReplicaCount(strategy, topology), replicas.size(), () -> "replicas " + replicas);
        assertTrue(replicas.size() <= strategy.replicationFactor(topology),
                () -> replicas.size() + " replicas for a factor of " + strategy.replicationFactor(topology));
        for (UUID r : replicas) {
            assertTrue(topology.node(r).isPresent(), () -> r + " is not in the topology");
        }
    }

    @Property(tries = 150)
    void replicasDependOnlyOnTheRangeOfTheToken(@ForAll long seed, @ForAll long key) {
        Topology topology = ring(seed);
        ReplicationStrategy strategy = strategy(topology);
        Token token = LongToken.of(key);
        Token ringToken = topology.firstTokenAtOrAfter(token);
        assertEquals(strategy.naturalReplicas(ringToken, topology), strategy.naturalReplicas(token, topology));
        assertEquals(strategy.naturalReplicas(token, topology), strategy.naturalReplicas(token, topology));
    }

    @Property(tries = 50)
    void storedOptionsRecreateTheSameStrategy(@ForAll long seed, @ForAll long key) {
        Topology topology = ring(seed);
        ReplicationStrategy strategy = strategy(topology);
        assertFalse(strategy.options().containsKey("class"));
        ReplicationStrategy again = factory().create(new ComponentConfig(KEYSPACE, strategy.options()),
                context(topology));
        assertEquals(strategy.options(), again.options());
        assertEquals(strategy.naturalReplicas(LongToken.of(key), topology),
                again.naturalReplicas(LongToken.of(key), topology));
    }

    @Property(tries = 50)
    void normalizingTwiceChangesNothing(@ForAll long seed) {
        Topology topology = ring(seed);
        ComponentConfig once = factory().normalizeForCreate(new ComponentConfig(KEYSPACE, options(topology)), topology);
        assertEquals(once, factory().normalizeForCreate(once, topology));
    }

    @Property(tries = 50)
    void datacenterFactorsAreConsistent(@ForAll long seed) {
        Topology topology = ring(seed);
        ReplicationStrategy strategy = strategy(topology);
        if (!strategy.isDatacenterAware()) {
            assertEquals(strategy.replicationFactor(), strategy.replicationFactor("no-such-dc"));
            return;
        }
        int sum = 0;
        for (String dc : topology.datacenters()) {
            sum += strategy.replicationFactor(dc, topology);
        }
        assertTrue(sum <= strategy.replicationFactor(topology));
    }

    @Test
    void emptyRingHasNoReplicasExceptWhereTheStrategySaysSo() {
        Topology empty = Topology.empty();
        ReplicationStrategy strategy = factory().create(new ComponentConfig(KEYSPACE, options(empty)),
                context(empty));
        List<UUID> replicas = strategy.naturalReplicas(LongToken.of(0), empty);
        assertEquals(expectedReplicasOnEmptyRing(), replicas.size(), () -> "replicas on an empty ring: " + replicas);
    }

    @Test
    void unknownOptionIsAConfigurationError() {
        Topology topology = ring(1);
        Map<String, String> withBogus = new java.util.TreeMap<>(options(topology));
        withBogus.put("bogus_option", "1");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> factory().normalizeForCreate(new ComponentConfig(KEYSPACE, withBogus), topology));
        assertEquals(ErrorCode.CONFIG_ERROR, e.code());
        if (usesCassandraMessages()) {
            assertTrue(e.getMessage().startsWith("Unrecognized strategy option {bogus_option} passed to "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith(" for keyspace " + KEYSPACE), e.getMessage());
        }
    }
}
