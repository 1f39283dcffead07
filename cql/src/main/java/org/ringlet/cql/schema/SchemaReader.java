package org.ringlet.cql.schema;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.error.ServerError;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.ColumnKind;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.DroppedColumn;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.ReplicationParams;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.schema.TableParams;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.CqlTypeParser;
import org.ringlet.api.types.UserType;
import org.ringlet.cql.data.CellReader;

/**
 * Turns the rows of one keyspace's partitions of the {@code system_schema} tables back into a
 * {@link KeyspaceMetadata}. Stateless.
 */
final class SchemaReader {
    /**
     * The drop time of a dropped column: the schema table keeps milliseconds, while this node may know the
     * microseconds of a drop it made itself (as Cassandra keeps them in memory).
     */
    interface DropTimes {
        /** @param storedMicros the stored drop time, in microseconds but only millisecond-precise */
        long dropTime(TableId table, String column, long storedMicros);
    }

    private final SchemaTables tables;
    private final DropTimes dropTimes;

    SchemaReader(SchemaTables tables, DropTimes dropTimes) {
        this.tables = tables;
        this.dropTimes = dropTimes;
    }

    /** The value of a column of a live row as its Java value, or null. */
    private static Object get(TableMetadata table, Row row, List<ByteBuffer> key, String column) {
        ColumnMetadata c = table.requireColumn(column);
        ByteBuffer v = switch (c.kind()) {
            case PARTITION_KEY -> key.get(c.position());
            case CLUSTERING -> row.clustering().get(c.position());
            default -> CellReader.value(row, c);
        };
        return v == null ? null : c.type().compose(v);
    }

    /**
     * The keyspace stored in these partitions (each the keyspace's partition of one system_schema table, live rows
     * only), or null when it has no keyspaces row.
     */
    KeyspaceMetadata read(String keyspace, Map<String, List<Row>> rowsByTable) {
        TableMetadata ksTable = tables.table(SchemaTables.KEYSPACES);
        List<ByteBuffer> key = List.of(ksTable.partitionKeyColumns().get(0).type().decompose(keyspace));
        List<Row> ksRows = rowsByTable.getOrDefault(SchemaTables.KEYSPACES, List.of());
        if (ksRows.isEmpty()) {
            return null;
        }
        Row ksRow = ksRows.get(0);
        Boolean durable = (Boolean) get(ksTable, ksRow, key, "durable_writes");
        @SuppressWarnings("unchecked")
        Map<String, String> replication = (Map<String, String>) get(ksTable, ksRow, key, "replication");
        Map<String, String> options = new TreeMap<>(replication == null ? Map.of() : replication);
        String cls = options.remove("class");
        if (cls == null) {
            throw new ServerError("Stored keyspace " + keyspace + " has no replication class");
        }
        Map<String, UserType> types = readTypes(keyspace, key, rowsByTable.getOrDefault(SchemaTables.TYPES, List.of()));
        Map<String, TableMetadata> tablesByName = new TreeMap<>();
        Map<String, List<Row>> columnsByTable = byTable(rowsByTable.getOrDefault(SchemaTables.COLUMNS, List.of()));
        Map<String, List<Row>> droppedByTable = byTable(rowsByTable.getOrDefault(SchemaTables.DROPPED_COLUMNS,
                List.of()));
        TableMetadata tTable = tables.table(SchemaTables.TABLES);
        for (Row r : rowsByTable.getOrDefault(SchemaTables.TABLES, List.of())) {
            String name = (String) get(tTable, r, key, "table_name");
            TableMetadata t = readTable(keyspace, name, r, key, columnsByTable.getOrDefault(name, List.of()),
                    droppedByTable.getOrDefault(name, List.of()), types);
            tablesByName.put(name, t);
        }
        return new KeyspaceMetadata(keyspace, new ReplicationParams(cls, options), durable == null || durable,
                tablesByName, types, false);
    }

    private Map<String, List<Row>> byTable(List<Row> rows) {
        Map<String, List<Row>> out = new HashMap<>();
        TableMetadata t = tables.table(SchemaTables.COLUMNS);
        CqlType nameType = t.clusteringColumns().get(0).type();
        for (Row r : rows) {
            String table = (String) nameType.compose(r.clustering().get(0));
            out.computeIfAbsent(table, k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    private Map<String, UserType> readTypes(String keyspace, List<ByteBuffer> key, List<Row> rows) {
        TableMetadata t = tables.table(SchemaTables.TYPES);
        Map<String, Row> raw = new LinkedHashMap<>();
        for (Row r : rows) {
            raw.put((String) get(t, r, key, "type_name"), r);
        }
        Map<String, UserType> done = new TreeMap<>();
        for (String name : raw.keySet()) {
            resolveType(keyspace, name, key, raw, done, new java.util.HashSet<>());
        }
        return done;
    }

    @SuppressWarnings("unchecked")
    private UserType resolveType(String keyspace, String name, List<ByteBuffer> key, Map<String, Row> raw,
                                 Map<String, UserType> done, Set<String> visiting) {
        UserType known = done.get(name);
        if (known != null) {
            return known;
        }
        Row r = raw.get(name);
        if (r == null || !visiting.add(name)) {
            return null;
        }
        TableMetadata t = tables.table(SchemaTables.TYPES);
        List<String> names = (List<String>) get(t, r, key, "field_names");
        List<String> typeNames = (List<String>) get(t, r, key, "field_types");
        List<CqlType> fieldTypes = new ArrayList<>();
        for (String tn : typeNames) {
            fieldTypes.add(CqlTypeParser.parse(tn, n -> resolveType(keyspace, n, key, raw, done, visiting)));
        }
        UserType u = UserType.of(keyspace, name, names, fieldTypes);
        done.put(name, u);
        return u;
    }

    @SuppressWarnings("unchecked")
    private TableMetadata readTable(String keyspace, String name, Row tableRow, List<ByteBuffer> key,
                                    List<Row> columnRows, List<Row> droppedRows, Map<String, UserType> types) {
        TableMetadata tTable = tables.table(SchemaTables.TABLES);
        UUID id = (UUID) get(tTable, tableRow, key, "id");
        Set<String> flags = (Set<String>) get(tTable, tableRow, key, "flags");
        if (flags != null && flags.stream().anyMatch(SchemaTables.UNSUPPORTED_FLAGS::contains)) {
            throw new ServerError("Stored table " + keyspace + "." + name + " has unsupported flags " + flags);
        }
        TableMetadata.Builder b = TableMetadata.builder(keyspace, name).id(new TableId(id))
                .params(readParams(tTable, tableRow, key));
        TableMetadata cTable = tables.table(SchemaTables.COLUMNS);
        for (Row r : columnRows) {
            String column = (String) get(cTable, r, key, "column_name");
            ColumnKind kind = ColumnKind.fromSchemaName((String) get(cTable, r, key, "kind"));
            Integer position = (Integer) get(cTable, r, key, "position");
            ClusteringOrder order = ClusteringOrder.fromSchemaName((String) get(cTable, r, key, "clustering_order"));
            CqlType type = CqlTypeParser.parse((String) get(cTable, r, key, "type"), types::get);
            b.addColumn(new ColumnMetadata(column, type, kind, kind.isPrimaryKey() ? position : -1, order));
        }
        TableMetadata dTable = tables.table(SchemaTables.DROPPED_COLUMNS);
        for (Row r : droppedRows) {
            String column = (String) get(dTable, r, key, "column_name");
            Instant when = (Instant) get(dTable, r, key, "dropped_time");
            ColumnKind kind = ColumnKind.fromSchemaName((String) get(dTable, r, key, "kind"));
            CqlType type = CqlTypeParser.parse((String) get(dTable, r, key, "type"), types::get);
            b.addDroppedColumn(new DroppedColumn(column, type, kind,
                    dropTimes.dropTime(new TableId(id), column, when.toEpochMilli() * 1000)));
        }
        return b.build();
    }

    @SuppressWarnings("unchecked")
    private static TableParams readParams(TableMetadata t, Row r, List<ByteBuffer> key) {
        TableParamsBuilder p = TableParamsBuilder.defaults();
        Object v;
        if ((v = get(t, r, key, "additional_write_policy")) != null) {
            p.additionalWritePolicy((String) v);
        }
        if ((v = get(t, r, key, "allow_auto_snapshot")) != null) {
            p.allowAutoSnapshot((Boolean) v);
        }
        if ((v = get(t, r, key, "bloom_filter_fp_chance")) != null) {
            p.bloomFilterFpChance((Double) v);
        }
        if ((v = get(t, r, key, "caching")) != null) {
            p.caching((Map<String, String>) v);
        }
        if ((v = get(t, r, key, "cdc")) != null) {
            p.cdc((Boolean) v);
        }
        if ((v = get(t, r, key, "comment")) != null) {
            p.comment((String) v);
        }
        if ((v = get(t, r, key, "compaction")) != null) {
            p.compaction((Map<String, String>) v);
        }
        if ((v = get(t, r, key, "compression")) != null) {
            p.compression((Map<String, String>) v);
        }
        if ((v = get(t, r, key, "crc_check_chance")) != null) {
            p.crcCheckChance((Double) v);
        }
        if ((v = get(t, r, key, "default_time_to_live")) != null) {
            p.defaultTimeToLive((Integer) v);
        }
        if ((v = get(t, r, key, "extensions")) != null) {
            p.extensions((Map<String, ByteBuffer>) v);
        }
        if ((v = get(t, r, key, "gc_grace_seconds")) != null) {
            p.gcGraceSeconds((Integer) v);
        }
        if ((v = get(t, r, key, "incremental_backups")) != null) {
            p.incrementalBackups((Boolean) v);
        }
        if ((v = get(t, r, key, "max_index_interval")) != null) {
            p.maxIndexInterval((Integer) v);
        }
        if ((v = get(t, r, key, "memtable")) != null) {
            p.memtable((String) v);
        }
        if ((v = get(t, r, key, "memtable_flush_period_in_ms")) != null) {
            p.memtableFlushPeriodInMs((Integer) v);
        }
        if ((v = get(t, r, key, "min_index_interval")) != null) {
            p.minIndexInterval((Integer) v);
        }
        if ((v = get(t, r, key, "read_repair")) != null) {
            p.readRepair((String) v);
        }
        if ((v = get(t, r, key, "speculative_retry")) != null) {
            p.speculativeRetry((String) v);
        }
        return p.build();
    }

    /** The live rows of each system_schema table's partition for one keyspace, by table name. */
    static Map<String, List<Row>> liveRows(Map<String, Partition> partitions, long nowInSeconds) {
        Map<String, List<Row>> out = new HashMap<>();
        partitions.forEach((table, p) -> out.put(table, p.liveRows(nowInSeconds)));
        return out;
    }
}
