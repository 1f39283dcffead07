package org.ringlet.cql.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.ColumnKind;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.ReplicationParams;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CqlTypeParser;

/**
 * The definitions of the system keyspaces, read from {@code system-tables.txt}. Table ids are Cassandra's
 * name-based ids ({@link TableId#forSystemTable}). Immutable.
 */
public final class SystemKeyspaces {
    public static final String SYSTEM = "system";
    public static final String SCHEMA = "system_schema";
    public static final String AUTH = "system_auth";
    public static final String DISTRIBUTED = "system_distributed";
    public static final String TRACES = "system_traces";
    public static final String VIEWS = "system_views";
    public static final String VIRTUAL_SCHEMA = "system_virtual_schema";

    /** Keyspaces that live on each node only (LocalStrategy) or are computed (virtual). */
    private static final Set<String> LOCAL = Set.of(SYSTEM, SCHEMA, VIEWS, VIRTUAL_SCHEMA);
    /** The replicated system keyspaces, created when a node starts if they are missing. */
    private static final List<String> DISTRIBUTED_KEYSPACES = List.of(AUTH, DISTRIBUTED, TRACES);

    private static final String RESOURCE = "system-tables.txt";

    private final Map<String, KeyspaceMetadata> keyspaces;

    private SystemKeyspaces(Map<String, KeyspaceMetadata> keyspaces) {
        this.keyspaces = keyspaces;
    }

    /** Reads the definitions. */
    public static SystemKeyspaces load() {
        try (InputStream in = SystemKeyspaces.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new SystemKeyspaces(parse(reader.lines().toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the keyspace is one that is local to each node or virtual (never replicated, never in the digest). */
    public static boolean isLocal(String keyspace) {
        return LOCAL.contains(keyspace);
    }

    /** Whether users may not change the keyspace or its tables (local and virtual system keyspaces). */
    public static boolean isReadOnly(String keyspace) {
        return LOCAL.contains(keyspace);
    }

    /** Whether the keyspace is any system keyspace, replicated or not. */
    public static boolean isSystem(String keyspace) {
        return LOCAL.contains(keyspace) || DISTRIBUTED_KEYSPACES.contains(keyspace);
    }

    /**
     * Whether the column is one Ringlet adds to a Cassandra system table ({@code system.local.ringlet_version}):
     * such columns are left out of what DESCRIBE shows, which is Cassandra's definition of the table.
     */
    public static boolean isExtension(String keyspace, String table, String column) {
        return keyspace.equals(SYSTEM) && table.equals("local") && column.equals("ringlet_version");
    }

    /** The local keyspaces stored on the engine: system and system_schema. */
    public List<KeyspaceMetadata> localKeyspaces() {
        return List.of(keyspaces.get(SYSTEM), keyspaces.get(SCHEMA));
    }

    /** The virtual keyspaces: system_views and system_virtual_schema. */
    public List<KeyspaceMetadata> virtualKeyspaces() {
        return List.of(keyspaces.get(VIEWS), keyspaces.get(VIRTUAL_SCHEMA));
    }

    /** The replicated system keyspaces with their default definitions. */
    public List<KeyspaceMetadata> distributedKeyspaces() {
        List<KeyspaceMetadata> out = new ArrayList<>();
        DISTRIBUTED_KEYSPACES.forEach(k -> out.add(keyspaces.get(k)));
        return out;
    }

    /** A keyspace's definition. */
    public KeyspaceMetadata keyspace(String name) {
        KeyspaceMetadata k = keyspaces.get(name);
        if (k == null) {
            throw new IllegalArgumentException("no system keyspace " + name);
        }
        return k;
    }

    /** A system table's definition. */
    public TableMetadata table(String keyspace, String table) {
        return keyspace(keyspace).table(table)
                .orElseThrow(() -> new IllegalArgumentException("no system table " + keyspace + "." + table));
    }

    private static Map<String, KeyspaceMetadata> parse(List<String> lines) {
        Map<String, ReplicationParams> replication = new LinkedHashMap<>();
        Set<String> virtual = new java.util.HashSet<>();
        Map<String, List<TableMetadata>> tables = new LinkedHashMap<>();
        TableMetadata.Builder table = null;
        TableParamsBuilder params = null;
        String tableKeyspace = null;
        for (String raw : lines) {
            if (raw.isBlank() || raw.startsWith("#")) {
                continue;
            }
            String line = raw.strip();
            if (raw.startsWith("keyspace ")) {
                String[] parts = line.split(" ");
                String name = parts[1];
                tables.put(name, new ArrayList<>());
                if (parts[2].equals("virtual")) {
                    virtual.add(name);
                    replication.put(name, ReplicationParams.local());
                    continue;
                }
                Map<String, String> options = new TreeMap<>();
                String cls = null;
                for (int i = 2; i < parts.length; i++) {
                    String[] kv = parts[i].split("=", 2);
                    if (kv[0].equals("class")) {
                        cls = kv[1];
                    } else {
                        options.put(kv[0], kv[1]);
                    }
                }
                replication.put(name, new ReplicationParams(cls, options));
            } else if (raw.startsWith("table ")) {
                finish(table, params, tables, tableKeyspace);
                String[] name = line.substring(6).split("\\.", 2);
                tableKeyspace = name[0];
                table = TableMetadata.builder(name[0], name[1]).id(TableId.forSystemTable(name[0], name[1]));
                if (virtual.contains(name[0])) {
                    table.kind(TableMetadata.Kind.VIRTUAL);
                }
                params = TableParamsBuilder.defaults();
            } else if (line.startsWith("column ")) {
                String[] p = line.split(" ", 6);
                ColumnKind kind = ColumnKind.fromSchemaName(p[2]);
                int position = Integer.parseInt(p[3]);
                ClusteringOrder order = ClusteringOrder.fromSchemaName(p[4]);
                table.addColumn(new ColumnMetadata(p[1], CqlTypeParser.parse(p[5]), kind,
                        kind.isPrimaryKey() ? position : -1, order));
            } else {
                option(params, line);
            }
        }
        finish(table, params, tables, tableKeyspace);
        Map<String, KeyspaceMetadata> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<TableMetadata>> e : tables.entrySet()) {
            Map<String, TableMetadata> byName = new TreeMap<>();
            e.getValue().forEach(t -> byName.put(t.name(), t));
            out.put(e.getKey(), new KeyspaceMetadata(e.getKey(), replication.get(e.getKey()), true, byName,
                    Map.of(), virtual.contains(e.getKey())));
        }
        return Map.copyOf(out);
    }

    private static void finish(TableMetadata.Builder table, TableParamsBuilder params,
                               Map<String, List<TableMetadata>> tables, String keyspace) {
        if (table != null) {
            tables.get(keyspace).add(table.params(params.build()).build());
        }
    }

    private static void option(TableParamsBuilder params, String line) {
        int space = line.indexOf(' ');
        String key = space < 0 ? line : line.substring(0, space);
        String value = space < 0 ? "" : line.substring(space + 1);
        switch (key) {
            case "comment" -> params.comment(value);
            case "gc_grace_seconds" -> params.gcGraceSeconds(Integer.parseInt(value));
            case "memtable_flush_period_in_ms" -> params.memtableFlushPeriodInMs(Integer.parseInt(value));
            case "default_time_to_live" -> params.defaultTimeToLive(Integer.parseInt(value));
            case "bloom_filter_fp_chance" -> params.bloomFilterFpChance(Double.parseDouble(value));
            case "compaction" -> params.compaction(map(value));
            case "caching" -> params.caching(map(value));
            case "compression" -> params.compression(map(value));
            case "speculative_retry" -> params.speculativeRetry(value);
            case "additional_write_policy" -> params.additionalWritePolicy(value);
            case "read_repair" -> params.readRepair(value);
            default -> throw new IllegalStateException("unknown option in " + RESOURCE + ": " + line);
        }
    }

    private static Map<String, String> map(String value) {
        Map<String, String> m = new TreeMap<>();
        for (String kv : value.split(",")) {
            String[] p = kv.split("=", 2);
            m.put(p[0], p[1]);
        }
        return m;
    }
}
