package org.ringlet.cql.schema;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ringlet.api.data.Mutation;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.DroppedColumn;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.schema.TableParams;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.UserType;
import org.ringlet.cql.data.RowWriter;

import static java.util.Objects.requireNonNull;

/**
 * Writes schema objects as rows of the {@code system_schema} tables, with Cassandra 5.0's columns and values.
 * Every change is a mutation of the keyspace's partition of those tables: creating a keyspace writes its row,
 * creating or altering a table replaces the table's rows (deleting them one microsecond before writing them
 * again), dropping removes them. Immutable and thread-safe.
 */
public final class SchemaTables {
    public static final String KEYSPACES = "keyspaces";
    public static final String TABLES = "tables";
    public static final String COLUMNS = "columns";
    public static final String DROPPED_COLUMNS = "dropped_columns";
    public static final String TYPES = "types";
    /** Every system_schema table, each holding one partition per keyspace. */
    public static final List<String> ALL = List.of(KEYSPACES, TABLES, COLUMNS, DROPPED_COLUMNS, TYPES,
            "functions", "aggregates", "triggers", "indexes", "views", "column_masks");

    private final SystemKeyspaces definitions;
    private final Partitioner partitioner;

    public SchemaTables(SystemKeyspaces definitions, Partitioner partitioner) {
        this.definitions = requireNonNull(definitions, "definitions is null");
        this.partitioner = requireNonNull(partitioner, "partitioner is null");
    }

    /** The definition of a system_schema table. */
    public TableMetadata table(String name) {
        return definitions.table(SystemKeyspaces.SCHEMA, name);
    }

    private RowWriter writer(long timestamp, long nowInSeconds) {
        return new RowWriter(SystemKeyspaces.SCHEMA, partitioner, timestamp, nowInSeconds);
    }

    /** The keyspace with all its types and tables, replacing what was stored for it before. */
    public Mutation replaceKeyspace(KeyspaceMetadata ks, long timestamp, long nowInSeconds) {
        RowWriter w = writer(timestamp, nowInSeconds);
        for (String t : ALL) {
            w.deletePartition(table(t), List.of(ks.name()), timestamp - 1);
        }
        addKeyspaceRow(w, ks);
        for (UserType type : ks.types().values()) {
            addType(w, type);
        }
        for (TableMetadata t : ks.tables().values()) {
            addTable(w, t);
        }
        return w.build();
    }

    /** The keyspace's own row (replication and durability). */
    public Mutation keyspace(KeyspaceMetadata ks, long timestamp, long nowInSeconds) {
        RowWriter w = writer(timestamp, nowInSeconds);
        addKeyspaceRow(w, ks);
        return w.build();
    }

    /** Removes the keyspace and everything in it. */
    public Mutation dropKeyspace(String keyspace, long timestamp, long nowInSeconds) {
        RowWriter w = writer(timestamp, nowInSeconds);
        for (String t : ALL) {
            w.deletePartition(table(t), List.of(keyspace), timestamp);
        }
        return w.build();
    }

    /** Creates or replaces a table. */
    public Mutation table(TableMetadata table, long timestamp, long nowInSeconds) {
        RowWriter w = writer(timestamp, nowInSeconds);
        List<Object> key = List.of(table.keyspace());
        w.deleteRows(table(COLUMNS), key, List.of(table.name()), timestamp - 1);
        w.deleteRows(table(DROPPED_COLUMNS), key, List.of(table.name()), timestamp - 1);
        addTable(w, table);
        return w.build();
    }

    /** Removes a table. */
    public Mutation dropTable(String keyspace, String table, long timestamp, long nowInSeconds) {
        RowWriter w = writer(timestamp, nowInSeconds);
        List<Object> key = List.of(keyspace);
        w.deleteRows(table(TABLES), key, List.of(table), timestamp);
        w.deleteRows(table(COLUMNS), key, List.of(table), timestamp);
        w.deleteRows(table(DROPPED_COLUMNS), key, List.of(table), timestamp);
        return w.build();
    }

    /** Creates or replaces a user type. */
    public Mutation type(UserType type, long timestamp, long nowInSeconds) {
        RowWriter w = writer(timestamp, nowInSeconds);
        addType(w, type);
        return w.build();
    }

    /** Removes a user type. */
    public Mutation dropType(String keyspace, String type, long timestamp, long nowInSeconds) {
        RowWriter w = writer(timestamp, nowInSeconds);
        w.deleteRows(table(TYPES), List.of(keyspace), List.of(type), timestamp);
        return w.build();
    }

    private void addKeyspaceRow(RowWriter w, KeyspaceMetadata ks) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("durable_writes", ks.durableWrites());
        values.put("replication", ks.replication().asMap());
        w.row(table(KEYSPACES), List.of(ks.name()), List.of(), values);
    }

    private void addType(RowWriter w, UserType type) {
        List<String> fieldTypes = new ArrayList<>();
        for (CqlType t : type.declaredFieldTypes()) {
            fieldTypes.add(t.cqlName());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("field_names", type.fieldNames());
        values.put("field_types", fieldTypes);
        w.row(table(TYPES), List.of(type.keyspace()), List.of(type.name()), values);
    }

    private void addTable(RowWriter w, TableMetadata t) {
        List<Object> key = List.of(t.keyspace());
        Map<String, Object> values = paramsRow(t.params());
        values.put("flags", t.flags());
        values.put("id", t.id().uuid());
        w.row(table(TABLES), key, List.of(t.name()), values);
        for (ColumnMetadata c : t.allColumnsInSelectOrder()) {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("clustering_order", c.order().schemaName());
            col.put("column_name_bytes", ByteBuffer.wrap(c.name().getBytes(StandardCharsets.UTF_8)));
            col.put("kind", c.kind().schemaName());
            col.put("position", c.position());
            col.put("type", c.type().cqlName());
            w.row(table(COLUMNS), key, List.of(t.name(), c.name()), col);
        }
        for (DroppedColumn d : t.droppedColumns().values()) {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("dropped_time", java.time.Instant.ofEpochMilli(d.droppedTimeMicros() / 1000));
            col.put("kind", d.kind().schemaName());
            col.put("type", d.type().cqlName());
            w.row(table(DROPPED_COLUMNS), key, List.of(t.name(), d.name()), col);
        }
    }

    /**
     * The option columns of a {@code system_schema.tables} row. As Cassandra 5.0, {@code allow_auto_snapshot} and
     * {@code incremental_backups} are written only when false, {@code cdc} only when true and {@code memtable}
     * only when not {@code default}; the legacy read repair chances are always 0.
     */
    static Map<String, Object> paramsRow(TableParams p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("additional_write_policy", p.additionalWritePolicy());
        if (!p.allowAutoSnapshot()) {
            v.put("allow_auto_snapshot", false);
        }
        v.put("bloom_filter_fp_chance", p.bloomFilterFpChance());
        v.put("caching", p.caching());
        if (p.cdc()) {
            v.put("cdc", true);
        }
        v.put("comment", p.comment());
        v.put("compaction", p.compaction());
        v.put("compression", p.compression());
        v.put("crc_check_chance", p.crcCheckChance());
        v.put("dclocal_read_repair_chance", 0.0d);
        v.put("default_time_to_live", p.defaultTimeToLive());
        v.put("extensions", p.extensions());
        v.put("gc_grace_seconds", p.gcGraceSeconds());
        if (!p.incrementalBackups()) {
            v.put("incremental_backups", false);
        }
        v.put("max_index_interval", p.maxIndexInterval());
        if (!p.memtable().equals("default")) {
            v.put("memtable", p.memtable());
        }
        v.put("memtable_flush_period_in_ms", p.memtableFlushPeriodInMs());
        v.put("min_index_interval", p.minIndexInterval());
        v.put("read_repair", p.readRepair());
        v.put("read_repair_chance", 0.0d);
        v.put("speculative_retry", p.speculativeRetry());
        return v;
    }

    /** The table flags Ringlet never writes (legacy COMPACT STORAGE forms), which a stored schema must not have. */
    static final Set<String> UNSUPPORTED_FLAGS = Set.of("dense", "super");
}
