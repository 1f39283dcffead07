package org.ringlet.cql;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Result;
import org.ringlet.api.types.CollectionCodec;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.TupleType;
import org.ringlet.cql.testing.CqlTestNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Bind markers in the SELECT forms and functions that take them: multi-column relations with tuple and list
 * markers, LIMIT and PER PARTITION LIMIT markers, function arguments in the selection, INSERT JSON with a marker,
 * and paging through a reversed multi-column slice.
 */
class SelectPreparedTest {
    private static final TupleType PAIR = TupleType.of(NativeType.INT, NativeType.INT);

    private CqlTestNode node;

    @BeforeEach
    void data() {
        node = CqlTestNode.start();
        node.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        node.execute("CREATE TABLE ks.m (p int, c1 int, c2 int, v int, PRIMARY KEY (p, c1, c2)) "
                + "WITH CLUSTERING ORDER BY (c1 ASC, c2 DESC)");
        for (int c1 = 1; c1 <= 3; c1++) {
            for (int c2 = 1; c2 <= 3; c2++) {
                node.execute("INSERT INTO ks.m (p, c1, c2, v) VALUES (1, " + c1 + ", " + c2 + ", " + (c1 * 10 + c2)
                        + ")");
            }
        }
        node.execute("INSERT INTO ks.m (p, c1, c2, v) VALUES (2, 1, 1, 211)");
    }

    private Result.Prepared prepare(String query) {
        return (Result.Prepared) node.handler.prepare(node.client, query, "ks").toCompletableFuture().join()
                .result();
    }

    private Result.Rows select(Result.Prepared p, List<ByteBuffer> values, int pageSize, ByteBuffer state) {
        QueryOptions options = QueryOptions.of(ConsistencyLevel.ONE)
                .withValues(BoundValues.of(values, new BitSet())).withPaging(pageSize, state);
        return (Result.Rows) node.handler.execute(node.client, p.id(), null, options).toCompletableFuture().join()
                .result();
    }

    private static ByteBuffer i(int v) {
        return NativeType.INT.decompose(v);
    }

    private static ByteBuffer pair(int a, int b) {
        return CollectionCodec.packFields(List.of(i(a), i(b)));
    }

    private static List<Integer> ints(Result.Rows rows, int column) {
        List<Integer> out = new ArrayList<>();
        for (List<ByteBuffer> r : rows.rows()) {
            out.add((Integer) NativeType.INT.compose(r.get(column)));
        }
        return out;
    }

    @Test
    void multiColumnSliceAndInMarkers() {
        Result.Prepared slice = prepare("SELECT v FROM m WHERE p = ? AND (c1, c2) > ? LIMIT ?");
        assertEquals(List.of(new ColumnSpec("ks", "m", "p", NativeType.INT), new ColumnSpec("ks", "m", "(c1, c2)",
                PAIR), new ColumnSpec("ks", "m", "[limit]", NativeType.INT)), slice.bindVariables());
        // tuples compare in natural order, rows come in clustering order (c2 DESC), as on Cassandra 5.0.6
        assertEquals(List.of(23, 33, 32, 31), ints(select(slice, List.of(i(1), pair(2, 2), i(10)), 100, null), 0));
        assertEquals(List.of(23, 33), ints(select(slice, List.of(i(1), pair(2, 2), i(2)), 100, null), 0));

        Result.Prepared in = prepare("SELECT v FROM m WHERE p = ? AND (c1, c2) IN ?");
        assertEquals(ListType.frozen(PAIR), in.bindVariables().get(1).type());
        ByteBuffer list = CollectionCodec.packCollection(List.of(pair(3, 1), pair(1, 2), pair(9, 9)), 3);
        assertEquals(List.of(12, 31), ints(select(in, List.of(i(1), list), 100, null), 0));
    }

    @Test
    void limitMarkersAndPagingThroughReversedSlices() {
        Result.Prepared ppl = prepare("SELECT p, v FROM m PER PARTITION LIMIT ?");
        assertEquals("[per_partition_limit]", ppl.bindVariables().get(0).name());
        List<Integer> seen = new ArrayList<>();
        ByteBuffer state = null;
        int pages = 0;
        do {
            Result.Rows page = select(ppl, List.of(i(2)), 1, state);
            seen.addAll(ints(page, 1));
            state = page.pagingState();
            pages++;
        } while (state != null);
        assertEquals(List.of(13, 12, 211), seen, "two rows of partition 1 (c2 DESC), then partition 2");
        assertEquals(true, pages >= 3, "one row per page");

        Result.Prepared reversed = prepare("SELECT v FROM m WHERE p = 1 AND (c1, c2) >= (1, 2) "
                + "AND (c1, c2) <= (3, 2) ORDER BY c1 DESC");
        List<Integer> all = new ArrayList<>();
        state = null;
        do {
            Result.Rows page = select(reversed, List.of(), 2, state);
            all.addAll(ints(page, 0));
            state = page.pagingState();
        } while (state != null);
        assertEquals(List.of(31, 32, 21, 22, 23, 12, 13), all, "as Cassandra 5.0.6 returns them");
    }

    @Test
    void functionArgumentsTakeMarkersOfTheParameterType() {
        Result.Prepared p = prepare("SELECT intAsBlob(?), toJson(v) FROM m WHERE p = 2");
        assertEquals(new ColumnSpec("ks", "m", "[selection]", NativeType.INT), p.bindVariables().get(0));
        Result.Rows rows = select(p, List.of(i(258)), 100, null);
        assertEquals(ByteBuffer.wrap(new byte[] {0, 0, 1, 2}), rows.rows().get(0).get(0));
        assertEquals("211", StandardCharsets.UTF_8.decode(rows.rows().get(0).get(1)).toString());
        RingletException e = assertThrows(RingletException.class, () -> node.execute("SELECT ? FROM ks.m"));
        assertEquals("Cannot infer type for term ? in selection clause (try using a cast to force a type)",
                e.getMessage());
    }

    @Test
    void insertJsonTakesAMarker() {
        node.execute("CREATE TABLE ks.j (k int PRIMARY KEY, t text, n int)");
        Result.Prepared insert = prepare("INSERT INTO j JSON ? DEFAULT UNSET");
        assertEquals(new ColumnSpec("ks", "j", "[json]", NativeType.TEXT), insert.bindVariables().get(0));
        execute(insert, "{\"k\": 1, \"t\": \"a\", \"n\": 5}");
        execute(insert, "{\"k\": 1, \"n\": 6}");
        Result.Rows rows = (Result.Rows) node.execute("SELECT JSON * FROM ks.j").result();
        assertEquals("{\"k\": 1, \"n\": 6, \"t\": \"a\"}", StandardCharsets.UTF_8.decode(rows.rows().get(0).get(0))
                .toString());
        CompletionException e = assertThrows(CompletionException.class, () -> execute(insert, "{\"k\": \"x\"}"));
        assertEquals("Error decoding JSON value for k: Unable to make int from 'x'", e.getCause().getMessage());
        Result.Rows none = (Result.Rows) node.execute("SELECT JSON * FROM ks.j WHERE k = 2").result();
        assertEquals(0, none.rows().size());
        assertNull(none.pagingState());
        assertNotNull(rows.columns());
    }

    private void execute(Result.Prepared p, String json) {
        QueryOptions options = QueryOptions.of(ConsistencyLevel.ONE).withValues(BoundValues.of(
                List.of(NativeType.TEXT.decompose(json)), new BitSet()));
        node.handler.execute(node.client, p.id(), null, options).toCompletableFuture().join();
    }
}
