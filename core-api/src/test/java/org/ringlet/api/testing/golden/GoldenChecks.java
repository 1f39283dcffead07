package org.ringlet.api.testing.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.error.ErrorCode;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.locator.ReplicationStrategyFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Checks replication strategies against the golden files Cassandra produced.
 */
public final class GoldenChecks {
    private GoldenChecks() {
    }

    /**
     * Checks every expectation of every ring whose strategies are all in {@code factories} (by Cassandra short
     * class name).
     *
     * @return the number of replica lists checked
     */
    public static int checkPlacements(List<PlacementGolden.Ring> rings,
                                      Map<String, ReplicationStrategyFactory> factories, NodeContext context) {
        int checked = 0;
        for (PlacementGolden.Ring ring : rings) {
            List<ReplicationStrategy> strategies = new ArrayList<>();
            for (PlacementGolden.StrategyCase s : ring.strategies()) {
                ReplicationStrategyFactory f = factories.get(s.cassandraClass());
                if (f == null) {
                    throw new IllegalStateException("no factory for " + s.cassandraClass());
                }
                strategies.add(f.create(new ComponentConfig("ks", s.options()), context));
            }
            for (PlacementGolden.Expectation e : ring.expectations()) {
                for (int i = 0; i < strategies.size(); i++) {
                    List<UUID> actual = strategies.get(i).naturalReplicas(e.token(), ring.topology());
                    int index = i;
                    assertEquals(e.replicas().get(i), actual, () -> "ring " + ring.name() + ", "
                            + ring.strategies().get(index) + ", token " + e.token()
                            + " (golden line " + e.line() + ")");
                    checked++;
                }
            }
        }
        return checked;
    }

    /**
     * Checks every case: the stored options (normalized by the factory), the warnings, or the error message.
     *
     * @return the number of cases checked
     */
    public static int checkValidation(ValidationGolden.File file, Map<String, ReplicationStrategyFactory> factories,
                                      NodeContext context) {
        int checked = 0;
        for (ValidationGolden.Case c : file.cases()) {
            ReplicationStrategyFactory f = factories.get(c.cassandraClass());
            if (f == null) {
                throw new IllegalStateException("no factory for " + c.cassandraClass());
            }
            ComponentConfig given = new ComponentConfig(c.keyspace(), c.options());
            String where = c.keyspace() + " " + c.cassandraClass() + " " + c.options()
                    + (c.previous() == null ? "" : " after " + c.previous()) + " (golden line " + c.line() + ")";
            if (c.error() != null) {
                ConfigurationException e = assertThrows(ConfigurationException.class,
                        () -> normalize(f, given, c, file), where);
                assertEquals(ErrorCode.CONFIG_ERROR, e.code(), where);
                assertEquals(c.error(), e.getMessage(), where);
            } else {
                ComponentConfig stored = normalize(f, given, c, file);
                assertEquals(Map.copyOf(c.storedOptions()), Map.copyOf(stored.options()), where);
                ReplicationStrategy strategy = f.create(stored, context);
                assertEquals(Map.copyOf(stored.options()), Map.copyOf(strategy.options()), where);
                assertEquals(sorted(c.warnings()), sorted(f.warnings(stored, file.topology())), where);
            }
            checked++;
        }
        return checked;
    }

    private static ComponentConfig normalize(ReplicationStrategyFactory f, ComponentConfig given,
                                             ValidationGolden.Case c, ValidationGolden.File file) {
        if (c.previous() == null) {
            return f.normalizeForCreate(given, file.topology());
        }
        return f.normalizeForAlter(given, new ComponentConfig(c.keyspace(), c.previous()), file.topology());
    }

    private static List<String> sorted(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        copy.sort(null);
        return copy;
    }
}
