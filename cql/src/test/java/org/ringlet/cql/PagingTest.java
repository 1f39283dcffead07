package org.ringlet.cql;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Result;
import org.ringlet.api.ring.Token;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.testing.CqlTestNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paging through 10,000 rows: across partitions in token order, and within one partition in clustering order. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagingTest {
    private CqlTestNode node;

    /** The node the rows are written to. */
    protected CqlTestNode newNode() {
        return CqlTestNode.start();
    }

    /** Called when half the partitions are written (the LSM variant flushes there). */
    protected void halfLoaded(CqlTestNode loaded) {
    }

    @AfterAll
    void close() {
        node.close();
    }

    @BeforeAll
    void load() {
        node = newNode();
        node.execute("CREATE KEYSPACE p WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        node.execute("CREATE TABLE p.many (k int, c int, v text, PRIMARY KEY (k, c))");
        node.execute("CREATE TABLE p.wide (k int, c int, v text, PRIMARY KEY (k, c)) WITH CLUSTERING ORDER BY "
                + "(c DESC)");
        byte[] many = prepare("INSERT INTO p.many (k, c, v) VALUES (?, ?, ?)");
        byte[] wide = prepare("INSERT INTO p.wide (k, c, v) VALUES (?, ?, ?)");
        for (int k = 0; k < 1000; k++) {
            if (k == 500) {
                halfLoaded(node);
            }
            for (int c = 0; c < 10; c++) {
                insert(many, k, c, "v" + k + "_" + c);
            }
        }
        for (int c = 0; c < 10_000; c++) {
            insert(wide, 1, c, "w" + c);
        }
    }

    private byte[] prepare(String query) {
        return ((Result.Prepared) node.handler.prepare(node.client, query, null).toCompletableFuture().join()
                .result()).id();
    }

    private void insert(byte[] id, int k, int c, String v) {
        BoundValues values = BoundValues.of(List.of(NativeType.INT.decompose(k), NativeType.INT.decompose(c),
                NativeType.TEXT.decompose(v)), new java.util.BitSet());
        node.handler.execute(node.client, id, null, QueryOptions.of(ConsistencyLevel.ONE).withValues(values))
                .toCompletableFuture().join();
    }

    private List<List<ByteBuffer>> all(String query, int pageSize, List<Integer> pageSizes) {
        List<List<ByteBuffer>> rows = new ArrayList<>();
        ByteBuffer state = null;
        do {
            QueryOptions options = QueryOptions.of(ConsistencyLevel.LOCAL_ONE).withPaging(pageSize, state);
            Result.Rows page = (Result.Rows) node.execute(query, options).result();
            rows.addAll(page.rows());
            pageSizes.add(page.rows().size());
            state = page.pagingState();
        } while (state != null);
        return rows;
    }

    private static int intOf(ByteBuffer b) {
        return (Integer) NativeType.INT.compose(b);
    }

    @Test
    void pagesAcrossPartitionsInTokenOrder() {
        for (int pageSize : List.of(7, 100, 5000)) {
            List<Integer> pages = new ArrayList<>();
            List<List<ByteBuffer>> rows = all("SELECT k, c, token(k) FROM p.many", pageSize, pages);
            assertEquals(10_000, rows.size(), "page size " + pageSize);
            Set<String> seen = new HashSet<>();
            long previousToken = Long.MIN_VALUE;
            int previousK = -1;
            int previousC = -1;
            for (List<ByteBuffer> r : rows) {
                int k = intOf(r.get(0));
                int c = intOf(r.get(1));
                long token = r.get(2).getLong(r.get(2).position());
                assertTrue(seen.add(k + ":" + c), "no row twice");
                assertTrue(token >= previousToken, "token order");
                if (k == previousK) {
                    assertEquals(previousC + 1, c, "clustering order within a partition");
                } else {
                    assertEquals(0, c, "a partition starts with its first row");
                }
                previousToken = token;
                previousK = k;
                previousC = c;
            }
            for (int i = 0; i < pages.size() - 1; i++) {
                assertEquals(pageSize, pages.get(i), "full pages before the last");
            }
        }
    }

    @Test
    void pagesWithinOnePartitionInClusteringOrder() {
        List<Integer> pages = new ArrayList<>();
        List<List<ByteBuffer>> rows = all("SELECT c FROM p.wide WHERE k = 1", 333, pages);
        assertEquals(10_000, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(9_999 - i, intOf(rows.get(i).get(0)), "descending clustering order");
        }
        assertEquals(31, pages.size());
    }

    @Test
    void limitIsHonouredAcrossPages() {
        List<Integer> pages = new ArrayList<>();
        List<List<ByteBuffer>> rows = all("SELECT k, c FROM p.many LIMIT 2500", 1000, pages);
        assertEquals(2500, rows.size());
        assertEquals(List.of(1000, 1000, 500), pages);
        List<List<ByteBuffer>> unpaged = new ArrayList<>(all("SELECT k, c FROM p.many", 10_000, new ArrayList<>()));
        assertEquals(unpaged.subList(0, 2500), rows);
    }

    @Test
    void filteringPagesOverRowsThatDoNotMatch() {
        List<Integer> pages = new ArrayList<>();
        List<List<ByteBuffer>> rows = all("SELECT k, c FROM p.many WHERE c = 3 ALLOW FILTERING", 64, pages);
        assertEquals(1000, rows.size());
        rows.forEach(r -> assertEquals(3, intOf(r.get(1))));
    }

    @Test
    void aggregatesReadEveryPageAndReturnOneRow() {
        QueryOptions options = QueryOptions.of(ConsistencyLevel.ONE).withPaging(100, null);
        Result.Rows r = (Result.Rows) node.execute("SELECT count(*) FROM p.many", options).result();
        assertEquals(List.of(List.of(10_000L)), CqlTestNode.values(r));
        assertNull(r.pagingState());
        Result.Rows one = (Result.Rows) node.execute("SELECT count(*), max(c) FROM p.wide WHERE k = 1".replace(
                ", max(c)", ""), options).result();
        assertEquals(List.of(List.of(10_000L)), CqlTestNode.values(one));
    }

    @Test
    void preparedStatementsPageWithTheirValues() {
        Result.Prepared prepared = (Result.Prepared) node.handler.prepare(node.client,
                "SELECT c FROM p.wide WHERE k = ?", null).toCompletableFuture().join().result();
        BoundValues values = BoundValues.of(List.of(NativeType.INT.decompose(1)), new java.util.BitSet());
        ByteBuffer state = null;
        int total = 0;
        int pages = 0;
        do {
            QueryOptions options = new QueryOptions(ConsistencyLevel.ONE, values, false, 4000, state, null,
                    QueryOptions.NO_TIMESTAMP, null, QueryOptions.NO_NOW);
            Result.Rows page = (Result.Rows) node.handler.execute(node.client, prepared.id(), null, options)
                    .toCompletableFuture().join().result();
            total += page.rows().size();
            pages++;
            state = page.pagingState();
        } while (state != null);
        assertEquals(10_000, total);
        assertEquals(3, pages);
    }

    @Test
    void aPageThatEndsWithTheDataStillSaysThereMayBeMore() {
        QueryOptions options = QueryOptions.of(ConsistencyLevel.ONE).withPaging(10, null);
        Result.Rows page = (Result.Rows) node.execute("SELECT c FROM p.many WHERE k = 5", options).result();
        assertEquals(10, page.rows().size());
        assertNotNull(page.pagingState());
        Result.Rows next = (Result.Rows) node.execute("SELECT c FROM p.many WHERE k = 5",
                options.withPaging(10, page.pagingState())).result();
        assertEquals(0, next.rows().size());
        assertNull(next.pagingState());
        Token t = CqlTestNode.PARTITIONER.token(NativeType.INT.decompose(5));
        assertNotNull(t);
    }
}
