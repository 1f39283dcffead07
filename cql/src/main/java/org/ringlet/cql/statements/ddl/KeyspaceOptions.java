package org.ringlet.cql.statements.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.locator.ReplicationStrategy;
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
 * @param strategy      the strategy the options make (for warnings)
 */
record KeyspaceOptions(ReplicationParams replication, boolean durableWrites, ReplicationStrategy strategy) {
    private static final Set<String> KNOWN = Set.of("replication", "durable_writes");
    private static final String CASSANDRA_PACKAGE = "org.apache.cassandra.locator.";

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
        Topology topology = context.topology().current();
        ComponentConfig normalized = factory.normalizeForCreate(new ComponentConfig(keyspace, replication), topology);
        ReplicationStrategy strategy = factory.create(normalized, context.node());
        ReplicationParams params = new ReplicationParams(context.registry().displayClassName(factory),
                normalized.options());
        return new KeyspaceOptions(params, durable, strategy);
    }

    /**
     * The warnings Cassandra gives when a keyspace's replication factor is larger than the number of nodes (in
     * each datacenter, for a datacenter-aware strategy).
     */
    List<String> warnings(String keyspace, Topology topology) {
        List<String> out = new ArrayList<>();
        if (strategy.isDatacenterAware()) {
            Map<String, Set<java.util.UUID>> byDc = topology.nodesByDatacenter();
            for (String dc : new java.util.TreeSet<>(replication.options().keySet())) {
                int rf = strategy.replicationFactor(dc);
                int nodes = byDc.getOrDefault(dc, Set.of()).size();
                if (rf > nodes) {
                    out.add("Your replication factor " + rf + " for keyspace " + keyspace + " is higher than the "
                            + "number of nodes " + nodes + " for datacenter " + dc);
                }
            }
        } else {
            int rf = strategy.replicationFactor();
            int nodes = topology.nodes().size();
            if (rf > nodes) {
                out.add("Your replication factor " + rf + " for keyspace " + keyspace + " is higher than the "
                        + "number of nodes " + nodes);
            }
        }
        return out;
    }
}
