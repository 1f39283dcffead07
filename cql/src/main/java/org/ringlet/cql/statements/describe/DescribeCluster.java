package org.ringlet.cql.statements.describe;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.locator.ReplicationStrategyFactory;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.Token;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.schema.SystemKeyspaces;
import org.ringlet.cql.statements.QueryContext;

/**
 * {@code DESCRIBE CLUSTER}: the cluster's name, its partitioner and snitch (Cassandra's short class names) and, when
 * a non-system keyspace is current, which nodes replicate each token range of it ({@code range_ownership}: the end
 * token of each range to the replicas' {@code /address:port}). Not thread-safe: one per execution.
 */
final class DescribeCluster {
    /** The columns without a current keyspace. */
    static final List<ColumnSpec> COLUMNS = List.of(DescribeStatement.spec("cluster", NativeType.TEXT),
            DescribeStatement.spec("partitioner", NativeType.TEXT), DescribeStatement.spec("snitch", NativeType.TEXT));
    private static final MapType OWNERSHIP = MapType.of(NativeType.TEXT, ListType.of(NativeType.TEXT));
    /** What Cassandra reports by default: its configured snitch wrapped in the dynamic snitch. */
    private static final String SNITCH = "DynamicEndpointSnitch";
    private static final String PARTITIONER_PACKAGE = "org.apache.cassandra.dht.";

    private final QueryContext context;
    private final KeyspaceMetadata keyspace;

    /** @param current the client's current keyspace, or null */
    DescribeCluster(QueryContext context, String current) {
        this.context = context;
        this.keyspace = current == null || SystemKeyspaces.isSystem(current) ? null
                : context.schema().keyspace(current).orElse(null);
    }

    List<ColumnSpec> columns() {
        if (keyspace == null) {
            return COLUMNS;
        }
        List<ColumnSpec> out = new ArrayList<>(COLUMNS);
        out.add(DescribeStatement.spec("range_ownership", OWNERSHIP));
        return out;
    }

    List<ByteBuffer> row() {
        String partitioner = context.topology().partitionerClassName();
        if (partitioner.startsWith(PARTITIONER_PACKAGE)) {
            partitioner = partitioner.substring(PARTITIONER_PACKAGE.length());
        }
        List<ByteBuffer> row = new ArrayList<>();
        row.add(NativeType.TEXT.decompose(context.clusterName()));
        row.add(NativeType.TEXT.decompose(partitioner));
        row.add(NativeType.TEXT.decompose(SNITCH));
        if (keyspace != null) {
            row.add(OWNERSHIP.decompose(rangeOwnership()));
        }
        return row;
    }

    /**
     * Each range's end token and its replicas, in the order Cassandra's answer has: it collects the ranges, sorted
     * by their start, into a {@link HashMap}, whose iteration order the client sees.
     */
    private Map<String, List<String>> rangeOwnership() {
        Topology topology = context.topology().current();
        Partitioner partitioner = context.topology().partitioner();
        ReplicationStrategy strategy = context.registry().find(ReplicationStrategyFactory.class,
                keyspace.replication().strategyClass()).orElseThrow().create(
                new ComponentConfig(keyspace.name(), keyspace.replication().options()), context.node());
        List<Token> tokens = topology.sortedTokens();
        Map<String, List<String>> out = new HashMap<>();
        // ranges (previous token, token], sorted by their start: the wrapping range (last, first] comes last
        for (int i = 1; i <= tokens.size(); i++) {
            Token end = tokens.get(i % tokens.size());
            List<String> replicas = new ArrayList<>();
            for (UUID id : strategy.naturalReplicas(end, topology)) {
                topology.node(id).ifPresent(n -> replicas.add("/" + n.endpoint()));
            }
            out.put(partitioner.toString(end), replicas);
        }
        return out;
    }
}
