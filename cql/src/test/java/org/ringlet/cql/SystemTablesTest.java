package org.ringlet.cql;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.Result;
import org.ringlet.cql.testing.CqlTestNode;
import org.ringlet.cql.testing.DriverFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The system tables answer the queries drivers send, with Cassandra 5.0.6's exact columns and types. */
class SystemTablesTest {
    private CqlTestNode node;

    @BeforeEach
    void start() {
        node = CqlTestNode.start(Map.of("cluster_name", "Ringlet Test"));
    }

    private static List<String> reference() throws IOException {
        try (InputStream in = SystemTablesTest.class.getResourceAsStream(
                "/golden/system_schema_columns.cassandra-5.0.6.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private Set<String> columnLines(String query, boolean virtual) {
        Set<String> out = new TreeSet<>();
        for (List<Object> r : node.rows(query)) {
            // keyspace_name, table_name, column_name, clustering_order, column_name_bytes, kind, position, type
            out.add((virtual ? "VIRTUAL " : "") + r.get(0) + "." + r.get(1) + " " + r.get(2) + " " + r.get(5) + " "
                    + r.get(6) + " " + r.get(3) + " " + r.get(7));
        }
        return out;
    }

    @Test
    void systemTablesDescribeThemselvesWithCassandrasColumns() throws IOException {
        Set<String> expected = new TreeSet<>();
        Set<String> expectedVirtual = new TreeSet<>();
        for (String line : reference()) {
            (line.startsWith("VIRTUAL ") ? expectedVirtual : expected).add(line);
        }
        expected.add("system.local ringlet_version regular -1 none text");
        Set<String> actual = new TreeSet<>();
        for (String ks : List.of("system", "system_schema", "system_auth", "system_distributed", "system_traces")) {
            actual.addAll(columnLines("SELECT * FROM system_schema.columns WHERE keyspace_name = '" + ks + "'",
                    false));
        }
        assertEquals(expected, actual);
        assertEquals(expectedVirtual, columnLines("SELECT * FROM system_virtual_schema.columns", true));
    }

    @Test
    void systemLocalHasOneRowWithTheNodesIdentity() {
        Result.Rows rows = (Result.Rows) node.execute("SELECT * FROM system.local").result();
        List<String> names = rows.columns().stream().map(ColumnSpec::name).toList();
        assertEquals(List.of("key", "bootstrapped", "broadcast_address", "broadcast_port", "cluster_name",
                "cql_version", "data_center", "gossip_generation", "host_id", "listen_address", "listen_port",
                "native_protocol_version", "partitioner", "rack", "release_version", "ringlet_version",
                "rpc_address", "rpc_port", "schema_version", "tokens", "truncated_at"), names);
        List<String> types = rows.columns().stream().map(c -> DriverFormat.typeName(c.type())).toList();
        assertEquals(List.of("varchar", "varchar", "inet", "int", "varchar", "varchar", "varchar", "int", "uuid",
                "inet", "int", "varchar", "varchar", "varchar", "varchar", "varchar", "inet", "int", "uuid",
                "set<varchar>", "map<uuid, blob>"), types);
        assertEquals(1, rows.rows().size());
        Map<String, Object> local = new LinkedHashMap<>();
        List<Object> values = CqlTestNode.values(rows).get(0);
        for (int i = 0; i < names.size(); i++) {
            local.put(names.get(i), values.get(i));
        }
        assertEquals("local", local.get("key"));
        assertEquals("COMPLETED", local.get("bootstrapped"));
        assertEquals("Ringlet Test", local.get("cluster_name"));
        assertEquals("3.4.7", local.get("cql_version"));
        assertEquals("5.0.6", local.get("release_version"));
        assertEquals("datacenter1", local.get("data_center"));
        assertEquals("rack1", local.get("rack"));
        assertEquals("org.apache.cassandra.dht.Murmur3Partitioner", local.get("partitioner"));
        assertEquals(node.topology.localHostId(), local.get("host_id"));
        assertEquals(node.schema.current().version(), local.get("schema_version"));
        assertEquals(InetAddress.getLoopbackAddress(), local.get("rpc_address"));
        assertEquals(9042, local.get("rpc_port"));
        assertEquals(7000, local.get("listen_port"));
        assertEquals("5", local.get("native_protocol_version"), "as Cassandra 5.0.6");
        assertEquals(CqlQueryHandlerFactory.ringletVersion(), local.get("ringlet_version"));
        assertTrue(!CqlQueryHandlerFactory.ringletVersion().contains("${"), "the build filled in the version");
        @SuppressWarnings("unchecked")
        Set<String> tokens = (Set<String>) local.get("tokens");
        assertEquals(16, tokens.size());
        List<String> ring = new ArrayList<>();
        node.topology.current().sortedTokens().forEach(t -> ring.add(CqlTestNode.PARTITIONER.toString(t)));
        assertEquals(new TreeSet<>(ring), tokens);
    }

    @Test
    void schemaVersionFollowsTheSchema() {
        UUID before = (UUID) node.rows("SELECT schema_version FROM system.local WHERE key='local'").get(0).get(0);
        node.execute("CREATE KEYSPACE sv WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        UUID after = (UUID) node.rows("SELECT schema_version FROM system.local").get(0).get(0);
        assertTrue(!before.equals(after));
        assertEquals(node.schema.current().version(), after);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM system.peers_v2",
        "SELECT * FROM system.peers",
        "SELECT peer, host_id, rpc_address, schema_version FROM system.peers",
        "SELECT host_id, peer, peer_port, native_address, native_port, schema_version FROM system.peers_v2",
        "SELECT schema_version FROM system.peers",
        "SELECT * FROM system_schema.functions",
        "SELECT * FROM system_schema.aggregates",
        "SELECT * FROM system_schema.triggers",
        "SELECT * FROM system_schema.indexes",
        "SELECT * FROM system_schema.views",
        "SELECT * FROM system_schema.types",
        "SELECT * FROM system_schema.dropped_columns WHERE keyspace_name = 'cityinfo'"
    })
    void driverQueriesOnEmptyTablesAnswerNoRows(String query) {
        Result.Rows rows = (Result.Rows) node.execute(query).result();
        assertEquals(0, rows.rows().size());
        assertTrue(!rows.columns().isEmpty());
    }

    @Test
    void keyspacesAndTablesAreDescribedAsCassandraDoes() {
        node.execute("CREATE KEYSPACE probe1 WITH replication = {'class':'SimpleStrategy','replication_factor':2}");
        node.execute("CREATE TABLE probe1.t (a int PRIMARY KEY, b text)");
        List<List<Object>> ks = node.rows("SELECT * FROM system_schema.keyspaces");
        Map<Object, Object> replication = new LinkedHashMap<>();
        ks.forEach(r -> replication.put(r.get(0), DriverFormat.value(r.get(2))));
        assertEquals("{'class': 'org.apache.cassandra.locator.SimpleStrategy', 'replication_factor': '2'}",
                replication.get("probe1"));
        assertEquals("{'class': 'org.apache.cassandra.locator.LocalStrategy'}", replication.get("system"));
        assertEquals("{'class': 'org.apache.cassandra.locator.SimpleStrategy', 'replication_factor': '3'}",
                replication.get("system_distributed"));
        Result.Rows t = (Result.Rows) node.execute("SELECT * FROM system_schema.tables WHERE keyspace_name = "
                + "'probe1' AND table_name = 't'").result();
        List<String> printed = DriverFormat.response(new org.ringlet.api.query.Response(t, List.of()));
        assertEquals("columns: keyspace_name varchar, table_name varchar, additional_write_policy varchar, "
                + "allow_auto_snapshot boolean, bloom_filter_fp_chance double, caching map<varchar, varchar>, "
                + "cdc boolean, comment varchar, compaction map<varchar, varchar>, compression map<varchar, varchar>, "
                + "crc_check_chance double, dclocal_read_repair_chance double, default_time_to_live int, "
                + "extensions map<varchar, blob>, flags set<varchar>, gc_grace_seconds int, id uuid, "
                + "incremental_backups boolean, max_index_interval int, memtable varchar, "
                + "memtable_flush_period_in_ms int, min_index_interval int, read_repair varchar, "
                + "read_repair_chance double, speculative_retry varchar", printed.get(0));
        String id = CqlTestNode.values(t).get(0).get(16).toString();
        assertEquals("row: 'probe1' | 't' | '99p' | null | 0.01 | {'keys': 'ALL', 'rows_per_partition': 'NONE'} | "
                + "null | '' | {'class': 'org.apache.cassandra.db.compaction.SizeTieredCompactionStrategy', "
                + "'max_threshold': '32', 'min_threshold': '4'} | {'chunk_length_in_kb': '16', 'class': "
                + "'org.apache.cassandra.io.compress.LZ4Compressor'} | 1.0 | 0.0 | 0 | {} | {'compound'} | 864000 | "
                + id + " | null | 2048 | null | 0 | 128 | 'BLOCKING' | 0.0 | '99p'", printed.get(1));
        assertEquals(1, UUID.fromString(id).version(), "table ids are time-based, as Cassandra's");
        List<List<Object>> cols = node.rows("SELECT column_name, clustering_order, kind, position, type FROM "
                + "system_schema.columns WHERE keyspace_name = 'probe1' AND table_name = 't'");
        assertEquals(List.of(List.of("a", "none", "partition_key", 0, "int"),
                List.of("b", "none", "regular", -1, "text")), cols);
    }

    @Test
    void virtualSchemaListsTheVirtualKeyspaces() {
        assertEquals(List.of(List.of("system_views"), List.of("system_virtual_schema")),
                sorted(node.rows("SELECT * from system_virtual_schema.keyspaces")));
        List<List<Object>> tables = node.rows("SELECT * from system_virtual_schema.tables");
        assertEquals(46, tables.size());
        assertTrue(tables.contains(List.of("system_views", "clients", "currently connected clients")));
        assertEquals(0, node.rows("SELECT * FROM system_views.clients").size());
        assertNotNull(node.rows("SELECT * FROM system_virtual_schema.columns WHERE keyspace_name = 'system_views' "
                + "AND table_name = 'settings'"));
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>(rows);
        out.sort((a, b) -> a.toString().compareTo(b.toString()));
        return out;
    }
}
