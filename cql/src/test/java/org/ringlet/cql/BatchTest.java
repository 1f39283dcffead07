package org.ringlet.cql;

import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BatchRequest;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Result;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.testing.CqlTestNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Protocol BATCH messages and prepared BATCH statements, as Cassandra 5.0.6 answers them. */
class BatchTest {
    private CqlTestNode node;

    @BeforeEach
    void schema() {
        node = CqlTestNode.start();
        node.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        node.execute("USE ks");
        node.execute("CREATE TABLE t (k int, c int, v int, PRIMARY KEY (k, c))");
        node.execute("CREATE TABLE cnt (k int PRIMARY KEY, n counter)");
        node.execute("CREATE TABLE kv (k int PRIMARY KEY, v int)");
    }

    private static BoundValues values(int... ints) {
        return BoundValues.of(java.util.Arrays.stream(ints).mapToObj(NativeType.INT::decompose).toList(),
                new BitSet());
    }

    private Object batch(BatchRequest.Type type, BatchRequest.Statement... statements) {
        try {
            return node.handler.batch(node.client, new BatchRequest(type, List.of(statements),
                    QueryOptions.of(ConsistencyLevel.ONE))).toCompletableFuture().join().result();
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    private byte[] prepare(String query) {
        return ((Result.Prepared) node.handler.prepare(node.client, query, null).toCompletableFuture().join()
                .result()).id();
    }

    @Test
    void mixesQueriesAndPreparedStatementsWithTheirOwnValues() {
        byte[] insert = prepare("INSERT INTO t (k, c, v) VALUES (?, ?, ?)");
        byte[] update = prepare("UPDATE t SET v = ? WHERE k = ? AND c = ?");
        assertInstanceOf(Result.Void.class, batch(BatchRequest.Type.LOGGED,
                new BatchRequest.Statement(null, insert, values(1, 1, 10)),
                new BatchRequest.Statement(null, update, values(20, 1, 2)),
                new BatchRequest.Statement("INSERT INTO t (k, c, v) VALUES (2, 1, ?)", null, values(30)),
                new BatchRequest.Statement("DELETE FROM t WHERE k = 3", null, values())));
        assertEquals(List.of(List.of(1, 1, 10), List.of(1, 2, 20), List.of(2, 1, 30)),
                node.rows("SELECT k, c, v FROM t"));
    }

    @Test
    void countersGoThroughACounterBatch() {
        byte[] incr = prepare("UPDATE cnt SET n = n + ? WHERE k = ?");
        BoundValues v = BoundValues.of(List.of(NativeType.BIGINT.decompose(5L), NativeType.INT.decompose(1)),
                new BitSet());
        assertInstanceOf(Result.Void.class, batch(BatchRequest.Type.COUNTER,
                new BatchRequest.Statement(null, incr, v), new BatchRequest.Statement(null, incr, v)));
        assertEquals(List.of(List.of(1, 10L)), node.rows("SELECT k, n FROM cnt"));
        InvalidRequestException logged = assertInstanceOf(InvalidRequestException.class,
                batch(BatchRequest.Type.LOGGED, new BatchRequest.Statement(null, incr, v)));
        assertEquals("Cannot include a counter statement in a logged batch", logged.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INSERT INTO t (k, c, v) VALUES (?, ?, ?) USING TIMESTAMP ?|0",
        "INSERT INTO t (k, c, v) VALUES (?, ?, ?) USING TTL ?|0",
        "SELECT * FROM t WHERE k IN ?|",
        "SELECT * FROM ck WHERE a IN (?, ?) AND b = ?|1,2",
        "SELECT * FROM ck WHERE a = ? AND b IN ?|",
        "SELECT * FROM t WHERE k = ? LIMIT ?|0",
        "SELECT * FROM t WHERE token(k) > ?|",
        "UPDATE t SET v = ? WHERE k IN (?, ?) AND c = ?|2",
        "SELECT * FROM t WHERE k = ? AND c IN (?, ?)|0",
        "BEGIN BATCH USING TIMESTAMP 5 INSERT INTO t (k, c, v) VALUES (?, ?, ?); APPLY BATCH|0",
        "BEGIN BATCH INSERT INTO t (k, c, v) VALUES (?, ?, ?) USING TIMESTAMP ?; APPLY BATCH|0",
        "SELECT * FROM t WHERE k = ? AND v = ? ALLOW FILTERING|0",
        "DELETE FROM ck WHERE b = ? AND a = ?|1,0"
    })
    void routingIndexesAreCassandras(String query, String indexes) {
        node.execute("CREATE TABLE IF NOT EXISTS ck (a int, b int, c int, v int, PRIMARY KEY ((a, b), c))");
        List<Integer> expected = indexes == null ? List.of()
                : java.util.Arrays.stream(indexes.split(",")).map(Integer::valueOf).toList();
        assertEquals(expected, ((Result.Prepared) node.handler.prepare(node.client, query, null)
                .toCompletableFuture().join().result()).partitionKeyIndexes());
    }

    @Test
    void onlyModificationsMayBeBatched() {
        for (String q : List.of("SELECT * FROM t", "USE ks", "TRUNCATE t")) {
            InvalidRequestException e = assertInstanceOf(InvalidRequestException.class,
                    batch(BatchRequest.Type.LOGGED, new BatchRequest.Statement(q, null, values())));
            assertEquals("Invalid statement in batch: only UPDATE, INSERT and DELETE statements are allowed.",
                    e.getMessage());
        }
    }

    @Test
    void preparedBatchHasEveryMarkerAndCassandrasRoutingIndexes() {
        Result.Prepared p = (Result.Prepared) node.handler.prepare(node.client,
                "BEGIN BATCH USING TIMESTAMP ? INSERT INTO t (k, c, v) VALUES (?, ?, ?); "
                        + "UPDATE t SET v = :vv WHERE k = :k AND c = :c; APPLY BATCH", null)
                .toCompletableFuture().join().result();
        assertEquals(List.of(new ColumnSpec("[batch]", "[batch]", "[timestamp]", NativeType.BIGINT),
                new ColumnSpec("ks", "t", "k", NativeType.INT), new ColumnSpec("ks", "t", "c", NativeType.INT),
                new ColumnSpec("ks", "t", "v", NativeType.INT), new ColumnSpec("ks", "t", "vv", NativeType.INT),
                new ColumnSpec("ks", "t", "k", NativeType.INT), new ColumnSpec("ks", "t", "c", NativeType.INT)),
                p.bindVariables());
        assertEquals(List.of(), p.partitionKeyIndexes(), "Cassandra 5.0.6 routes no batch with a timestamp marker");
        Result.Prepared routed = (Result.Prepared) node.handler.prepare(node.client,
                "BEGIN BATCH INSERT INTO t (k, c, v) VALUES (?, ?, ?); UPDATE t SET v = :vv WHERE k = :k AND c = :c; "
                        + "APPLY BATCH", null).toCompletableFuture().join().result();
        assertEquals(List.of(4), routed.partitionKeyIndexes(), "the last marker of the partition key, as Cassandra");
        List<ByteBuffer> v = List.of(NativeType.BIGINT.decompose(77L), NativeType.INT.decompose(1),
                NativeType.INT.decompose(1), NativeType.INT.decompose(1), NativeType.INT.decompose(2),
                NativeType.INT.decompose(1), NativeType.INT.decompose(2));
        node.handler.execute(node.client, p.id(), null, QueryOptions.of(ConsistencyLevel.ONE)
                .withValues(BoundValues.of(v, new BitSet()))).toCompletableFuture().join();
        assertEquals(List.of(List.of(1, 1, 1, 77L), List.of(1, 2, 2, 77L)),
                node.rows("SELECT k, c, v, writetime(v) FROM t"));
        Result.Prepared mixed = (Result.Prepared) node.handler.prepare(node.client,
                "BEGIN UNLOGGED BATCH INSERT INTO t (k, c, v) VALUES (?, 1, 1); DELETE FROM kv WHERE k = ?; "
                        + "APPLY BATCH", null).toCompletableFuture().join().result();
        assertEquals(List.of(), mixed.partitionKeyIndexes(), "tables differ: no routing");
        assertThrows(CompletionException.class, () -> node.handler.prepare(node.client,
                "BEGIN BATCH UPDATE cnt SET n = n + 1 WHERE k = ?; APPLY BATCH", null).toCompletableFuture().join());
    }
}
