package org.ringlet.cql.virtual;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.KeyRange;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.ReadFilters;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.cql.data.RowWriter;
import org.ringlet.cql.schema.SystemKeyspaces;

import static java.util.Objects.requireNonNull;

/**
 * Computes the rows of the virtual tables: {@code system_virtual_schema.keyspaces/tables/columns} describe the
 * virtual keyspaces; the {@code system_views} tables exist (so clients can describe them) and are empty until
 * their metrics are collected. Thread-safe.
 */
public final class VirtualTables {
    private final SchemaService schema;
    private final Partitioner partitioner;

    public VirtualTables(SchemaService schema, Partitioner partitioner) {
        this.schema = requireNonNull(schema, "schema is null");
        this.partitioner = requireNonNull(partitioner, "partitioner is null");
    }

    /** A single-partition read of a virtual table. */
    public Partition read(TableMetadata table, SinglePartitionReadCommand c) {
        for (Partition p : partitions(table, c.nowInSeconds())) {
            if (p.key().equals(c.key())) {
                int limit = Math.min(c.limits().rows(), c.limits().rowsPerPartition());
                return ReadFilters.filter(p, table, c.clustering(), c.columns(), limit, c.limits().distinct(), null,
                        c.nowInSeconds());
            }
        }
        return Partition.empty(table.id(), c.key());
    }

    /** A scan of a virtual table, with the storage engine's semantics. */
    public List<Partition> scan(TableMetadata table, PartitionRangeReadCommand c) {
        List<Partition> out = new ArrayList<>();
        KeyRange range = c.range();
        int remaining = c.limits().rows();
        for (Partition p : partitions(table, c.nowInSeconds())) {
            if (remaining <= 0) {
                break;
            }
            if (!range.includes(p.key())) {
                continue;
            }
            boolean resumed = range.resumeAfter() != null && p.key().equals(range.resumeAfter());
            int limit = Math.min(remaining, c.limits().rowsPerPartition());
            Partition f = ReadFilters.filter(p, table, c.clustering(), c.columns(), limit, c.limits().distinct(),
                    resumed ? range.resumeWithin() : null, c.nowInSeconds());
            if (f.rows().isEmpty() && f.staticRow().isEmpty()) {
                continue;
            }
            int count = ReadFilters.liveRowCount(f, c.nowInSeconds());
            remaining -= c.limits().distinct() ? Math.min(count, 1) : count;
            out.add(f);
        }
        return out;
    }

    /** Every partition of a virtual table, in token order. */
    List<Partition> partitions(TableMetadata table, long nowInSeconds) {
        if (!table.keyspace().equals(SystemKeyspaces.VIRTUAL_SCHEMA)) {
            return List.of();
        }
        Map<String, RowWriter> byKeyspace = new LinkedHashMap<>();
        for (KeyspaceMetadata ks : schema.current().keyspaces().values()) {
            if (!ks.virtual()) {
                continue;
            }
            RowWriter w = new RowWriter(SystemKeyspaces.VIRTUAL_SCHEMA, partitioner, 0, nowInSeconds);
            List<Object> key = List.of(ks.name());
            switch (table.name()) {
                case "keyspaces" -> w.row(table, key, List.of(), Map.of());
                case "tables" -> {
                    for (TableMetadata t : ks.tables().values()) {
                        w.row(table, key, List.of(t.name()), Map.of("comment", t.params().comment()));
                    }
                }
                case "columns" -> {
                    for (TableMetadata t : ks.tables().values()) {
                        for (ColumnMetadata col : t.allColumnsInSelectOrder()) {
                            Map<String, Object> v = new LinkedHashMap<>();
                            v.put("clustering_order", col.order().schemaName());
                            v.put("column_name_bytes", ByteBuffer.wrap(col.name().getBytes(StandardCharsets.UTF_8)));
                            v.put("kind", col.kind().schemaName());
                            v.put("position", col.position());
                            v.put("type", col.type().cqlName());
                            w.row(table, key, List.of(t.name(), col.name()), v);
                        }
                    }
                }
                default -> {
                    continue;
                }
            }
            if (!w.isEmpty()) {
                byKeyspace.put(ks.name(), w);
            }
        }
        TreeMap<DecoratedKey, Partition> sorted = new TreeMap<>();
        for (RowWriter w : byKeyspace.values()) {
            Mutation m = w.build();
            Partition p = m.partitions().values().iterator().next();
            sorted.put(p.key(), p);
        }
        return new ArrayList<>(sorted.values());
    }
}
