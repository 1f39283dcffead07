package org.ringlet.node.management;

import java.util.concurrent.ConcurrentHashMap;

import org.ringlet.api.cluster.RequestMetrics;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;

import static java.util.Objects.requireNonNull;

/**
 * The node's {@link RequestMetrics}: latencies go into the {@link LatencyRecorders} that the MBeans report
 * ({@code client:Read}, {@code client:Write}, … for {@code nodetool proxyhistograms}; {@code table:ks.t:read} and
 * {@code table:ks.t:write} for {@code nodetool tablehistograms}). The recorders are looked up once per scope and
 * once per table id, not by building their names on every request; a table id of a dropped table keeps its small
 * entry (a table re-created under the same name gets a new id that resolves to the same recorders). Thread-safe.
 */
public final class NodeRequestMetrics implements RequestMetrics {
    private final LatencyRecorders latencies;
    private final SchemaService schema;
    private final LatencyRecorders.Timer[] clientTimers;
    private final ConcurrentHashMap<TableId, TableTimers> tableTimers = new ConcurrentHashMap<>();

    /** A table's local read and write recorders. */
    private record TableTimers(LatencyRecorders.Timer read, LatencyRecorders.Timer write) {
    }

    public NodeRequestMetrics(LatencyRecorders latencies, SchemaService schema) {
        this.latencies = requireNonNull(latencies, "latencies is null");
        this.schema = requireNonNull(schema, "schema is null");
        Scope[] scopes = Scope.values();
        this.clientTimers = new LatencyRecorders.Timer[scopes.length];
        for (Scope scope : scopes) {
            clientTimers[scope.ordinal()] = latencies.timer("client:" + scope.cassandraName());
        }
    }

    @Override
    public void clientRequest(Scope scope, long micros) {
        clientTimers[scope.ordinal()].record(micros);
    }

    @Override
    public void localRead(TableId table, long micros) {
        TableTimers timers = timers(table);
        if (timers != null) {
            timers.read.record(micros);
        }
    }

    @Override
    public void localWrite(TableId table, long micros) {
        TableTimers timers = timers(table);
        if (timers != null) {
            timers.write.record(micros);
        }
    }

    /** The recorders of a table, or null for a table the schema does not know (nothing is recorded then). */
    private TableTimers timers(TableId id) {
        TableTimers timers = tableTimers.get(id);
        if (timers != null) {
            return timers;
        }
        TableMetadata t = schema.current().table(id).orElse(null);
        if (t == null) {
            return null;
        }
        return tableTimers.computeIfAbsent(id, i -> new TableTimers(
                latencies.timer(tableTimer(t.keyspace(), t.name(), "read")),
                latencies.timer(tableTimer(t.keyspace(), t.name(), "write"))));
    }

    /** The recorder name of a table's local reads or writes. */
    static String tableTimer(String keyspace, String table, String what) {
        return "table:" + keyspace + "." + table + ":" + what;
    }
}
