package org.ringlet.cql;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ringlet.api.error.ErrorCode;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.query.Event;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.query.SchemaChange;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.cql.testing.CqlTestNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keyspace and table DDL with Cassandra 5.0.6's results, warnings, events and messages. */
class DdlTest {
    private CqlTestNode node;
    private final List<Event> events = new ArrayList<>();

    @BeforeEach
    void start() {
        node = CqlTestNode.start();
        node.handler.addEventListener(events::add);
        node.execute("CREATE KEYSPACE probe1 WITH replication = {'class':'SimpleStrategy','replication_factor':1}");
        events.clear();
    }

    private void assertError(ErrorCode code, String message, String statement) {
        RingletException e = node.error(statement);
        assertEquals(message, e.getMessage(), statement);
        assertEquals(code, e.code(), statement);
    }

    @Test
    void createKeyspaceAnswersASchemaChangeAndWarnsAboutTheReplicationFactor() {
        Response r = node.execute("CREATE KEYSPACE probe2 WITH replication = {'class':'SimpleStrategy',"
                + "'replication_factor':2}");
        assertEquals(new Result.SchemaChangeResult(SchemaChange.keyspace(SchemaChange.Change.CREATED, "probe2")),
                r.result());
        assertEquals(List.of("Your replication factor 2 for keyspace probe2 is higher than the number of nodes 1"),
                r.warnings());
        Response nts = node.execute("CREATE KEYSPACE probe3 WITH replication = {'class':'NetworkTopologyStrategy',"
                + "'datacenter1':3}");
        assertEquals(List.of("Your replication factor 3 for keyspace probe3 is higher than the number of nodes 1 "
                + "for datacenter datacenter1"), nts.warnings());
        assertEquals("org.apache.cassandra.locator.NetworkTopologyStrategy",
                node.schema.current().keyspace("probe3").orElseThrow().replication().strategyClass());
        assertEquals(List.of(new Event.SchemaChangeEvent(SchemaChange.keyspace(SchemaChange.Change.CREATED,
                "probe2")), new Event.SchemaChangeEvent(SchemaChange.keyspace(SchemaChange.Change.CREATED,
                "probe3"))), events);
    }

    @Test
    void ifNotExistsAndIfExistsAnswerVoidWhenNothingChanges() {
        assertInstanceOf(Result.Void.class, node.execute("CREATE KEYSPACE IF NOT EXISTS probe1 WITH replication = "
                + "{'class':'SimpleStrategy','replication_factor':2}").result());
        assertInstanceOf(Result.Void.class, node.execute("DROP KEYSPACE IF EXISTS nosuch").result());
        node.execute("CREATE TABLE probe1.t (a int PRIMARY KEY, b text)");
        assertInstanceOf(Result.Void.class, node.execute("CREATE TABLE IF NOT EXISTS probe1.t (a int PRIMARY KEY)")
                .result());
        assertInstanceOf(Result.Void.class, node.execute("DROP TABLE IF EXISTS probe1.nosuch").result());
        assertEquals(new Result.SchemaChangeResult(SchemaChange.table(SchemaChange.Change.DROPPED, "probe1", "t")),
                node.execute("DROP TABLE probe1.t").result());
    }

    @Test
    void droppingAKeyspaceDropsItsTablesAndTellsListeners() {
        node.execute("CREATE TABLE probe1.t (a int PRIMARY KEY, b text)");
        node.execute("INSERT INTO probe1.t (a, b) VALUES (1, 'x')");
        events.clear();
        assertEquals(new Result.SchemaChangeResult(SchemaChange.keyspace(SchemaChange.Change.DROPPED, "probe1")),
                node.execute("DROP KEYSPACE probe1").result());
        assertEquals(List.of(new Event.SchemaChangeEvent(SchemaChange.table(SchemaChange.Change.DROPPED, "probe1",
                "t")), new Event.SchemaChangeEvent(SchemaChange.keyspace(SchemaChange.Change.DROPPED, "probe1"))),
                events);
        assertError(ErrorCode.INVALID, "keyspace probe1 does not exist", "SELECT * FROM probe1.t");
        node.execute("CREATE KEYSPACE probe1 WITH replication = {'class':'SimpleStrategy','replication_factor':1}");
        node.execute("CREATE TABLE probe1.t (a int PRIMARY KEY, b text)");
        assertEquals(0, node.rows("SELECT * FROM probe1.t").size(), "a new table of the same name is empty");
    }

    @Test
    void createTableBuildsCassandrasMetadata() {
        node.execute("CREATE TABLE probe1.c (p1 int, p2 text, c1 int, c2 text, v int, s int static, "
                + "PRIMARY KEY ((p1, p2), c1, c2)) WITH CLUSTERING ORDER BY (c1 DESC, c2 ASC) AND comment = 'hi' "
                + "AND gc_grace_seconds = 100 AND compaction = {'class': 'LeveledCompactionStrategy'}");
        TableMetadata t = node.schema.current().table("probe1", "c").orElseThrow();
        assertEquals(List.of("p1", "p2"), t.partitionKeyColumns().stream().map(c -> c.name()).toList());
        assertEquals(ClusteringOrder.DESC, t.clusteringColumns().get(0).order());
        assertEquals(ClusteringOrder.ASC, t.clusteringColumns().get(1).order());
        assertTrue(t.column("s").orElseThrow().isStatic());
        assertEquals("hi", t.params().comment());
        assertEquals(100, t.params().gcGraceSeconds());
        assertEquals("org.apache.cassandra.db.compaction.LeveledCompactionStrategy", t.params().compactionClass());
        assertEquals("4", t.params().compaction().get("min_threshold"));
        assertEquals(List.of("p1", "p2", "c1", "c2", "s", "v"), t.allColumnsInSelectOrder().stream()
                .map(c -> c.name()).toList());
        List<List<Object>> cols = node.rows("SELECT column_name, clustering_order, kind, position FROM "
                + "system_schema.columns WHERE keyspace_name = 'probe1' AND table_name = 'c'");
        assertEquals(List.of(List.of("c1", "desc", "clustering", 0), List.of("c2", "asc", "clustering", 1),
                List.of("p1", "none", "partition_key", 0), List.of("p2", "none", "partition_key", 1),
                List.of("s", "none", "static", -1), List.of("v", "none", "regular", -1)), cols);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ALREADY_EXISTS|Keyspace 'probe1' already exists|CREATE KEYSPACE probe1 WITH replication = {'class':'SimpleStrategy','replication_factor':2}",
        "CONFIG_ERROR|Unable to find replication strategy class 'org.apache.cassandra.locator.Foo'|CREATE KEYSPACE probe3 WITH replication = {'class':'Foo','replication_factor':2}",
        "CONFIG_ERROR|Missing replication strategy class|CREATE KEYSPACE p4 WITH replication = {'replication_factor':1}",
        "INVALID|Missing mandatory option 'replication'|CREATE KEYSPACE p4 WITH durable_writes = false",
        "SYNTAX_ERROR|Unknown property 'foo'|CREATE KEYSPACE p4 WITH replication = {'class':'SimpleStrategy','replication_factor':1} AND foo = 1",
        "SYNTAX_ERROR|Invalid value for property 'replication'. It should be a map.|CREATE KEYSPACE p5 WITH replication = 5",
        "INVALID|Keyspace name must not be empty and must contain alphanumeric or underscore characters only (got \"a-b\")|CREATE KEYSPACE \"a-b\" WITH replication = {'class':'SimpleStrategy','replication_factor':1}",
        "INVALID|System keyspace 'system' is not user-modifiable|CREATE KEYSPACE system WITH replication = {'class':'SimpleStrategy','replication_factor':1}",
        "UNAUTHORIZED|system keyspace is not user-modifiable.|DROP KEYSPACE system",
        "UNAUTHORIZED|system keyspace is not user-modifiable.|DROP TABLE system.local",
        "UNAUTHORIZED|system keyspace is not user-modifiable.|CREATE TABLE system.x (a int PRIMARY KEY)",
        "INVALID|Keyspace 'nosuch' doesn't exist|DROP KEYSPACE nosuch",
        "INVALID|Keyspace 'nosuch' does not exist|USE nosuch",
        "INVALID|Keyspace 'nosuch' doesn't exist|CREATE TABLE nosuch.t (a int PRIMARY KEY)",
        "INVALID|Table 'probe1.nosuch' doesn't exist|DROP TABLE probe1.nosuch",
        "INVALID|No PRIMARY KEY specifed for table 'probe1.x' (exactly one required)|CREATE TABLE probe1.x (a int, b int)",
        "INVALID|Multiple PRIMARY KEY specified for table 'probe1.x' (exactly one required)|CREATE TABLE probe1.x (a int PRIMARY KEY, b int PRIMARY KEY)",
        "INVALID|Multiple PRIMARY KEY specified for table 'probe1.x' (exactly one required)|CREATE TABLE probe1.x (a int PRIMARY KEY, PRIMARY KEY (a))",
        "INVALID|Unknown column 'b' referenced in PRIMARY KEY for table 'x'|CREATE TABLE probe1.x (a int, PRIMARY KEY (b))",
        "INVALID|Duplicate column 'b' in PRIMARY KEY clause for table 'x'|CREATE TABLE probe1.x (a int, b int, PRIMARY KEY (a, b, b))",
        "INVALID|Duplicate column 'a' declaration for table 'probe1.x'|CREATE TABLE probe1.x (a int, a text, PRIMARY KEY (a))",
        "INVALID|Invalid non-frozen collection type list<int> for PRIMARY KEY column 'b'|CREATE TABLE probe1.x (a int, b list<int>, PRIMARY KEY (a, b))",
        "INVALID|Only clustering key columns can be defined in CLUSTERING ORDER directive: [b] are not clustering columns|CREATE TABLE probe1.x (a int, b int, PRIMARY KEY (a)) WITH CLUSTERING ORDER BY (b DESC)",
        "INVALID|Missing CLUSTERING ORDER for column b|CREATE TABLE probe1.x (a int, b int, c int, PRIMARY KEY (a, b, c)) WITH CLUSTERING ORDER BY (c DESC)",
        "INVALID|Only clustering key columns can be defined in CLUSTERING ORDER directive: [a] are not clustering columns|CREATE TABLE probe1.x (a int, b int, c int, PRIMARY KEY (a, b)) WITH CLUSTERING ORDER BY (a DESC)",
        "SYNTAX_ERROR|Unknown property 'foo'|CREATE TABLE probe1.x (a int, b int, PRIMARY KEY (a, b)) WITH foo = 1",
        "SYNTAX_ERROR|Invalid integer value x for 'gc_grace_seconds'|CREATE TABLE probe1.x (a int, b int, PRIMARY KEY (a, b)) WITH gc_grace_seconds = 'x'",
        "CONFIG_ERROR|gc_grace_seconds must be greater than or equal to 0 (got -1)|CREATE TABLE probe1.x (a int PRIMARY KEY) WITH gc_grace_seconds = -1",
        "CONFIG_ERROR|Unable to find compaction strategy class 'org.apache.cassandra.db.compaction.Foo'|CREATE TABLE probe1.x (a int PRIMARY KEY) WITH compaction = {'class': 'Foo'}",
        "CONFIG_ERROR|Missing sub-option 'class' for the 'compaction' option|CREATE TABLE probe1.x (a int PRIMARY KEY) WITH compaction = {'min_threshold': 2}",
        "SYNTAX_ERROR|Invalid value for property 'caching'. It should be a map.|CREATE TABLE probe1.x (a int PRIMARY KEY) WITH caching = 'x'",
        "INVALID|Static columns are only useful (and thus allowed) if the table has at least one clustering column|CREATE TABLE probe1.x (a int, b int static, PRIMARY KEY (a))",
        "INVALID|Unknown type probe1.foo|CREATE TABLE probe1.x (a int, b foo, PRIMARY KEY (a))",
        "INVALID|counter type is not supported for PRIMARY KEY column 'a'|CREATE TABLE probe1.x (a counter PRIMARY KEY)",
        "INVALID|Cannot mix counter and non counter columns in the same table|CREATE TABLE probe1.x (a int PRIMARY KEY, b counter, c int)",
        "INVALID|No keyspace has been specified. USE a keyspace, or explicitly specify keyspace.tablename|CREATE TABLE x (a int PRIMARY KEY)",
        "SYNTAX_ERROR|Invalid boolean value x for 'durable_writes'. Positive values can be '1', 'true' or 'yes'. Negative values can be '0', 'false' or 'no'.|CREATE KEYSPACE p5 WITH replication = {'class':'SimpleStrategy','replication_factor':1} AND durable_writes = 'x'",
        "INVALID|Keyspace name must not be more than 48 characters long (got 51 characters for \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\")|CREATE KEYSPACE aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa WITH replication = {'class':'SimpleStrategy','replication_factor':1}"
    })
    void errorsAreCassandras(ErrorCode code, String message, String statement) {
        assertError(code, message, statement);
    }

    @Test
    void existingTablesAreAlreadyExistsErrors() {
        node.execute("CREATE TABLE probe1.t (a int PRIMARY KEY, b text)");
        assertError(ErrorCode.ALREADY_EXISTS, "Table 'probe1.t' already exists",
                "CREATE TABLE probe1.t (a int PRIMARY KEY, b text)");
    }
}
