package org.ringlet.cql;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ringlet.api.error.ErrorCode;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.cql.testing.CqlTestNode;
import org.ringlet.cql.testing.DriverFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SELECT restrictions, selectors and their errors, as Cassandra 5.0.6 answers them. */
class SelectTest {
    private CqlTestNode node;

    @BeforeEach
    void data() {
        node = CqlTestNode.start();
        node.execute("CREATE KEYSPACE probe1 WITH replication = {'class':'SimpleStrategy','replication_factor':1}");
        node.execute("CREATE TABLE probe1.t (a int PRIMARY KEY, b text)");
        node.execute("CREATE TABLE probe1.c (p1 int, p2 text, c1 int, c2 text, v int, s int static, "
                + "PRIMARY KEY ((p1,p2),c1,c2))");
        for (int a = 1; a <= 4; a++) {
            node.execute("INSERT INTO probe1.t (a, b) VALUES (" + a + ", '" + "xyzw".charAt(a - 1) + "')");
        }
        node.execute("INSERT INTO probe1.c (p1,p2,c1,c2,v) VALUES (1,'a',1,'x',10)");
        node.execute("INSERT INTO probe1.c (p1,p2,c1,c2,v) VALUES (1,'a',2,'y',20)");
        node.execute("INSERT INTO probe1.c (p1,p2,s) VALUES (9,'a',5)");
    }

    private List<String> printed(String query) {
        return DriverFormat.response(node.execute(query));
    }

    @Test
    void tokenAndInRestrictionsFollowCassandrasOrder() {
        assertEquals(List.of("columns: a int, system.token(a) bigint",
                "row: 1 | -4069959284402364209", "row: 2 | -3248873570005575792", "row: 4 | -2729420104000364805",
                "row: 3 | 9010454139840013625", "(4 rows)"), printed("SELECT a, token(a) FROM probe1.t"));
        assertEquals(List.of("columns: a int, system.token(a) bigint",
                "row: 1 | -4069959284402364209", "row: 2 | -3248873570005575792", "row: 3 | 9010454139840013625",
                "row: 4 | -2729420104000364805", "(4 rows)"),
                printed("SELECT a, token(a) FROM probe1.t WHERE a IN (4,3,2,1)"), "IN keys in value order");
        assertEquals(List.of("columns: a int, b varchar", "row: 2 | 'y'", "row: 4 | 'w'", "row: 3 | 'z'", "(3 rows)"),
                printed("SELECT * FROM probe1.t WHERE token(a) > -4069959284402364209"));
        assertEquals(List.of("columns: a int, b varchar", "row: 1 | 'x'", "row: 2 | 'y'", "row: 4 | 'w'",
                "row: 3 | 'z'", "(4 rows)"), printed("SELECT * FROM probe1.t WHERE token(a) >= -4069959284402364209"));
        assertEquals(List.of("columns: a int, b varchar", "(0 rows)"),
                printed("SELECT * FROM probe1.t WHERE token(a) = 5"));
        assertEquals(List.of("columns: system.token(1) bigint", "row: -4069959284402364209", "(1 rows)"),
                printed("SELECT token(1) FROM probe1.t LIMIT 1"));
    }

    @Test
    void clusteringSlicesAndStaticRows() {
        assertEquals(List.of("columns: p1 int, p2 varchar, c1 int, c2 varchar, s int, v int",
                "row: 1 | 'a' | 2 | 'y' | null | 20", "(1 rows)"),
                printed("SELECT * FROM probe1.c WHERE p1 = 1 AND p2 = 'a' AND c1 > 1"));
        assertEquals(2, node.rows("SELECT * FROM probe1.c WHERE p1 = 1 AND p2 = 'a' AND c1 > 0 AND c1 < 5").size());
        assertEquals(1, node.rows("SELECT * FROM probe1.c WHERE p1 = 1 AND p2 = 'a' AND c1 IN (1,2) AND c2 = 'x'")
                .size());
        assertEquals(List.of("columns: p1 int, p2 varchar, c1 int, c2 varchar, s int, v int",
                "row: 9 | 'a' | null | null | 5 | null", "(1 rows)"),
                printed("SELECT * FROM probe1.c WHERE p1=9 AND p2='a'"), "a partition with only static values");
        assertEquals(List.of("columns: p1 int, p2 varchar, c1 int, c2 varchar, s int, v int",
                "row: 1 | 'a' | 1 | 'x' | null | 10", "(1 rows)"),
                printed("SELECT * FROM probe1.c WHERE p1 = 1 AND p2 = 'a' AND c1 = 1 AND v > 1 ALLOW FILTERING"));
        assertEquals(List.of("columns: p1 int, p2 varchar, c1 int, c2 varchar, s int, v int",
                "row: 1 | 'a' | 2 | 'y' | null | 20", "(1 rows)"),
                printed("SELECT * FROM probe1.c WHERE c2 = 'y' ALLOW FILTERING"));
        assertEquals(2, node.rows("SELECT * FROM probe1.c WHERE v IN (10, 20) ALLOW FILTERING").size());
        assertEquals(3, node.rows("SELECT * FROM probe1.c WHERE p1 > 0 ALLOW FILTERING").size());
    }

    @Test
    void aggregatesNamesAndWarnings() {
        Response count = node.execute("SELECT count(*) FROM probe1.t");
        assertEquals(List.of("columns: count bigint", "row: 4", "(1 rows)"), DriverFormat.response(count));
        assertEquals(List.of("Aggregation query used without partition key"), count.warnings());
        assertEquals(List.of("columns: count bigint, a int", "row: 4 | 1", "(1 rows)"),
                printed("SELECT count(*), a FROM probe1.t"));
        assertEquals(List.of("columns: count bigint", "row: 4", "(1 rows)"), printed("SELECT count(1) FROM probe1.t"));
        assertEquals(List.of("columns: system.count(b) bigint", "row: 4", "(1 rows)"),
                printed("SELECT count(b) FROM probe1.t"));
        assertEquals(List.of("columns: c bigint", "row: 4", "(1 rows)"), printed("SELECT COUNT(*) AS c FROM probe1.t"));
        assertEquals(List.of("columns: b varchar, count bigint", "row: null | 0", "(1 rows)"),
                printed("SELECT b, count(*) FROM probe1.t WHERE a = 99"));
        Response in = node.execute("SELECT count(*) FROM probe1.t WHERE a IN ()");
        assertEquals(List.of("columns: count bigint", "row: 0", "(1 rows)"), DriverFormat.response(in));
        assertEquals(List.of("Aggregation query used on multiple partition keys (IN restriction)"), in.warnings());
        assertEquals(List.of("columns: a int, b varchar", "(0 rows)"), printed("SELECT * FROM probe1.t WHERE a IN ()"));
        assertEquals(List.of("columns: foo int, b varchar", "row: 1 | 'x'", "(1 rows)"),
                printed("SELECT a AS foo, b FROM probe1.t WHERE a = 1"));
        Result.Rows dup = (Result.Rows) node.execute("SELECT a, b, a FROM probe1.t WHERE a = 1").result();
        assertEquals(List.of("a", "b", "a"), dup.columns().stream().map(ColumnSpec::name).toList());
    }

    @Test
    void writetimeAndTtl() {
        node.execute("INSERT INTO probe1.t (a, b) VALUES (7, 'q') USING TTL 100 AND TIMESTAMP 1234");
        assertEquals(List.of(List.of(1234L, 100)), node.rows("SELECT writetime(b), ttl(b) FROM probe1.t WHERE a = 7"));
        node.clock.advance(java.time.Duration.ofSeconds(40));
        assertEquals(List.of(List.of(60)), node.rows("SELECT ttl(b) FROM probe1.t WHERE a = 7"));
        node.clock.advance(java.time.Duration.ofSeconds(60));
        assertEquals(List.of(), node.rows("SELECT * FROM probe1.t WHERE a = 7"), "expired");
        Result.Rows names = (Result.Rows) node.execute("SELECT writetime(b), ttl(b) FROM probe1.t WHERE a = 1")
                .result();
        assertEquals(List.of("writetime(b)", "ttl(b)"), names.columns().stream().map(ColumnSpec::name).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INVALID|keyspace nosuch does not exist|SELECT * FROM nosuch.t",
        "INVALID|table nosuch does not exist|SELECT * FROM probe1.nosuch",
        "INVALID|No keyspace has been specified. USE a keyspace, or explicitly specify keyspace.tablename|SELECT * FROM t",
        "INVALID|Type error: b cannot be passed as argument 0 of function system.token of type int|SELECT token(b) FROM probe1.t",
        "INVALID|Invalid number of arguments in call to function system.token: 1 required but 2 provided|SELECT token(a, a) FROM probe1.t",
        "INVALID|Type error: 'x' cannot be passed as argument 0 of function system.token of type int|SELECT token('x') FROM probe1.t",
        "INVALID|Unknown function 'foo'|SELECT foo(a) FROM probe1.t",
        "INVALID|Unknown function 'system.foo'|SELECT system.foo(a) FROM probe1.t",
        "INVALID|Unknown function 'probe1.foo'|SELECT probe1.foo(a) FROM probe1.t",
        "INVALID|Invalid number of arguments in call to function system.count: 1 required but 2 provided|SELECT count(b, a) FROM probe1.t",
        "INVALID|Invalid number of arguments in call to function system.count: 1 required but 0 provided|SELECT count() FROM probe1.t",
        "INVALID|Cannot infer type for term 1 in selection clause (try using a cast to force a type)|SELECT 1 FROM probe1.t LIMIT 1",
        "INVALID|Cannot infer type for term 'x' in selection clause (try using a cast to force a type)|SELECT 'x' AS y, a FROM probe1.t LIMIT 1",
        "INVALID|Cannot use selection function writetime on PRIMARY KEY part a|SELECT writetime(a) FROM probe1.t",
        "INVALID|Cannot execute this query as it might involve data filtering and thus may have unpredictable performance. If you want to execute this query despite the performance unpredictability, use ALLOW FILTERING|SELECT * FROM probe1.t WHERE b = 'x'",
        "INVALID|Cannot execute this query as it might involve data filtering and thus may have unpredictable performance. If you want to execute this query despite the performance unpredictability, use ALLOW FILTERING|SELECT * FROM probe1.t WHERE a > 1",
        "INVALID|Cannot execute this query as it might involve data filtering and thus may have unpredictable performance. If you want to execute this query despite the performance unpredictability, use ALLOW FILTERING|SELECT * FROM probe1.c WHERE p1 = 1",
        "INVALID|Cannot execute this query as it might involve data filtering and thus may have unpredictable performance. If you want to execute this query despite the performance unpredictability, use ALLOW FILTERING|SELECT * FROM probe1.c WHERE c1 = 1",
        "INVALID|Cannot execute this query as it might involve data filtering and thus may have unpredictable performance. If you want to execute this query despite the performance unpredictability, use ALLOW FILTERING|SELECT * FROM probe1.c WHERE p1 = 1 AND p2 = 'a' AND s = 1",
        "INVALID|Cannot execute this query as it might involve data filtering and thus may have unpredictable performance. If you want to execute this query despite the performance unpredictability, use ALLOW FILTERING|SELECT * FROM probe1.c WHERE p1 = 1 AND p2 = 'a' AND v = 10",
        "INVALID|PRIMARY KEY column \"c2\" cannot be restricted as preceding column \"c1\" is not restricted|SELECT * FROM probe1.c WHERE p1 = 1 AND p2 = 'a' AND c2 = 'x'",
        "INVALID|Clustering column \"c2\" cannot be restricted (preceding column \"c1\" is restricted by a non-EQ relation)|SELECT * FROM probe1.c WHERE p1 = 1 AND p2 = 'a' AND c1 > 0 AND c2 = 'x'",
        "INVALID|c1 cannot be restricted by more than one relation if it includes an Equal|SELECT * FROM probe1.c WHERE p1 = 1 AND p2 = 'a' AND c1 = 1 AND c1 = 2",
        "INVALID|a cannot be restricted by more than one relation if it includes an Equal|SELECT * FROM probe1.t WHERE a = 1 AND a = 2",
        "INVALID|More than one restriction was found for the start bound on c1|SELECT * FROM probe1.c WHERE p1 = 1 AND p2 = 'a' AND c1 > 1 AND c1 > 2",
        "INVALID|Undefined column name nosuch in table probe1.c|SELECT * FROM probe1.c WHERE p1 = 1 AND p2 = 'a' AND nosuch = 10",
        "INVALID|Undefined column name nosuch in table probe1.c|SELECT nosuch FROM probe1.c",
        "INVALID|The token() function must be applied to all partition key components or none of them|SELECT * FROM probe1.c WHERE token(p1) > 0",
        "INVALID|The token function arguments must be in the partition key order: p1, p2|SELECT * FROM probe1.c WHERE token(p2, p1) > 0",
        "INVALID|Unsupported \"!=\" relation: c1 != 1|SELECT * FROM probe1.c WHERE p1 = 1 AND p2 = 'a' AND c1 != 1",
        "INVALID|Unsupported \"!=\" relation: v != 10|SELECT * FROM probe1.c WHERE v != 10 ALLOW FILTERING",
        "INVALID|Unsupported restriction: v IS NOT NULL|SELECT * FROM probe1.c WHERE v IS NOT NULL",
        "INVALID|Invalid null value in condition for column p1|SELECT * FROM probe1.c WHERE p1 = null AND p2 = 'a'",
        "INVALID|Invalid null value in condition for column c1|SELECT * FROM probe1.c WHERE p1 = 1 AND p2 = 'a' AND c1 = null",
        "INVALID|LIMIT must be strictly positive|SELECT * FROM probe1.t LIMIT 0",
        "INVALID|LIMIT must be strictly positive|SELECT * FROM probe1.t LIMIT -1",
        "SYNTAX_ERROR|line 1:38 no viable alternative at input 'IN' (....t WHERE token(a) [IN]...)|SELECT * FROM probe1.t WHERE token(a) IN (5)",
        "INVALID|Invalid STRING constant (x) for \"a\" of type int|SELECT * FROM probe1.t WHERE a = 'x'",
        "INVALID|Type error: cannot assign result of function system.token (type bigint) to a (type int)|SELECT * FROM probe1.t WHERE a = token(1)"
    })
    void errorsAreCassandras(ErrorCode code, String message, String statement) {
        RingletException e = node.error(statement);
        assertEquals(message, e.getMessage(), statement);
        assertEquals(code, e.code(), statement);
    }
}
