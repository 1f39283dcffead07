package org.ringlet.api.schema;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * A keyspace's replication as the schema stores it: the strategy's fully qualified class name and its options,
 * e.g. {@code {class: org.apache.cassandra.locator.SimpleStrategy, replication_factor: 1}}.
 *
 * @param strategyClass the class name the schema shows (resolved through the component registry)
 * @param options       the options without {@code class}, sorted
 */
public record ReplicationParams(String strategyClass, Map<String, String> options) {
    public ReplicationParams {
        requireNonNull(strategyClass, "strategyClass is null");
        options = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(options, "options is null")));
        if (options.containsKey("class")) {
            throw new IllegalArgumentException("options must not contain 'class'");
        }
    }

    /** Replication of the node-local system keyspaces. */
    public static ReplicationParams local() {
        return new ReplicationParams("org.apache.cassandra.locator.LocalStrategy", Map.of());
    }

    /** SimpleStrategy with a replication factor. */
    public static ReplicationParams simple(int replicationFactor) {
        return new ReplicationParams("org.apache.cassandra.locator.SimpleStrategy",
                Map.of("replication_factor", Integer.toString(replicationFactor)));
    }

    /** The map the schema table shows, {@code class} included, sorted. */
    public Map<String, String> asMap() {
        Map<String, String> m = new TreeMap<>(options);
        m.put("class", strategyClass);
        return Collections.unmodifiableMap(m);
    }
}
