package org.ringlet.cql.parser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ringlet.api.error.ErrorCode;
import org.ringlet.api.error.SyntaxException;
import org.ringlet.cql.ast.Operator;
import org.ringlet.cql.ast.QualifiedName;
import org.ringlet.cql.ast.RawRelation;
import org.ringlet.cql.ast.RawSelectable;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.ast.RawTerm;
import org.ringlet.cql.ast.RawType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CqlParsersTest {

    private static RawStatement parse(String q) {
        return CqlParsers.parse(q).statement();
    }

    private static String syntaxError(String q) {
        SyntaxException e = assertThrows(SyntaxException.class, () -> CqlParsers.parse(q));
        assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
        return e.getMessage();
    }

    @Test
    void keywordsAreCaseInsensitiveAndIdentifiersFoldToLowerCase() {
        RawStatement.Select s = (RawStatement.Select) parse("select * FROM CityInfo.Users WHERE City = 'Karachi'");
        assertEquals(new QualifiedName("cityinfo", "users"), s.table());
        assertTrue(s.selectsAll());
        RawRelation.Single r = (RawRelation.Single) s.where().get(0);
        assertEquals("city", r.column());
        assertEquals(Operator.EQ, r.operator());
        assertEquals(new RawTerm.Literal(RawTerm.LiteralKind.STRING, "Karachi"), r.value());
    }

    @Test
    void quotedIdentifiersKeepTheirCase() {
        RawStatement.Use u = (RawStatement.Use) parse("USE \"CityInfo\"");
        assertEquals("CityInfo", u.keyspace());
        RawStatement.Use v = (RawStatement.Use) parse("use \"a\"\"b\";");
        assertEquals("a\"b", v.keyspace());
    }

    @Test
    void unreservedKeywordsAreIdentifiers() {
        RawStatement.Select s = (RawStatement.Select) parse("SELECT * FROM system.local WHERE key='local'");
        assertEquals("key", ((RawRelation.Single) s.where().get(0)).column());
        RawStatement.Select t = (RawStatement.Select) parse("SELECT type, kind, count, ttl, values FROM t");
        assertEquals(5, t.selectors().size());
        assertEquals(new RawSelectable.Column("count"), t.selectors().get(2).selectable());
    }

    @Test
    void trailingSemicolonsAndComments() {
        parse("SELECT * FROM t;");
        parse("SELECT * FROM t;;");
        parse("SELECT * /* all */ FROM t -- trailing\n");
        parse("SELECT * FROM t // trailing");
    }

    @Test
    void selectorsFunctionsAliasesAndCount() {
        RawStatement.Select s = (RawStatement.Select) parse(
                "SELECT token(username), count(*), name AS n, system.token(a, b) FROM users LIMIT 10 ALLOW FILTERING");
        List<RawStatement.Selector> sel = s.selectors();
        assertEquals(new RawSelectable.FunctionCall(QualifiedName.of("token"),
                List.of(new RawSelectable.Column("username"))), sel.get(0).selectable());
        assertInstanceOf(RawSelectable.CountStar.class, sel.get(1).selectable());
        assertEquals("n", sel.get(2).alias());
        assertEquals(new QualifiedName("system", "token"),
                ((RawSelectable.FunctionCall) sel.get(3).selectable()).function());
        assertEquals(new RawTerm.Literal(RawTerm.LiteralKind.INTEGER, "10"), s.limit());
        assertTrue(s.allowFiltering());
    }

    @Test
    void bindMarkersAreNumberedInOrderOfAppearance() {
        ParsedStatement p = CqlParsers.parse(
                "SELECT * FROM t WHERE a = ? AND b IN (:x, ?) AND c > :y LIMIT ?");
        assertEquals(List.of(new RawTerm.Marker(0, null), new RawTerm.Marker(1, "x"), new RawTerm.Marker(2, null),
                new RawTerm.Marker(3, "y"), new RawTerm.Marker(4, null)), p.markers());
        ParsedStatement u = CqlParsers.parse("UPDATE t USING TTL ? SET a = ? WHERE k = ?");
        RawStatement.Update up = (RawStatement.Update) u.statement();
        assertEquals(new RawTerm.Marker(0, null), up.attributes().timeToLive());
        assertEquals(3, u.markers().size());
    }

    @Test
    void allLiteralForms() {
        RawStatement.Insert i = (RawStatement.Insert) parse("INSERT INTO t (a,b,c,d,e,f,g,h,i,j,k,l,m) VALUES ("
                + "'it''s', -12, 1.5e3, true, 0xCAFE, 123e4567-e89b-12d3-a456-426614174000, 1h30m, NaN, -Infinity,"
                + " [1, 2], {'x', 'y'}, {'k': 1}, (1, 'a'))");
        List<RawTerm> v = i.values();
        assertEquals(new RawTerm.Literal(RawTerm.LiteralKind.STRING, "it's"), v.get(0));
        assertEquals(new RawTerm.Literal(RawTerm.LiteralKind.INTEGER, "-12"), v.get(1));
        assertEquals(new RawTerm.Literal(RawTerm.LiteralKind.FLOAT, "1.5e3"), v.get(2));
        assertEquals(new RawTerm.Literal(RawTerm.LiteralKind.BOOLEAN, "true"), v.get(3));
        assertEquals(new RawTerm.Literal(RawTerm.LiteralKind.HEX, "0xCAFE"), v.get(4));
        assertEquals(RawTerm.LiteralKind.UUID, ((RawTerm.Literal) v.get(5)).kind());
        assertEquals(new RawTerm.Literal(RawTerm.LiteralKind.DURATION, "1h30m"), v.get(6));
        assertEquals(new RawTerm.Literal(RawTerm.LiteralKind.FLOAT, "NaN"), v.get(7));
        assertEquals(new RawTerm.Literal(RawTerm.LiteralKind.FLOAT, "-Infinity"), v.get(8));
        assertInstanceOf(RawTerm.ListLiteral.class, v.get(9));
        assertInstanceOf(RawTerm.SetLiteral.class, v.get(10));
        assertInstanceOf(RawTerm.MapLiteral.class, v.get(11));
        assertInstanceOf(RawTerm.TupleLiteral.class, v.get(12));
        RawStatement.Insert j = (RawStatement.Insert) parse("INSERT INTO t (a) VALUES ($$dollar 'quoted'$$)");
        assertEquals(new RawTerm.Literal(RawTerm.LiteralKind.STRING, "dollar 'quoted'"), j.values().get(0));
    }

    @Test
    void createTableWithCompositeKeyAndOptions() {
        RawStatement.CreateTable c = (RawStatement.CreateTable) parse("CREATE TABLE IF NOT EXISTS ks.t ("
                + "a int, b text, c timestamp, d frozen<map<text, list<int>>>, s int static, "
                + "PRIMARY KEY ((a, b), c)) WITH CLUSTERING ORDER BY (c DESC) AND comment = 'hi' "
                + "AND compaction = {'class': 'LeveledCompactionStrategy'} AND gc_grace_seconds = 10");
        assertTrue(c.ifNotExists());
        assertEquals(5, c.columns().size());
        assertEquals(List.of(new RawStatement.PrimaryKey(List.of("a", "b"), List.of("c"))), c.primaryKeys());
        assertEquals(List.of(new RawStatement.Ordering("c", true)), c.clusteringOrder());
        assertEquals("hi", c.properties().get("comment").orElseThrow());
        assertEquals(java.util.Map.of("class", "LeveledCompactionStrategy"),
                c.properties().get("compaction").orElseThrow());
        assertEquals("10", c.properties().get("gc_grace_seconds").orElseThrow());
        assertTrue(c.columns().get(4).isStatic());
        RawType d = c.columns().get(3).type();
        assertEquals("frozen<map<text, list<int>>>", d.toString());
        RawStatement.CreateTable single = (RawStatement.CreateTable) parse(
                "CREATE TABLE cities (id int PRIMARY KEY, name text, country text,)");
        assertTrue(single.columns().get(0).primaryKey());
    }

    @Test
    void keyspaceStatements() {
        RawStatement.CreateKeyspace c = (RawStatement.CreateKeyspace) parse(
                "create keyspace CityInfo with replication = {'class' : 'SimpleStrategy', 'replication_factor':2}"
                        + " AND durable_writes = false");
        assertEquals("cityinfo", c.keyspace());
        assertEquals(java.util.Map.of("class", "SimpleStrategy", "replication_factor", "2"),
                c.properties().get("replication").orElseThrow());
        assertEquals("false", c.properties().get("durable_writes").orElseThrow());
        RawStatement.DropKeyspace d = (RawStatement.DropKeyspace) parse("DROP KEYSPACE IF EXISTS cityinfo");
        assertTrue(d.ifExists());
    }

    @Test
    void relationsOfEveryShape() {
        RawStatement.Select s = (RawStatement.Select) parse("SELECT * FROM t WHERE token(a, b) > 5 AND c IN ? "
                + "AND (d, e) >= (1, 2) AND (d, e) IN ((1, 2), (3, 4)) AND m CONTAINS KEY 'k' AND m['k'] = 1 "
                + "AND x IS NOT NULL AND y LIKE 'a%' AND z != 3");
        List<RawRelation> w = s.where();
        assertEquals(List.of("a", "b"), ((RawRelation.Token) w.get(0)).columns());
        assertEquals(new RawTerm.Marker(0, null), ((RawRelation.In) w.get(1)).marker());
        assertEquals(Operator.GTE, ((RawRelation.MultiColumn) w.get(2)).operator());
        assertEquals(2, ((RawRelation.MultiColumnIn) w.get(3)).values().size());
        assertTrue(((RawRelation.Contains) w.get(4)).key());
        assertInstanceOf(RawRelation.MapElement.class, w.get(5));
        assertInstanceOf(RawRelation.IsNotNull.class, w.get(6));
        assertInstanceOf(RawRelation.Like.class, w.get(7));
        assertEquals(Operator.NEQ, ((RawRelation.Single) w.get(8)).operator());
    }

    @Test
    void dmlStatements() {
        RawStatement.Update u = (RawStatement.Update) parse(
                "UPDATE t USING TIMESTAMP 5 AND TTL 10 SET a = a + 1, l = [1] + l, m['k'] = 2, u.f = 3, s += {1} "
                        + "WHERE k = 1 IF a = 2 AND b IN (1, 2)");
        assertEquals(5, u.assignments().size());
        assertEquals(2, u.conditions().conditions().size());
        RawStatement.Delete d = (RawStatement.Delete) parse("DELETE a, m['k'], u.f FROM t USING TIMESTAMP 3 "
                + "WHERE k = 1 IF EXISTS");
        assertEquals(3, d.deletions().size());
        assertTrue(d.conditions().ifExists());
        RawStatement.Batch b = (RawStatement.Batch) parse("BEGIN UNLOGGED BATCH INSERT INTO t (a) VALUES (1); "
                + "DELETE FROM t WHERE a = 2 APPLY BATCH");
        assertEquals(RawStatement.BatchType.UNLOGGED, b.type());
        assertEquals(2, b.statements().size());
        RawStatement.Insert i = (RawStatement.Insert) parse("INSERT INTO t JSON '{\"a\": 1}' DEFAULT UNSET");
        assertTrue(i.defaultUnset());
        assertFalse(i.ifNotExists());
        assertNull(((RawStatement.Insert) parse("INSERT INTO t (a) VALUES (1)")).json());
    }

    @Test
    void syntaxErrorsLookLikeCassandras() {
        assertEquals("line 1:9 mismatched input 'FORM' expecting K_FROM (SELECT * [FORM]...)",
                syntaxError("SELECT * FORM probe1.t"));
        assertEquals("line 0:-1 no viable alternative at input '<EOF>'", syntaxError("SELECT * FROM"));
        assertEquals("line 0:-1 no viable alternative at input '<EOF>'", syntaxError("SELECT"));
        assertEquals("line 0:-1 no viable alternative at input '<EOF>'", syntaxError(""));
        assertEquals("line 1:10 no viable alternative at input 'FROM' (SELECT a, [FROM]...)",
                syntaxError("SELECT a, FROM probe1.t"));
        assertEquals("line 1:31 mismatched input 'LIMIT' expecting EOF (...FROM probe1.t LIMIT 1 [LIMIT]...)",
                syntaxError("SELECT * FROM probe1.t LIMIT 1 LIMIT 2"));
        assertEquals("line 1:35 no viable alternative at input 'garbage' (...t WHERE a = 1 [garbage])",
                syntaxError("SELECT * FROM probe1.t WHERE a = 1 garbage"));
        assertEquals("line 1:0 no viable alternative at input 'CREAT' ([CREAT]...)", syntaxError("CREAT TABLE x"));
        assertEquals("line 0:-1 mismatched input '<EOF>' expecting K_FILTERING",
                syntaxError("select * from probe1.t where a = 1 allow"));
        assertEquals("line 0:-1 mismatched input '<EOF>' expecting ')'",
                syntaxError("INSERT INTO probe1.t (a, b) VALUES (1, 2"));
        assertEquals("line 1:33 no viable alternative at character '@'",
                syntaxError("SELECT * FROM probe1.t WHERE a = @"));
        assertEquals("line 1:37 mismatched character '<EOF>' expecting '''",
                syntaxError("SELECT * FROM probe1.t WHERE a = 'abc"));
        assertEquals("Multiple definitions for property 'comment'",
                syntaxError("CREATE TABLE x (a int PRIMARY KEY) WITH comment='a' AND comment='b'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM system.peers_v2",
        "SELECT * FROM system.local WHERE key='local'",
        "select * from system.local where key = 'local'",
        "SELECT cluster_name FROM system.local",
        "SELECT schema_version FROM system.local WHERE key='local'",
        "SELECT host_id, cluster_name, data_center, rack, partitioner, release_version, schema_version FROM system.local WHERE key='local'",
        "SELECT peer, host_id, rpc_address, schema_version FROM system.peers",
        "SELECT * FROM system.peers_v2 WHERE peer = :address and peer_port = :port",
        "SELECT * from system_virtual_schema.keyspaces",
        "SELECT * FROM system_schema.functions WHERE keyspace_name = 'ks' AND function_name = 'f' AND argument_types = ['int']",
        "USE \"cityinfo\"",
        "CREATE TABLE cityinfo.users_by_cities (username text, name text, city text, age int, PRIMARY KEY(city,age))",
        "select token(username),username,city from users_by_cities",
        "SELECT * from users_by_cities where name = 'Ali Amin' ALLOW FILTERING",
        "SELECT * FROM t WHERE a = 1 ORDER BY b DESC PER PARTITION LIMIT 2 LIMIT 3",
        "SELECT DISTINCT a FROM t",
        "SELECT JSON a, CAST(b AS text), writetime(c), ttl(c), (int) ?, m['k'], u.f FROM t GROUP BY a",
        "ALTER TABLE t ADD (x int, y text static)",
        "ALTER TABLE t DROP x USING TIMESTAMP 5",
        "ALTER TABLE t RENAME a TO b AND c TO d",
        "ALTER TABLE t WITH comment = 'x'",
        "ALTER KEYSPACE ks WITH durable_writes = true",
        "CREATE TYPE ks.address (street text, zip int)",
        "DROP TYPE IF EXISTS address",
        "CREATE INDEX ON t (b)",
        "CREATE CUSTOM INDEX i ON t (b) USING 'StorageAttachedIndex'",
        "DROP INDEX ks.i",
        "TRUNCATE TABLE t",
        "CREATE TABLE v (k int PRIMARY KEY, e vector<float, 3>, d duration, t tuple<int, text>)",
        "INSERT INTO t (k, d) VALUES (1, P1Y2M) USING TTL 10 AND TIMESTAMP 1",
        "INSERT INTO t (k, d) VALUES (1, PT5M)"
    })
    void acceptsWhatClientsSend(String query) {
        CqlParsers.parse(query);
    }
}
