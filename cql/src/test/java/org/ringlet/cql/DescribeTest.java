package org.ringlet.cql;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.error.ErrorCode;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Result;
import org.ringlet.api.ring.Token;
import org.ringlet.cql.testing.CqlTestNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Server-side DESCRIBE beyond the conformance scenarios: the CREATE statements recreate the schema they describe,
 * DESCRIBE CLUSTER reports the ring, and results page with a state that a schema change invalidates.
 */
class DescribeTest {
    private CqlTestNode node;

    @BeforeEach
    void start() {
        node = CqlTestNode.start();
        node.execute("CREATE KEYSPACE d1 WITH replication = {'class': 'NetworkTopologyStrategy', 'datacenter1': 1} "
                + "AND durable_writes = false");
        node.execute("USE d1");
    }

    private List<List<Object>> rows(String cql) {
        return node.rows(cql);
    }

    /** The create_statement column of a DESCRIBE. */
    private List<String> statements(String cql) {
        List<String> out = new ArrayList<>();
        for (List<Object> row : rows(cql)) {
            out.add((String) row.get(3));
        }
        return out;
    }

    @Test
    void describedStatementsRecreateTheKeyspaceExactly() {
        node.execute("CREATE TYPE \"Inner\" (\"Weird name\" text, n int)");
        node.execute("CREATE TYPE outer_type (i frozen<\"Inner\">, tags set<text>, t tuple<int, text>)");
        node.execute("CREATE TYPE a_first (o frozen<outer_type>)");
        node.execute("CREATE TABLE \"Events\" (\"Day\" date, seq int, at timestamp, s text static, "
                + "m map<text, frozen<outer_type>>, l list<frozen<\"Inner\">>, v vector<float, 3>, "
                + "u a_first, PRIMARY KEY ((\"Day\", seq), at)) WITH CLUSTERING ORDER BY (at DESC) "
                + "AND comment = 'it''s' AND compaction = {'class': 'LeveledCompactionStrategy'} "
                + "AND caching = {'keys': 'NONE', 'rows_per_partition': '10'} AND default_time_to_live = 60 "
                + "AND speculative_retry = '50ms' AND compression = {'enabled': 'false'}");
        node.execute("CREATE TABLE counts (k text PRIMARY KEY, n counter)");
        List<String> before = statements("DESCRIBE KEYSPACE d1");
        // dependencies first: a_first uses outer_type, which uses "Inner"
        assertEquals(List.of("CREATE TYPE d1.\"Inner\"", "CREATE TYPE d1.outer_type", "CREATE TYPE d1.a_first"),
                before.subList(1, 4).stream().map(s -> s.substring(0, s.indexOf(" ("))).toList());

        node.execute("DROP KEYSPACE d1");
        for (String statement : before) {
            node.execute(statement);
        }
        assertEquals(before, statements("DESCRIBE KEYSPACE d1"));
    }

    @Test
    void describeClusterGivesTheRangeOwnershipOfTheCurrentKeyspaceOnly() {
        Result.Rows withKeyspace = (Result.Rows) node.execute("DESCRIBE CLUSTER").result();
        assertEquals(List.of("cluster", "partitioner", "snitch", "range_ownership"),
                withKeyspace.columns().stream().map(ColumnSpec::name).toList());
        List<Object> row = CqlTestNode.values(withKeyspace).get(0);
        assertEquals(List.of("Test Cluster", "Murmur3Partitioner", "DynamicEndpointSnitch"), row.subList(0, 3));
        @SuppressWarnings("unchecked")
        Map<String, List<String>> ownership = (Map<String, List<String>>) row.get(3);
        List<Token> tokens = node.topology.current().sortedTokens();
        assertEquals(tokens.size(), ownership.size());
        String self = "/" + node.topology.current().node(node.topology.localHostId()).orElseThrow().endpoint();
        for (Token t : tokens) {
            assertEquals(List.of(self), ownership.get(node.topology.partitioner().toString(t)));
        }

        CqlTestNode.Session fresh = node.newSession();
        Result.Rows without = (Result.Rows) fresh.execute("DESCRIBE CLUSTER", QueryOptions.of(ConsistencyLevel.ONE))
                .result();
        assertEquals(3, without.columns().size());
        fresh.execute("USE system", QueryOptions.of(ConsistencyLevel.ONE));
        assertEquals(3, ((Result.Rows) fresh.execute("DESCRIBE CLUSTER", QueryOptions.of(ConsistencyLevel.ONE))
                .result()).columns().size());
    }

    @Test
    void resultsPageByRowAndAStateOutlivesNoSchemaChange() {
        for (int i = 0; i < 5; i++) {
            node.execute("CREATE TABLE t" + i + " (k int PRIMARY KEY)");
        }
        QueryOptions paged = QueryOptions.of(ConsistencyLevel.ONE).withPaging(2, null);
        List<String> names = new ArrayList<>();
        ByteBuffer state = null;
        do {
            Result.Rows page = (Result.Rows) node.execute("DESCRIBE TABLES", paged.withPaging(2, state)).result();
            CqlTestNode.values(page).forEach(r -> names.add((String) r.get(2)));
            state = page.pagingState();
        } while (state != null);
        assertEquals(List.of("t0", "t1", "t2", "t3", "t4"), names);

        Result.Rows first = (Result.Rows) node.execute("DESCRIBE TABLES", paged).result();
        assertNotNull(first.pagingState());
        node.execute("CREATE TABLE t5 (k int PRIMARY KEY)");
        RingletException e = assertThrows(RingletException.class,
                () -> node.execute("DESCRIBE TABLES", paged.withPaging(2, first.pagingState())));
        assertEquals(ErrorCode.INVALID, e.code());
        assertEquals("The schema has changed since the previous page of the DESCRIBE statement result. "
                + "Please retry the DESCRIBE statement.", e.getMessage());
        Result.Rows all = (Result.Rows) node.execute("DESCRIBE TABLES").result();
        assertEquals(6, all.rows().size());
        assertNull(all.pagingState());
    }

    @Test
    void describeWithoutAKeyspaceListsEveryKeyspaceAndNeedsOneForElements() {
        CqlTestNode.Session fresh = node.newSession();
        QueryOptions one = QueryOptions.of(ConsistencyLevel.ONE);
        List<List<Object>> keyspaces = CqlTestNode.values((Result.Rows) fresh.execute("DESCRIBE KEYSPACES", one)
                .result());
        assertEquals(List.of("d1", "system", "system_auth", "system_distributed", "system_schema",
                "system_traces", "system_views", "system_virtual_schema"), keyspaces.stream().map(r -> r.get(0))
                .toList());
        RingletException e = assertThrows(RingletException.class, () -> fresh.execute("DESCRIBE TABLE t", one));
        assertEquals("No keyspace specified and no current keyspace", e.getMessage());
        List<List<Object>> schema = CqlTestNode.values((Result.Rows) fresh.execute("DESCRIBE SCHEMA", one).result());
        assertEquals(List.of(List.of("d1", "keyspace", "d1", "CREATE KEYSPACE d1 WITH replication = {'class': "
                + "'NetworkTopologyStrategy', 'datacenter1': '1'}  AND durable_writes = false;")), schema);
    }
}
