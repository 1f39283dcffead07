package org.ringlet.oracle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.locator.ReplicationStrategyFactory;
import org.ringlet.api.ring.Topology;
import org.ringlet.replication.simple.SimpleStrategyFactory;
import org.ringlet.replication.topology.NetworkTopologyStrategyFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Ringlet's handling of CREATE and ALTER KEYSPACE replication options against Cassandra's, on thousands of random
 * option maps mixing good and bad datacenter names, factors and keys.
 */
class ValidationOracleTest {
    private static final long SEED = Long.getLong("ringlet.oracle.seed", 5_000_000L);
    private static final String[] KEYS = {"dc1", "dc2", "dc3", "dc9", "replication_factor", "Replication_Factor",
            "foo"};
    private static final String[] VALUES = {"0", "1", "2", "3", "5", "-1", "abc", "", "3/0", "1/1", " 2", "00", "+1"};

    private static Map<String, String> randomOptions(Random r) {
        Map<String, String> m = new LinkedHashMap<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            m.put(KEYS[r.nextInt(KEYS.length)], VALUES[r.nextInt(VALUES.length)]);
        }
        return m;
    }

    private static String ours(ReplicationStrategyFactory f, String ks, Map<String, String> options,
                               Map<String, String> previous, Topology topology) {
        try {
            ComponentConfig stored = previous == null
                    ? f.normalizeForCreate(new ComponentConfig(ks, options), topology)
                    : f.normalizeForAlter(new ComponentConfig(ks, options), new ComponentConfig(ks, previous),
                            topology);
            List<String> warnings = new ArrayList<>(f.warnings(stored, topology));
            warnings.sort(null);
            return "ok " + new java.util.TreeMap<>(stored.options()) + " " + warnings;
        } catch (ConfigurationException e) {
            return "error " + e.getMessage();
        }
    }

    private static String theirs(String cls, String ks, Map<String, String> options, Map<String, String> previous) {
        CassandraOracle.Outcome o = CassandraOracle.keyspace(ks, cls, options, previous);
        if (o.error() != null) {
            return "error " + o.error();
        }
        List<String> warnings = new ArrayList<>(o.warnings());
        warnings.sort(null);
        return "ok " + new java.util.TreeMap<>(o.stored()) + " " + warnings;
    }

    @Test
    void randomCreateAndAlterStatements() {
        Topology cluster = GoldenGenerator.validationCluster();
        CassandraOracle.useCluster(cluster.nodes());
        Map<String, ReplicationStrategyFactory> factories = Map.of("SimpleStrategy", new SimpleStrategyFactory(),
                "NetworkTopologyStrategy", new NetworkTopologyStrategyFactory());
        Random r = new Random(SEED);
        int checked = 0;
        for (int i = 0; i < 5000; i++) {
            String cls = r.nextBoolean() ? "SimpleStrategy" : "NetworkTopologyStrategy";
            String ks = r.nextInt(10) == 0 ? "system_auth" : "ks";
            Map<String, String> options = randomOptions(r);
            Map<String, String> previous = r.nextInt(3) == 0 ? randomOptions(r) : null;
            String expected = theirs(cls, ks, options, previous);
            String actual = ours(factories.get(cls), ks, options, previous, cluster);
            assertEquals(expected, actual, () -> cls + " " + ks + " " + options + " previous " + previous);
            checked++;
        }
        assertEquals(5000, checked);
    }

    @Test
    void goldenStatements() {
        Topology cluster = GoldenGenerator.validationCluster();
        CassandraOracle.useCluster(cluster.nodes());
        Map<String, ReplicationStrategyFactory> factories = Map.of("SimpleStrategy", new SimpleStrategyFactory(),
                "NetworkTopologyStrategy", new NetworkTopologyStrategyFactory());
        List<GoldenGenerator.Statement> all = new ArrayList<>(GoldenGenerator.simpleStatements());
        all.addAll(GoldenGenerator.ntsStatements());
        for (GoldenGenerator.Statement s : all) {
            assertEquals(theirs(s.cls(), s.keyspace(), s.options(), s.previous()),
                    ours(factories.get(s.cls()), s.keyspace(), s.options(), s.previous(), cluster), s::toString);
        }
    }
}
