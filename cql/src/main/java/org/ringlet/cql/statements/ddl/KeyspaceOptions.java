package org.ringlet.cql.statements.ddl;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.locator.ReplicationStrategyFactory;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.schema.ReplicationParams;
import org.ringlet.cql.ast.RawProperties;
import org.ringlet.cql.statements.QueryContext;

/**
 * The {@code replication} and {@code durable_writes} of CREATE KEYSPACE: the strategy class is resolved through the
 * component registry (a factory name, an alias or a Cassandra class name) and stored with the name the registry
 * displays for it; the strategy normalizes and validates its options against the live topology.
 *
 * @param replication   the replication as stored
 * @param durableWrites whether writes go through the commit log
 * @param factory       the strategy's factory
 * @param normalized    the strategy options as normalized by the factory
 */
record KeyspaceOptions(ReplicationParams replication, boolean durableWrites, ReplicationStrategyFactory factory,
                       ComponentConfig normalized) {
    private static final Set<String> KNOWN = Set.of("replication", "durable_writes");
    private static final String CASSANDRA_PACKAGE = "org.apache.cassandra.locator.";
    private static final String LOCAL_STRATEGY = CASSANDRA_PACKAGE + "LocalStrategy";

    /**
     * Reads the properties of CREATE KEYSPACE {@code keyspace}.
     *
     * @throws org.ringlet.api.error.SyntaxException  for unknown or badly typed properties
     * @throws InvalidRequestException  when replication is missing
     * @throws ConfigurationException   for an unknown strategy or invalid strategy options
     */
    static KeyspaceOptions forCreate(String keyspace, RawProperties props, QueryContext context) {
        Properties.checkKnown(props, KNOWN);
        boolean durable = props.get("durable_writes").map(v -> Properties.bool("durable_writes", v)).orElse(true);
        Object raw = props.get("replication").orElseThrow(() ->
                new InvalidRequestException("Missing mandatory option 'replication'"));
        Map<String, String> replication = new TreeMap<>(Properties.map("replication", raw));
        String cls = replication.remove("class");
        if (cls == null) {
            throw new ConfigurationException("Missing replication strategy class");
        }
        ReplicationStrategyFactory factory = context.registry().find(ReplicationStrategyFactory.class, cls)
                .orElseThrow(() -> new ConfigurationException("Unable to find replication strategy class '"
                        + (cls.contains(".") ? cls : CASSANDRA_PACKAGE + cls) + "'"));
        String displayName = context.registry().displayClassName(factory);
        if (displayName.equals(LOCAL_STRATEGY)) {
            throw new InvalidRequestException("Unable to use given strategy class: LocalStrategy is reserved for "
                    + "internal use.");
        }
        Topology topology = context.topology().current();
        ComponentConfig normalized = factory.normalizeForCreate(new ComponentConfig(keyspace, replication), topology);
        factory.create(normalized, context.node());
        ReplicationParams params = new ReplicationParams(displayName, normalized.options());
        return new KeyspaceOptions(params, durable, factory, normalized);
    }

    /**
     * The warnings the strategy gives for these options on this topology (for example a replication factor larger
     * than the number of nodes).
     */
    List<String> warnings(Topology topology) {
        return factory.warnings(normalized, topology);
    }
}
