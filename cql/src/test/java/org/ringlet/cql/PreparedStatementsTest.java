package org.ringlet.cql;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.error.ErrorCode;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.error.UnpreparedException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.testing.CqlTestNode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PreparedStatementsTest {
    private CqlTestNode node;

    @BeforeEach
    void schema() {
        node = CqlTestNode.start();
        node.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        node.execute("CREATE TABLE ks.t (a int, b text, c int, v text, PRIMARY KEY ((a, b), c))");
        node.execute("CREATE KEYSPACE ks2 WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        node.execute("CREATE TABLE ks2.t (a int, b text, c int, v text, PRIMARY KEY ((a, b), c))");
    }

    private Result.Prepared prepare(String query, String keyspace) {
        return (Result.Prepared) node.handler.prepare(node.client, query, keyspace).toCompletableFuture().join()
                .result();
    }

    private Response execute(byte[] id, List<ByteBuffer> values) {
        return node.handler.execute(node.client, id, null, QueryOptions.of(ConsistencyLevel.ONE)
                .withValues(BoundValues.of(values, new BitSet()))).toCompletableFuture().join();
    }

    private static byte[] md5(String s) throws Exception {
        return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void idsAreTheMd5OfKeyspaceAndQueryText() throws Exception {
        String q = "SELECT v FROM t WHERE a = ? AND b = ?";
        node.execute("USE ks");
        Result.Prepared first = prepare(q, null);
        assertArrayEquals(md5("ks" + q), first.id());
        assertArrayEquals(first.id(), prepare(q, null).id(), "the same text in the same keyspace");
        node.execute("USE ks2");
        Result.Prepared other = prepare(q, null);
        assertArrayEquals(md5("ks2" + q), other.id());
        assertFalse(java.util.Arrays.equals(first.id(), other.id()));
        assertArrayEquals(md5("ks" + q), prepare(q, "ks").id(), "a per-request keyspace counts");
        CqlTestNode restarted = node.restart();
        Result.Prepared again = (Result.Prepared) restarted.handler.prepare(restarted.client,
                "SELECT v FROM ks.t WHERE a = ? AND b = ?", null).toCompletableFuture().join().result();
        assertArrayEquals(md5("SELECT v FROM ks.t WHERE a = ? AND b = ?"), again.id(), "no keyspace: the text only");
    }

    @Test
    void bindVariablesNameTheirKeyspaceTableAndColumn() {
        Result.Prepared p = prepare("SELECT c, v FROM ks.t WHERE b = :bee AND a = ? AND c IN ? LIMIT ?", null);
        assertEquals(List.of(new ColumnSpec("ks", "t", "bee", NativeType.TEXT),
                new ColumnSpec("ks", "t", "a", NativeType.INT),
                new ColumnSpec("ks", "t", "in(c)", ListType.frozen(NativeType.INT)),
                new ColumnSpec("ks", "t", "[limit]", NativeType.INT)), p.bindVariables());
        assertEquals(List.of(1, 0), p.partitionKeyIndexes(), "marker of a, then marker of b");
        assertEquals(List.of(new ColumnSpec("ks", "t", "c", NativeType.INT),
                new ColumnSpec("ks", "t", "v", NativeType.TEXT)), p.resultColumns());
        assertArrayEquals(PreparedStatements.resultMetadataId(p.resultColumns()), p.resultMetadataId());
        Result.Prepared insert = prepare("INSERT INTO ks.t (v, c, b, a) VALUES (?, ?, ?, ?)", null);
        assertEquals(List.of(3, 2), insert.partitionKeyIndexes());
        assertEquals(List.of(), insert.resultColumns());
        assertEquals(List.of(), prepare("SELECT v FROM ks.t WHERE a = 1 AND b = ?", null).partitionKeyIndexes(),
                "not every partition key column is bound by a marker");
    }

    @Test
    void executeBindsValuesAndChecksTheirNumber() {
        Result.Prepared insert = prepare("INSERT INTO ks.t (a, b, c, v) VALUES (?, ?, ?, ?)", null);
        execute(insert.id(), List.of(NativeType.INT.decompose(1), NativeType.TEXT.decompose("x"),
                NativeType.INT.decompose(2), NativeType.TEXT.decompose("hello")));
        Result.Prepared select = prepare("SELECT v FROM ks.t WHERE a = ? AND b = ?", null);
        Result.Rows rows = (Result.Rows) execute(select.id(), List.of(NativeType.INT.decompose(1),
                NativeType.TEXT.decompose("x"))).result();
        assertEquals(List.of(List.of("hello")), CqlTestNode.values(rows));
        CompletionException e = assertThrows(CompletionException.class, () -> execute(select.id(),
                List.of(NativeType.INT.decompose(1))));
        assertEquals("Invalid amount of bind variables", e.getCause().getMessage());
        CompletionException bad = assertThrows(CompletionException.class, () -> execute(select.id(),
                List.of(NativeType.TEXT.decompose("not an int"), NativeType.TEXT.decompose("x"))));
        assertInstanceOf(InvalidRequestException.class, bad.getCause());
        assertEquals("Expected 4 or 0 byte int (10)", bad.getCause().getMessage());
    }

    @Test
    void aStaleResultMetadataIdGetsTheCurrentOne() {
        Result.Prepared select = prepare("SELECT v FROM ks.t WHERE a = 1 AND b = 'x'", null);
        QueryOptions options = QueryOptions.of(ConsistencyLevel.ONE);
        Result.Rows same = (Result.Rows) node.handler.execute(node.client, select.id(), select.resultMetadataId(),
                options).toCompletableFuture().join().result();
        assertEquals(null, same.metadataId());
        Result.Rows changed = (Result.Rows) node.handler.execute(node.client, select.id(), new byte[16], options)
                .toCompletableFuture().join().result();
        assertArrayEquals(select.resultMetadataId(), changed.metadataId());
    }

    @Test
    void unknownIdsAreUnprepared() {
        byte[] unknown = new byte[16];
        CompletionException e = assertThrows(CompletionException.class, () -> execute(unknown, List.of()));
        UnpreparedException u = assertInstanceOf(UnpreparedException.class, e.getCause());
        assertEquals(ErrorCode.UNPREPARED, u.code());
        assertEquals(ByteBuffer.wrap(unknown), u.id());
    }

    @Test
    void droppingATableForgetsItsStatements() {
        Result.Prepared p = prepare("SELECT v FROM ks2.t WHERE a = ? AND b = ?", null);
        Result.Prepared kept = prepare("SELECT v FROM ks.t WHERE a = ? AND b = ?", null);
        node.execute("DROP TABLE ks2.t");
        CompletionException e = assertThrows(CompletionException.class, () -> execute(p.id(),
                List.of(NativeType.INT.decompose(1), NativeType.TEXT.decompose("x"))));
        assertInstanceOf(UnpreparedException.class, e.getCause());
        execute(kept.id(), List.of(NativeType.INT.decompose(1), NativeType.TEXT.decompose("x")));
        CompletionException again = assertThrows(CompletionException.class, () -> node.handler.prepare(
                node.client, "SELECT v FROM ks2.t WHERE a = ? AND b = ?", null).toCompletableFuture().join(),
                "preparing again sees the table is gone");
        RingletException gone = assertInstanceOf(RingletException.class, again.getCause());
        assertEquals(ErrorCode.INVALID, gone.code());
        assertEquals("table t does not exist", gone.getMessage());
    }

    @Test
    void namedValuesAreMatchedByName() {
        node.execute("INSERT INTO ks.t (a, b, c, v) VALUES (5, 'n', 1, 'named')");
        QueryOptions options = QueryOptions.of(ConsistencyLevel.ONE).withValues(BoundValues.named(
                List.of("b", "a"), List.of(NativeType.TEXT.decompose("n"), NativeType.INT.decompose(5)),
                new BitSet()));
        Result.Rows rows = (Result.Rows) node.execute("SELECT v FROM ks.t WHERE a = :a AND b = :b", options)
                .result();
        assertEquals(List.of(List.of("named")), CqlTestNode.values(rows));
    }
}
