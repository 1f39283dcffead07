package org.ringlet.node.management;

import org.ringlet.api.cluster.RequestMetrics;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;

import static java.util.Objects.requireNonNull;

/**
 * The node's {@link RequestMetrics}: latencies go into the {@link LatencyRecorders} that the MBeans report
 * ({@code client:Read}, {@code client:Write}, … for {@code nodetool proxyhistograms}; {@code table:ks.t:read} and
 * {@code table:ks.t:write} for {@code nodetool tablehistograms}). Thread-safe.
 */
public final class NodeRequestMetrics implements RequestMetrics {
    private final LatencyRecorders latencies;
    private final SchemaService schema;

    public NodeRequestMetrics(LatencyRecorders latencies, SchemaService schema) {
        this.latencies = requireNonNull(latencies, "latencies is null");
        this.schema = requireNonNull(schema, "schema is null");
    }

    @Override
    public void clientRequest(Scope scope, long micros) {
        latencies.timer("client:" + scope.cassandraName()).record(micros);
    }

    @Override
    public void localRead(TableId table, long micros) {
        record(table, "read", micros);
    }

    @Override
    public void localWrite(TableId table, long micros) {
        record(table, "write", micros);
    }

    private void record(TableId id, String what, long micros) {
        TableMetadata t = schema.current().table(id).orElse(null);
        if (t != null) {
            latencies.timer(tableTimer(t.keyspace(), t.name(), what)).record(micros);
        }
    }

    /** The recorder name of a table's local reads or writes. */
    static String tableTimer(String keyspace, String table, String what) {
        return "table:" + keyspace + "." + table + ":" + what;
    }
}
