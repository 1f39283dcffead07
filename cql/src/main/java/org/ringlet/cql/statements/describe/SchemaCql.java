package org.ringlet.cql.statements.describe;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.ringlet.api.schema.ColumnKind;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.DroppedColumn;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.schema.TableParams;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.Identifiers;
import org.ringlet.api.types.UserType;

/**
 * The CQL that recreates a keyspace, a table or a user type, written exactly as Cassandra 5.0 writes it for DESCRIBE
 * (its {@code toCqlString}): same layout, indentation, option order and quoting. Stateless.
 */
public final class SchemaCql {
    private static final String INDENT = "    ";
    private static final String LOCATOR_PACKAGE = "org.apache.cassandra.locator.";

    private SchemaCql() {
    }

    /** The name as CQL writes it: quoted when it must be. */
    static String name(String name) {
        return Identifiers.maybeQuote(name);
    }

    /** {@code 'text'} with embedded quotes doubled. */
    static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** {@code CREATE KEYSPACE ...;}, or the commented structure of a virtual keyspace. */
    public static String keyspace(KeyspaceMetadata ks) {
        if (ks.virtual()) {
            return "/*\nWarning: Keyspace " + name(ks.name()) + " is a virtual keyspace and cannot be recreated with "
                    + "CQL.\nStructure, for reference:\nVIRTUAL KEYSPACE " + name(ks.name()) + ";\n*/";
        }
        String cls = ks.replication().strategyClass();
        if (cls.startsWith(LOCATOR_PACKAGE) && cls.indexOf('.', LOCATOR_PACKAGE.length()) < 0) {
            cls = cls.substring(LOCATOR_PACKAGE.length());
        }
        StringBuilder sb = new StringBuilder("CREATE KEYSPACE ").append(name(ks.name()))
                .append(" WITH replication = {'class': ").append(quoted(cls));
        new TreeMap<>(ks.replication().options()).forEach((k, v) ->
                sb.append(", ").append(quoted(k)).append(": ").append(quoted(v)));
        return sb.append("}  AND durable_writes = ").append(ks.durableWrites()).append(';').toString();
    }

    /** {@code CREATE TYPE ks.t (...);} with the field types as declared. */
    public static String type(UserType type) {
        StringBuilder sb = new StringBuilder("CREATE TYPE ").append(name(type.keyspace())).append('.')
                .append(name(type.name())).append(" (\n");
        for (int i = 0; i < type.fieldNames().size(); i++) {
            sb.append(INDENT).append(name(type.fieldNames().get(i))).append(' ')
                    .append(type.declaredFieldTypes().get(i).cqlName());
            sb.append(i + 1 < type.fieldNames().size() ? ",\n" : "\n");
        }
        return sb.append(");").toString();
    }

    /**
     * {@code CREATE TABLE ...;} (with {@code internals}, also the table id and the dropped columns as the ALTER
     * statements that dropped them); a virtual table's structure inside a comment.
     *
     * @param hidden columns left out (columns a Ringlet system table has beyond Cassandra's)
     */
    public static String table(TableMetadata table, boolean internals, Predicate<ColumnMetadata> hidden) {
        String qualified = name(table.keyspace()) + "." + name(table.name());
        StringBuilder sb = new StringBuilder();
        String create = "CREATE";
        if (table.isVirtual()) {
            sb.append("/*\nWarning: Table ").append(qualified).append(" is a virtual table and cannot be recreated "
                    + "with CQL.\nStructure, for reference:\n");
            create = "VIRTUAL";
        }
        sb.append(create).append(" TABLE ").append(qualified).append(" (\n");
        boolean singleKey = table.partitionKeyColumns().size() == 1 && table.clusteringColumns().isEmpty();
        Map<String, DroppedColumn> dropped = internals ? table.droppedColumns() : Map.of();
        List<ColumnMetadata> columns = new ArrayList<>();
        for (ColumnMetadata c : createOrder(table)) {
            if (!hidden.test(c) && !dropped.containsKey(c.name())) {
                columns.add(c);
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            ColumnMetadata c = columns.get(i);
            sb.append(INDENT).append(column(c.name(), c.type(), c.isStatic()));
            if (singleKey && c.kind() == ColumnKind.PARTITION_KEY) {
                sb.append(" PRIMARY KEY");
            }
            if (!singleKey || !dropped.isEmpty() || i + 1 < columns.size()) {
                sb.append(',');
            }
            sb.append('\n');
        }
        for (DroppedColumn d : dropped.values()) {
            sb.append(INDENT).append(column(d.name(), d.type(), d.kind() == ColumnKind.STATIC));
            if (!singleKey) {
                sb.append(',');
            }
            sb.append('\n');
        }
        if (!singleKey) {
            appendPrimaryKey(sb, table);
        }
        sb.append(") WITH ");
        if (internals) {
            sb.append("ID = ").append(table.id().uuid()).append('\n').append(INDENT).append("AND ");
        }
        if (!table.clusteringColumns().isEmpty()) {
            sb.append("CLUSTERING ORDER BY (");
            List<String> orders = new ArrayList<>();
            for (ColumnMetadata c : table.clusteringColumns()) {
                orders.add(name(c.name()) + " " + c.order().name());
            }
            sb.append(String.join(", ", orders)).append(")\n").append(INDENT).append("AND ");
        }
        if (table.isVirtual()) {
            sb.append("comment = ").append(quoted(table.params().comment()));
        } else {
            appendOptions(sb, table.params());
        }
        sb.append(';');
        if (table.isVirtual()) {
            sb.append("\n*/");
        }
        for (DroppedColumn d : dropped.values()) {
            sb.append("\nALTER TABLE ").append(qualified).append(" DROP ").append(name(d.name()))
                    .append(" USING TIMESTAMP ").append(d.droppedTimeMicros()).append(';');
            table.column(d.name()).ifPresent(c -> sb.append("\nALTER TABLE ").append(qualified).append(" ADD ")
                    .append(column(c.name(), c.type(), c.isStatic())).append(';'));
        }
        return sb.toString();
    }

    /**
     * Cassandra's create order of columns: partition key and clustering columns by position, then static and then
     * regular columns, each with the single-cell columns first and the multi-cell (non-frozen collections and user
     * types) after them, in name order within each group.
     */
    static List<ColumnMetadata> createOrder(TableMetadata table) {
        List<ColumnMetadata> out = new ArrayList<>(table.partitionKeyColumns());
        out.addAll(table.clusteringColumns());
        for (List<ColumnMetadata> group : List.of(table.staticColumns(), table.regularColumns())) {
            group.stream().filter(c -> !c.isComplex()).forEach(out::add);
            group.stream().filter(ColumnMetadata::isComplex).forEach(out::add);
        }
        return out;
    }

    private static String column(String name, CqlType type, boolean isStatic) {
        return name(name) + " " + type.cqlName() + (isStatic ? " static" : "");
    }

    private static void appendPrimaryKey(StringBuilder sb, TableMetadata table) {
        sb.append(INDENT).append("PRIMARY KEY (");
        List<String> pk = table.partitionKeyColumns().stream().map(c -> name(c.name())).toList();
        sb.append(pk.size() > 1 ? "(" + String.join(", ", pk) + ")" : pk.get(0));
        for (ColumnMetadata c : table.clusteringColumns()) {
            sb.append(", ").append(name(c.name()));
        }
        sb.append(")\n");
    }

    /** Cassandra's {@code TableParams.appendCqlTo}, options in its order. */
    private static void appendOptions(StringBuilder sb, TableParams p) {
        String and = "\n" + INDENT + "AND ";
        sb.append("additional_write_policy = ").append(quoted(p.additionalWritePolicy()))
                .append(and).append("allow_auto_snapshot = ").append(p.allowAutoSnapshot())
                .append(and).append("bloom_filter_fp_chance = ").append(p.bloomFilterFpChance())
                .append(and).append("caching = ").append(map(p.caching()))
                .append(and).append("cdc = ").append(p.cdc())
                .append(and).append("comment = ").append(quoted(p.comment()))
                .append(and).append("compaction = ").append(map(p.compaction()))
                .append(and).append("compression = ").append(map(p.compression()))
                .append(and).append("memtable = ").append(quoted(p.memtable()))
                .append(and).append("crc_check_chance = ").append(p.crcCheckChance())
                .append(and).append("default_time_to_live = ").append(p.defaultTimeToLive())
                .append(and).append("extensions = ").append(extensions(p.extensions()))
                .append(and).append("gc_grace_seconds = ").append(p.gcGraceSeconds())
                .append(and).append("incremental_backups = ").append(p.incrementalBackups())
                .append(and).append("max_index_interval = ").append(p.maxIndexInterval())
                .append(and).append("memtable_flush_period_in_ms = ").append(p.memtableFlushPeriodInMs())
                .append(and).append("min_index_interval = ").append(p.minIndexInterval())
                .append(and).append("read_repair = ").append(quoted(p.readRepair()))
                .append(and).append("speculative_retry = ").append(quoted(p.speculativeRetry()));
    }

    private static String map(Map<String, String> m) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(m).forEach((k, v) -> parts.add(quoted(k) + ": " + quoted(v)));
        return "{" + String.join(", ", parts) + "}";
    }

    private static String extensions(Map<String, ByteBuffer> m) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(m).forEach((k, v) -> {
            StringBuilder hex = new StringBuilder("0x");
            for (int i = v.position(); i < v.limit(); i++) {
                hex.append(String.format("%02x", v.get(i)));
            }
            parts.add(quoted(k) + ": " + hex);
        });
        return "{" + String.join(", ", parts) + "}";
    }
}
