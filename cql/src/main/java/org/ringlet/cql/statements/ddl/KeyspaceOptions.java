package org.ringlet.cql.statements.ddl;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.locator.ReplicationStrategyFactory;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.ReplicationParams;
import org.ringlet.cql.ast.RawProperties;
import org.ringlet.cql.statements.QueryContext;

/**
 * The {@code replication} and {@code durable_writes} of CREATE and ALTER KEYSPACE: the strategy class is resolved
 * through the component registry (a factory name, an alias or a Cassandra class name) and stored with the name the
 * registry displays for it; the strategy normalizes and validates its options against the live topology.
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
     * Checks the properties of CREATE or ALTER KEYSPACE without the schema, as Cassandra's
     * {@code KeyspaceAttributes.validate}: no unknown property, a well-formed {@code durable_writes}, and a
     * replication map naming its class.
     *
     * @throws org.ringlet.api.error.SyntaxException for unknown or badly typed properties
     * @throws ConfigurationException                when the replication map has no class
     */
    static void validate(RawProperties props) {
        Properties.checkKnown(props, KNOWN);
        props.get("durable_writes").ifPresent(v -> Properties.bool("durable_writes", v));
        Optional<Object> raw = props.get("replication");
        if (raw.isPresent()) {
            Map<String, String> replication = Properties.map("replication", raw.get());
            if (!replication.isEmpty() && !replication.containsKey("class")) {
                throw new ConfigurationException("Missing replication strategy class");
            }
        }
    }

    /**
     * Reads the properties of CREATE KEYSPACE {@code keyspace}.
     *
     * @throws org.ringlet.api.error.SyntaxException  for unknown or badly typed properties
     * @throws InvalidRequestException  when replication is missing
     * @throws ConfigurationException   for an unknown strategy or invalid strategy options
     */
    static KeyspaceOptions forCreate(String keyspace, RawProperties props, QueryContext context) {
        validate(props);
        boolean durable = props.get("durable_writes").map(v -> Properties.bool("durable_writes", v)).orElse(true);
        Object raw = props.get("replication").orElseThrow(() ->
                new InvalidRequestException("Missing mandatory option 'replication'"));
        return resolve(keyspace, Properties.map("replication", raw), null, durable, context);
    }

    /**
     * Reads the properties of ALTER KEYSPACE: what is not given keeps the keyspace's current value, and the
     * strategy completes its options from the current ones (as Cassandra's {@code asAlteredKeyspaceParams}).
     */
    static KeyspaceOptions forAlter(KeyspaceMetadata current, RawProperties props, QueryContext context) {
        validate(props);
        boolean durable = props.get("durable_writes").map(v -> Properties.bool("durable_writes", v))
                .orElse(current.durableWrites());
        Optional<Object> raw = props.get("replication");
        if (raw.isEmpty()) {
            return resolve(current.name(), current.replication().asMap(), current.replication(), durable, context);
        }
        return resolve(current.name(), Properties.map("replication", raw.get()), current.replication(), durable,
                context);
    }

    /** The strategy and normalized options of a keyspace's stored replication. */
    static KeyspaceOptions stored(KeyspaceMetadata keyspace, QueryContext context) {
        ReplicationParams params = keyspace.replication();
        ReplicationStrategyFactory factory = factory(params.strategyClass(), context);
        return new KeyspaceOptions(params, keyspace.durableWrites(), factory,
                new ComponentConfig(keyspace.name(), params.options()));
    }

    private static KeyspaceOptions resolve(String keyspace, Map<String, String> given, ReplicationParams previous,
                                           boolean durable, QueryContext context) {
        Map<String, String> replication = new TreeMap<>(given);
        String cls = replication.remove("class");
        if (cls == null) {
            throw new ConfigurationException("Missing replication strategy class");
        }
        ReplicationStrategyFactory factory = factory(cls, context);
        String displayName = context.registry().displayClassName(factory);
        if (displayName.equals(LOCAL_STRATEGY)) {
            throw new InvalidRequestException("Unable to use given strategy class: LocalStrategy is reserved for "
                    + "internal use.");
        }
        Topology topology = context.topology().current();
        ComponentConfig config = new ComponentConfig(keyspace, replication);
        ComponentConfig normalized = previous == null ? factory.normalizeForCreate(config, topology)
                : factory.normalizeForAlter(config, new ComponentConfig(keyspace, previous.options()), topology);
        factory.create(normalized, context.node());
        ReplicationParams params = new ReplicationParams(displayName, normalized.options());
        return new KeyspaceOptions(params, durable, factory, normalized);
    }

    private static ReplicationStrategyFactory factory(String cls, QueryContext context) {
        return context.registry().find(ReplicationStrategyFactory.class, cls)
                .orElseThrow(() -> new ConfigurationException("Unable to find replication strategy class '"
                        + (cls.contains(".") ? cls : CASSANDRA_PACKAGE + cls) + "'"));
    }

    /**
     * The warnings the strategy gives for these options on this topology (for example a replication factor larger
     * than the number of nodes).
     */
    List<String> warnings(Topology topology) {
        return factory.warnings(normalized, topology);
    }

    /** The total replication factor of these options. */
    int replicationFactor(QueryContext context) {
        return factory.create(normalized, context.node()).replicationFactor();
    }
}
