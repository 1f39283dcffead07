package org.ringlet.cql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.error.ErrorCode;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Result;
import org.ringlet.api.types.CqlDuration;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.testing.CqlTestNode;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** INSERT: literal forms of every type, collections, static columns, unset values, TTL and timestamps, errors. */
class InsertTest {
    private CqlTestNode node;

    @BeforeEach
    void schema() {
        node = CqlTestNode.start();
        node.execute("CREATE KEYSPACE probe1 WITH replication = {'class':'SimpleStrategy','replication_factor':1}");
        node.execute("USE probe1");
        node.execute("CREATE TABLE t (a int PRIMARY KEY, b text)");
        node.execute("CREATE TABLE c (p1 int, p2 text, c1 int, c2 text, v int, s int static, "
                + "PRIMARY KEY ((p1,p2),c1,c2))");
        node.execute("CREATE TABLE ty (k int PRIMARY KEY, a ascii, bi bigint, bl blob, bo boolean, de decimal, "
                + "do double, fl float, i int, ts timestamp, u uuid, tu timeuuid, vi varint, ine inet, da date, "
                + "ti time, si smallint, tt tinyint, du duration, te text)");
        node.execute("CREATE TABLE coll (k int PRIMARY KEY, s set<text>, l list<int>, m map<text, int>, "
                + "fs frozen<set<int>>, fm frozen<map<int, text>>)");
    }

    @Test
    void everyNativeTypeFromItsLiteral() throws Exception {
        node.execute("INSERT INTO ty (k, a, bi, bl, bo, de, do, fl, i, ts, u, tu, vi, ine, da, ti, si, tt, du, te) "
                + "VALUES (2, 'ascii', 9223372036854775807, 0xCAFE, true, 1.50, 2.5e-3, 1.5, -7, "
                + "'2024-01-02 03:04:05.678+0100', 123e4567-e89b-42d3-a456-426614174000, "
                + "50554d6e-29bb-11e5-b345-feff819cdc9f, 123456789012345678901234567890, '::1', '2024-02-29', "
                + "'12:34:56.123456789', 32767, -128, 1h2m3s4ms5us6ns, 'ünïcode')");
        List<Object> r = node.rows("SELECT a, bi, bl, bo, de, do, fl, i, ts, u, tu, vi, ine, da, ti, si, tt, du, te "
                + "FROM ty WHERE k = 2").get(0);
        assertEquals("ascii", r.get(0));
        assertEquals(Long.MAX_VALUE, r.get(1));
        assertEquals(java.nio.ByteBuffer.wrap(new byte[] {(byte) 0xCA, (byte) 0xFE}), r.get(2));
        assertEquals(true, r.get(3));
        assertEquals(new BigDecimal("1.50"), r.get(4));
        assertEquals(0.0025, r.get(5));
        assertEquals(1.5f, r.get(6));
        assertEquals(-7, r.get(7));
        assertEquals(Instant.parse("2024-01-02T02:04:05.678Z"), r.get(8));
        assertEquals(java.util.UUID.fromString("123e4567-e89b-42d3-a456-426614174000"), r.get(9));
        assertEquals(new BigInteger("123456789012345678901234567890"), r.get(11));
        assertEquals(InetAddress.getByName("::1"), r.get(12));
        assertEquals(LocalDate.of(2024, 2, 29), r.get(13));
        assertEquals(45296123456789L, r.get(14));
        assertEquals((short) 32767, r.get(15));
        assertEquals((byte) -128, r.get(16));
        assertEquals(new CqlDuration(0, 0, 3723004005006L), r.get(17));
        assertEquals("ünïcode", r.get(18));
        node.execute("INSERT INTO ty (k, ts, da, ti) VALUES (3, 1700000000000, 0, 1000)");
        assertEquals(List.of(Instant.ofEpochMilli(1700000000000L), LocalDate.ofEpochDay(-(1L << 31)), 1000L),
                node.rows("SELECT ts, da, ti FROM ty WHERE k = 3").get(0));
        node.execute("INSERT INTO ty (k, ts) VALUES (4, '2024-01-02')");
        assertEquals(List.of(Instant.parse("2024-01-02T00:00:00Z")), node.rows("SELECT ts FROM ty WHERE k = 4").get(0));
    }

    @Test
    void collectionsFrozenAndNot() {
        node.execute("INSERT INTO coll (k, s, l, m, fs, fm) VALUES (1, {'b', 'a', 'b'}, [3, 1, 3], "
                + "{'x': 1, 'a': 2}, {3, 1}, {2: 'two', 1: 'one'})");
        List<Object> r = node.rows("SELECT s, l, m, fs, fm FROM coll WHERE k = 1").get(0);
        assertEquals(List.of("a", "b"), List.copyOf((Set<?>) r.get(0)));
        assertEquals(List.of(3, 1, 3), r.get(1));
        assertEquals(List.of("a", "x"), List.copyOf(((Map<?, ?>) r.get(2)).keySet()));
        assertEquals(List.of(1, 3), List.copyOf((Set<?>) r.get(3)));
        assertEquals(Map.of(1, "one", 2, "two"), r.get(4));
        node.execute("INSERT INTO coll (k, s, l) VALUES (1, {'c'}, [])");
        List<Object> replaced = node.rows("SELECT s, l, m FROM coll WHERE k = 1").get(0);
        assertEquals(Set.of("c"), replaced.get(0), "setting a collection replaces it");
        assertEquals(null, replaced.get(1), "an empty collection is null");
        assertEquals(2, ((Map<?, ?>) replaced.get(2)).size(), "other collections are kept");
    }

    @Test
    void staticOnlyInsertAndUnsetValues() {
        node.execute("INSERT INTO c (p1,p2,s) VALUES (9,'a',5)");
        assertEquals(List.of(List.of(9, "a", 5)), node.rows("SELECT p1, p2, s FROM c WHERE p1 = 9 AND p2 = 'a'"));
        node.execute("INSERT INTO t (a, b) VALUES (1, 'kept')");
        Result.Prepared p = (Result.Prepared) node.handler.prepare(node.client, "INSERT INTO t (a, b) VALUES (?, ?)",
                null).toCompletableFuture().join().result();
        BitSet unset = new BitSet();
        unset.set(1);
        java.util.ArrayList<java.nio.ByteBuffer> values = new java.util.ArrayList<>();
        values.add(NativeType.INT.decompose(1));
        values.add(null);
        node.handler.execute(node.client, p.id(), null, QueryOptions.of(ConsistencyLevel.ONE)
                .withValues(BoundValues.of(values, unset))).toCompletableFuture().join();
        assertEquals(List.of(List.of(1, "kept")), node.rows("SELECT * FROM t WHERE a = 1"), "unset leaves b alone");
        node.handler.execute(node.client, p.id(), null, QueryOptions.of(ConsistencyLevel.ONE)
                .withValues(BoundValues.of(values, new BitSet()))).toCompletableFuture().join();
        java.util.List<Object> nulled = new java.util.ArrayList<>();
        nulled.add(1);
        nulled.add(null);
        assertEquals(List.of(nulled), node.rows("SELECT * FROM t WHERE a = 1"), "null deletes b, the row stays");
    }

    @Test
    void clientTimestampsAndUsingTimestampDecideWhoWins() {
        QueryOptions at100 = new QueryOptions(ConsistencyLevel.ONE, BoundValues.none(), false, -1, null, null, 100L,
                null, QueryOptions.NO_NOW);
        node.execute("INSERT INTO t (a, b) VALUES (5, 'new') USING TIMESTAMP 200");
        node.execute("INSERT INTO t (a, b) VALUES (5, 'old')", at100);
        assertEquals(List.of(List.of("new", 200L)), node.rows("SELECT b, writetime(b) FROM t WHERE a = 5"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INVALID|Invalid STRING constant (x) for \"a\" of type int|INSERT INTO t (a, b) VALUES ('x', 'x')",
        "INVALID|Undefined column name c in table probe1.t|INSERT INTO t (a, c) VALUES (1, 'x')",
        "INVALID|Some partition key parts are missing: a|INSERT INTO t (b) VALUES ('x')",
        "INVALID|Invalid null value in condition for column a|INSERT INTO t (a,b) VALUES (null,'x')",
        "INVALID|The column names contains duplicates|INSERT INTO t (a,b,b) VALUES (1,'x','y')",
        "INVALID|Unmatched column names/values|INSERT INTO t (a,b) VALUES (1)",
        "INVALID|Some clustering keys are missing: c2|INSERT INTO c (p1,p2,c1,v) VALUES (1,'a',1,5)",
        "INVALID|Invalid null value in condition for column c1|INSERT INTO c (p1,p2,c1,c2) VALUES (1,'a',null,'x')",
        "INVALID|A TTL must be greater or equal to 0, but was -1|INSERT INTO t (a,b) VALUES (1,'x') USING TTL -1",
        "INVALID|ttl is too large. requested (999999999) maximum (630720000)|INSERT INTO t (a,b) VALUES (1,'x') USING TTL 999999999",
        "INVALID|Unable to make int from '99999999999'|INSERT INTO ty (k, i) VALUES (1, 99999999999)",
        "INVALID|Unable to make long from '99999999999999999999'|INSERT INTO ty (k, bi) VALUES (1, 99999999999999999999)",
        "INVALID|Unable to make short from '70000'|INSERT INTO ty (k, si) VALUES (1, 70000)",
        "INVALID|Unable to make byte from '300'|INSERT INTO ty (k, tt) VALUES (1, 300)",
        "INVALID|Invalid STRING constant (true) for \"bo\" of type boolean|INSERT INTO ty (k, bo) VALUES (1, 'true')",
        "INVALID|Unable to parse a date/time from 'notadate'|INSERT INTO ty (k, ts) VALUES (1, 'notadate')",
        "INVALID|Unable to coerce 'notadate' to a formatted date (long)|INSERT INTO ty (k, da) VALUES (1, 'notadate')",
        "INVALID|(TimeType) Unable to coerce 'nottime' to a formatted time (long)|INSERT INTO ty (k, ti) VALUES (1, 'nottime')",
        "INVALID|Unable to make inet address from 'nothost'|INSERT INTO ty (k, ine) VALUES (1, 'nothost')",
        "INVALID|TimeUUID supports only version 1 UUIDs|INSERT INTO ty (k, tu) VALUES (1, 123e4567-e89b-42d3-a456-426614174000)",
        "INVALID|Invalid STRING constant (x) for \"du\" of type duration|INSERT INTO ty (k, du) VALUES (1, 'x')",
        "INVALID|cannot parse 'abc' as hex bytes|INSERT INTO ty (k, bl) VALUES (1, 0xabc)",
        "INVALID|Invalid FLOAT constant (1.5) for \"i\" of type int|INSERT INTO ty (k, i) VALUES (1, 1.5)",
        "INVALID|Unable to convert '5' to a duration|INSERT INTO ty (k, du) VALUES (3, 5)",
        "INVALID|Modification is not supported by table system_virtual_schema.keyspaces|INSERT INTO system_virtual_schema.keyspaces (keyspace_name) VALUES ('x')",
        "INVALID|Unexpected receiver type 'set<text>'; only list and vector are expected|INSERT INTO coll (k, s) VALUES (1, ['a'])",
        "INVALID|null is not supported inside collections|INSERT INTO coll (k, l) VALUES (1, [1, null])"
    })
    void errorsAreCassandras(ErrorCode code, String message, String statement) {
        RingletException e = node.error(statement);
        assertEquals(message, e.getMessage(), statement);
        assertEquals(code, e.code(), statement);
    }
}
