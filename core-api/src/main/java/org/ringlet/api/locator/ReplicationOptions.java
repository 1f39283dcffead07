package org.ringlet.api.locator;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.ringlet.api.error.ConfigurationException;

import static java.util.Objects.requireNonNull;

/**
 * Validation of replication options as Cassandra 5.0 does it, shared by the replication strategies that have a
 * Cassandra counterpart so that clients see the same messages. Stateless.
 */
public final class ReplicationOptions {
    /** The option naming the replication factor of SimpleStrategy, and NetworkTopologyStrategy's default. */
    public static final String REPLICATION_FACTOR = "replication_factor";

    /** The factor a keyspace gets when its options name none (Cassandra's {@code default_keyspace_rf}). */
    public static final int DEFAULT_KEYSPACE_RF = 1;

    private static final Set<String> SYSTEM_KEYSPACES = Set.of("system", "system_schema", "system_auth",
            "system_traces", "system_distributed", "system_views", "system_virtual_schema");

    private ReplicationOptions() {
    }

    /**
     * Parses a replication factor as Cassandra does: {@code N}, or {@code N/T} with {@code T} transient replicas
     * (which must be 0, as transient replication is not supported).
     *
     * @return the number of replicas, at least 0
     * @throws ConfigurationException with Cassandra's message: {@code For input string: "x"} when it is not an
     *                                integer, {@code Replication factor must be non-negative, found -1} when it is
     *                                negative, and the transient replication messages for {@code N/T}
     */
    public static int parseFactor(String value) {
        requireNonNull(value, "value is null");
        try {
            int total;
            int transientReplicas;
            if (value.contains("/")) {
                String[] parts = value.split("/");
                if (parts.length != 2) {
                    throw new IllegalArgumentException(
                            "Replication factor format is <replicas> or <replicas>/<transient>");
                }
                total = Integer.parseInt(parts[0]);
                transientReplicas = Integer.parseInt(parts[1]);
            } else {
                total = Integer.parseInt(value);
                transientReplicas = 0;
            }
            if (transientReplicas != 0) {
                throw new IllegalArgumentException("Transient replication is not enabled on this node");
            }
            if (total < 0) {
                throw new IllegalArgumentException("Replication factor must be non-negative, found " + total);
            }
            return total;
        } catch (IllegalArgumentException e) {
            // NumberFormatException included: its JDK message ("For input string: ...") is Cassandra's too
            throw new ConfigurationException(e.getMessage());
        }
    }

    /**
     * A mutable copy of the options that iterates in the order Cassandra's does when it checks a CREATE or ALTER
     * KEYSPACE written with {@code class} first and the options in key order: Cassandra's parser puts the
     * replication map into a {@link HashMap} sized for its entries, the statement copies it into another one and
     * removes {@code class}. When several options are wrong, Cassandra reports the first in that order, and so do
     * the strategies that use this copy (mutating it as Cassandra mutates its map keeps the orders in step).
     */
    public static Map<String, String> inCassandraOrder(Map<String, String> options) {
        Map<String, String> parsed = new HashMap<>(options.size() + 1);
        parsed.put("class", "");
        new TreeMap<>(options).forEach(parsed::put);
        Map<String, String> copy = new HashMap<>(parsed);
        copy.remove("class");
        return copy;
    }

    /**
     * Rejects the first option (in the map's order) that is not recognized.
     *
     * @param options      the strategy options
     * @param recognized   the options the strategy accepts
     * @param strategyName the strategy's Cassandra short class name, e.g. {@code SimpleStrategy}
     * @param keyspace     the keyspace name
     * @throws ConfigurationException {@code Unrecognized strategy option {x} passed to SimpleStrategy for keyspace
     *                                ks}
     */
    public static void checkRecognized(Map<String, String> options, Collection<String> recognized,
                                       String strategyName, String keyspace) {
        for (String key : options.keySet()) {
            if (!recognized.contains(key)) {
                throw new ConfigurationException("Unrecognized strategy option {" + key + "} passed to "
                        + strategyName + " for keyspace " + keyspace);
            }
        }
    }

    /** Whether Cassandra treats the keyspace as a system keyspace (no replication warnings for those). */
    public static boolean isSystemKeyspace(String keyspace) {
        return SYSTEM_KEYSPACES.contains(keyspace.toLowerCase(Locale.ROOT));
    }
}
