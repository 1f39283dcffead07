package org.ringlet.cql;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.error.ErrorCode;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Result;
import org.ringlet.api.types.CollectionCodec;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.SetType;
import org.ringlet.cql.testing.CqlTestNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Element and slice selection of sets and maps ({@code m[?]}, {@code s[?..?]}) with bind markers: the markers'
 * names and types, null and unset values (an unset slice bound is an open bound, as in Cassandra 5.0), writetime of
 * an element, and the lexing of {@code 1..3}. The literal forms are compared with Cassandra 5.0.6 in the
 * conformance scenario {@code 17_collection_selection}.
 */
class CollectionSelectionTest {
    private CqlTestNode node;

    @BeforeEach
    void data() {
        node = CqlTestNode.start();
        node.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        node.execute("CREATE TABLE ks.e (k int PRIMARY KEY, s set<int>, m map<text, int>, fs frozen<set<int>>, "
                + "f float)");
        node.execute("INSERT INTO ks.e (k, s, m, fs, f) VALUES (1, {1, 3, 5, 7}, {'a': 1, 'c': 3, 'e': 5}, "
                + "{2, 4}, 1.) USING TIMESTAMP 1000");
        node.execute("UPDATE ks.e USING TIMESTAMP 2000 SET m['c'] = 30 WHERE k = 1");
    }

    @AfterEach
    void close() {
        node.close();
    }

    private Result.Prepared prepare(String query) {
        return (Result.Prepared) node.handler.prepare(node.client, query, "ks").toCompletableFuture().join()
                .result();
    }

    private Result.Rows select(Result.Prepared p, int... unset) {
        return select(p, Arrays.asList(new ByteBuffer[p.bindVariables().size()]), unset);
    }

    private Result.Rows select(Result.Prepared p, List<ByteBuffer> values, int... unset) {
        BitSet u = new BitSet();
        for (int i : unset) {
            u.set(i);
        }
        QueryOptions options = QueryOptions.of(ConsistencyLevel.ONE).withValues(BoundValues.of(values, u));
        return (Result.Rows) node.handler.execute(node.client, p.id(), null, options).toCompletableFuture().join()
                .result();
    }

    private static ByteBuffer i(int v) {
        return NativeType.INT.decompose(v);
    }

    private static ByteBuffer t(String v) {
        return NativeType.TEXT.decompose(v);
    }

    private static ByteBuffer ints(int... values) {
        return CollectionCodec.packCollection(Arrays.stream(values).mapToObj(CollectionSelectionTest::i).toList(),
                values.length);
    }

    @Test
    void markersAreNamedAfterTheKeyOrElementTheySelect() {
        Result.Prepared p = prepare("SELECT m[?], s[?..?], s[..?] FROM e WHERE k = ?");
        assertEquals(List.of(new ColumnSpec("ks", "e", "key(m)", NativeType.TEXT),
                new ColumnSpec("ks", "e", "value(s)", NativeType.INT),
                new ColumnSpec("ks", "e", "value(s)", NativeType.INT),
                new ColumnSpec("ks", "e", "value(s)", NativeType.INT),
                new ColumnSpec("ks", "e", "k", NativeType.INT)), p.bindVariables());
        assertEquals(List.of(new ColumnSpec("ks", "e", "m[?]", NativeType.INT),
                new ColumnSpec("ks", "e", "s[?..?]", SetType.of(NativeType.INT)),
                new ColumnSpec("ks", "e", "s[..?]", SetType.of(NativeType.INT))), p.resultColumns());

        Result.Rows rows = select(p, List.of(t("c"), i(2), i(5), i(3), i(1)));
        assertEquals(List.of(List.of(i(30), ints(3, 5), ints(1, 3))), rows.rows());
        Result.Rows absent = select(p, List.of(t("b"), i(8), i(9), i(0), i(1)));
        assertEquals(Arrays.asList(null, null, null), absent.rows().get(0), "nothing selected is null");
    }

    @Test
    void anUnsetSliceBoundIsOpenAndNullIsRefused() {
        Result.Prepared slice = prepare("SELECT s[?..?], fs[?..?] FROM e WHERE k = 1");
        assertEquals(List.of(List.of(ints(5, 7), ints(2, 4))), select(slice,
                Arrays.asList(i(4), null, null, null), 1, 2, 3).rows());
        assertEquals(List.of(List.of(ints(1, 3, 5, 7), ints(2, 4))), select(slice, 0, 1, 2, 3).rows());
        assertEquals(List.of(Arrays.asList(null, ints())), select(slice, List.of(i(9), i(9), i(9), i(9))).rows(),
                "an empty slice of a frozen set is an empty set; of a non-frozen one, null");

        CompletionException nullBound = assertThrows(CompletionException.class,
                () -> select(slice, Arrays.asList(null, i(3), i(1), i(3))));
        RingletException e = assertInstanceOf(RingletException.class, nullBound.getCause());
        assertEquals(ErrorCode.INVALID, e.code());
        assertEquals("Invalid null value for slice selection on s", e.getMessage());

        Result.Prepared element = prepare("SELECT m[?] FROM e WHERE k = 1");
        assertEquals("Invalid null value for element selection on m", assertThrows(CompletionException.class,
                () -> select(element, Arrays.asList((ByteBuffer) null))).getCause().getMessage());
        assertEquals("Invalid unset value for element selection on m", assertThrows(CompletionException.class,
                () -> select(element, 0)).getCause().getMessage());
    }

    @Test
    void writetimeAndTtlOfElementsAndSlices() {
        Result.Prepared p = prepare("SELECT writetime(m[?]), writetime(m[?..]), maxwritetime(s[..?]), ttl(m[?]) "
                + "FROM e WHERE k = 1");
        assertEquals(List.of("writetime(m[?])", "writetime(m[?..])", "maxwritetime(s[..?])", "ttl(m[?])"),
                p.resultColumns().stream().map(ColumnSpec::name).toList());
        assertEquals(List.of(NativeType.BIGINT, ListType.of(NativeType.BIGINT), NativeType.BIGINT, NativeType.INT),
                p.resultColumns().stream().map(ColumnSpec::type).toList());
        Result.Rows rows = select(p, List.of(t("c"), t("b"), i(3), t("a")));
        ByteBuffer stamps = CollectionCodec.packCollection(List.of(NativeType.BIGINT.decompose(2000L),
                NativeType.BIGINT.decompose(1000L)), 2);
        assertEquals(Arrays.asList(NativeType.BIGINT.decompose(2000L), stamps, NativeType.BIGINT.decompose(1000L),
                null), rows.rows().get(0));
        Result.Rows none = select(p, List.of(t("x"), t("z"), i(0), t("x")));
        assertEquals(Arrays.asList(null, null, null, null), none.rows().get(0));
    }

    @Test
    void rangesLexAsSlicesAndFloatsStayFloats() {
        Result.Rows rows = (Result.Rows) node.execute("SELECT s[1..3], s[3..], f FROM ks.e WHERE k = 1").result();
        assertEquals(List.of(List.of(ints(1, 3), ints(3, 5, 7), NativeType.FLOAT.decompose(1.0f))), rows.rows());
        assertEquals(List.of("s[1..3]", "s[3..]", "f"), rows.columns().stream().map(ColumnSpec::name).toList());
        RingletException open = assertThrows(RingletException.class,
                () -> node.execute("SELECT s[..] FROM ks.e WHERE k = 1"));
        assertEquals(ErrorCode.SYNTAX_ERROR, open.code(), "a slice names at least one bound, as in Cassandra");
        assertNull(((Result.Rows) node.execute("SELECT m['zz'] FROM ks.e WHERE k = 1").result()).rows().get(0)
                .get(0));
        assertEquals(MapType.of(NativeType.TEXT, NativeType.INT), ((Result.Rows) node.execute(
                "SELECT m['a'..'b'] FROM ks.e WHERE k = 1").result()).columns().get(0).type());
    }
}
