package org.ringlet.testkit.e2e;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Metadata;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.servererrors.AlreadyExistsException;
import com.datastax.oss.driver.api.core.servererrors.InvalidConfigurationInQueryException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.type.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ringlet.testkit.RingletExtension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java driver (the version pinned in the root POM) against a node started by the testkit, as an application
 * uses it: local datacenter {@code datacenter1}, metadata and token map, prepared statements, paging through 10,000
 * rows, and the errors as the driver decodes them (class and fields).
 */
class JavaDriverEndToEndTest {
    @RegisterExtension
    static final RingletExtension RINGLET = RingletExtension.singleNode();

    private static CqlSession session;

    @BeforeAll
    static void connect() {
        session = Drivers.connect(RINGLET.contactPoints(), "datacenter1");
        session.execute("CREATE KEYSPACE IF NOT EXISTS jd WITH replication = {'class': 'SimpleStrategy', "
                + "'replication_factor': 1}");
    }

    @AfterAll
    static void disconnect() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void metadataAndTokenMapComeFromTheNode() {
        Metadata metadata = session.getMetadata();
        assertEquals(1, metadata.getNodes().size());
        Node node = metadata.getNodes().values().iterator().next();
        assertEquals(RINGLET.node().hostId(), node.getHostId());
        assertEquals("datacenter1", node.getDatacenter());
        assertEquals("rack1", node.getRack());
        assertEquals("5.0.6", node.getCassandraVersion().toString());
        assertEquals(RINGLET.node().nativeAddress(), node.getEndPoint().resolve());

        TokenMap tokens = metadata.getTokenMap().orElseThrow(() -> new AssertionError("no token map"));
        assertEquals("Murmur3Partitioner", tokens.getPartitionerName().replaceAll(".*\\.", ""));
        assertEquals(16, tokens.getTokenRanges().size(), "num_tokens 16");
        Row local = session.execute("SELECT tokens, partitioner, data_center FROM system.local").one();
        assertEquals("org.apache.cassandra.dht.Murmur3Partitioner", local.getString("partitioner"));
        assertEquals(16, local.getSet("tokens", String.class).size());
        assertEquals(Set.of(node), tokens.getReplicas("jd", tokens.newToken(ByteBuffer.wrap(new byte[] {1}))));

        session.execute("CREATE TABLE IF NOT EXISTS jd.readings (sensor text, at int, value double, "
                + "PRIMARY KEY (sensor, at)) WITH CLUSTERING ORDER BY (at DESC)");
        TableMetadata table = session.getMetadata().getKeyspace("jd").orElseThrow().getTable("readings")
                .orElseThrow(() -> new AssertionError("the driver saw the new table"));
        assertEquals(DataTypes.DOUBLE, table.getColumn("value").orElseThrow().getType());
        assertEquals("sensor", table.getPartitionKey().get(0).getName().asInternal());
        assertTrue(session.checkSchemaAgreement(), "one node agrees with itself");
    }

    @Test
    void preparedStatementsBindRouteAndReprepare() {
        session.execute("CREATE TABLE IF NOT EXISTS jd.users (id int PRIMARY KEY, name text, tags set<text>)");
        PreparedStatement insert = session.prepare("INSERT INTO jd.users (id, name, tags) VALUES (?, ?, ?)");
        assertEquals(List.of(0), insert.getPartitionKeyIndices());
        assertEquals(3, insert.getVariableDefinitions().size());
        for (int i = 0; i < 20; i++) {
            session.execute(insert.bind(i, "user" + i, Set.of("t" + (i % 3))));
        }
        PreparedStatement select = session.prepare("SELECT name, tags FROM jd.users WHERE id = ?");
        Row row = session.execute(select.bind(7)).one();
        assertEquals("user7", row.getString("name"));
        assertEquals(Set.of("t1"), row.getSet("tags", String.class));
        PreparedStatement again = session.prepare("SELECT name, tags FROM jd.users WHERE id = ?");
        assertArrayEquals(bytes(select.getId()), bytes(again.getId()), "the same id every time");
        assertEquals(20L, session.execute(session.prepare("SELECT count(*) FROM jd.users").bind()).one().getLong(0));
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    @Test
    void pagesThroughTenThousandRows() {
        session.execute("CREATE TABLE IF NOT EXISTS jd.many (p int, c int, v text, PRIMARY KEY (p, c))");
        PreparedStatement insert = session.prepare("INSERT INTO jd.many (p, c, v) VALUES (?, ?, ?)");
        List<CompletableFuture<AsyncResultSet>> pending = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            pending.add(session.executeAsync(insert.bind(i % 100, i / 100, "v" + i)).toCompletableFuture());
            if (pending.size() == 256) {
                CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).join();
                pending.clear();
            }
        }
        CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).join();

        AsyncResultSet page = session.executeAsync(SimpleStatement.newInstance("SELECT p, c, v FROM jd.many")
                .setPageSize(500)).toCompletableFuture().join();
        Set<String> seen = new HashSet<>();
        List<Integer> pageSizes = new ArrayList<>();
        while (true) {
            int n = 0;
            for (Row r : page.currentPage()) {
                assertTrue(seen.add(r.getInt("p") + ":" + r.getInt("c")), "each row once");
                assertEquals("v" + (r.getInt("c") * 100 + r.getInt("p")), r.getString("v"));
                n++;
            }
            pageSizes.add(n);
            if (!page.hasMorePages()) {
                break;
            }
            page = page.fetchNextPage().toCompletableFuture().join();
        }
        assertEquals(10_000, seen.size());
        List<Integer> full = pageSizes.stream().filter(n -> n > 0).toList();
        assertEquals(20, full.size(), "pages of 500: " + pageSizes);
        assertTrue(full.stream().allMatch(n -> n == 500), pageSizes.toString());

        // paging state handed back explicitly, as a web application does between requests
        SimpleStatement byPartition = SimpleStatement.newInstance("SELECT c FROM jd.many WHERE p = 42")
                .setPageSize(30);
        ResultSet first = session.execute(byPartition);
        List<Integer> cs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            cs.add(first.one().getInt(0));
        }
        ByteBuffer state = first.getExecutionInfo().getPagingState();
        assertTrue(state != null, "more rows remain");
        ResultSet rest = session.execute(byPartition.setPagingState(state));
        rest.forEach(r -> cs.add(r.getInt(0)));
        assertEquals(100, cs.size());
        for (int i = 0; i < 100; i++) {
            assertEquals(i, cs.get(i), "clustering order across pages");
        }
        assertEquals(10_000L, session.execute("SELECT count(*) FROM jd.many").one().getLong(0));
    }

    @Test
    void errorsArriveWithTheirClassesAndFields() {
        SyntaxError syntax = assertThrows(SyntaxError.class, () -> session.execute("SELEC * FROM jd.users"));
        assertEquals("line 1:0 no viable alternative at input 'SELEC' ([SELEC]...)", syntax.getMessage());

        InvalidQueryException invalid = assertThrows(InvalidQueryException.class,
                () -> session.execute("SELECT * FROM jd.nope"));
        assertEquals("table nope does not exist", invalid.getMessage());
        InvalidQueryException filtering = assertThrows(InvalidQueryException.class,
                () -> session.execute("SELECT * FROM jd.many WHERE v = 'x'"));
        assertTrue(filtering.getMessage().startsWith("Cannot execute this query as it might involve data filtering"),
                filtering.getMessage());

        AlreadyExistsException keyspace = assertThrows(AlreadyExistsException.class, () -> session.execute(
                "CREATE KEYSPACE jd WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}"));
        // the Java driver writes this message itself from the error's keyspace and table fields
        assertEquals("Keyspace jd already exists", keyspace.getMessage());
        session.execute("CREATE TABLE IF NOT EXISTS jd.twice (k int PRIMARY KEY)");
        AlreadyExistsException table = assertThrows(AlreadyExistsException.class,
                () -> session.execute("CREATE TABLE jd.twice (k int PRIMARY KEY)"));
        assertEquals("Object jd.twice already exists", table.getMessage());

        InvalidConfigurationInQueryException config = assertThrows(InvalidConfigurationInQueryException.class,
                () -> session.execute("CREATE KEYSPACE jd_bad WITH replication = {'class': 'SimpleStrategy', "
                        + "'replication_factor': 1, 'foo': 'bar'}"));
        assertEquals("Unrecognized strategy option {foo} passed to SimpleStrategy for keyspace jd_bad",
                config.getMessage());

        session.execute("CREATE KEYSPACE IF NOT EXISTS jd_rf2 WITH replication = {'class': 'SimpleStrategy', "
                + "'replication_factor': 2}");
        session.execute("CREATE TABLE IF NOT EXISTS jd_rf2.t (k int PRIMARY KEY, v text)");
        for (String cql : List.of("INSERT INTO jd_rf2.t (k, v) VALUES (1, 'x')", "SELECT * FROM jd_rf2.t WHERE k = 1")) {
            // the default retry policy tries the next node once; with one node the driver reports what it got
            AllNodesFailedException failed = assertThrows(AllNodesFailedException.class, () -> session.execute(
                    SimpleStatement.newInstance(cql).setConsistencyLevel(DefaultConsistencyLevel.QUORUM)));
            List<Throwable> errors = failed.getAllErrors().values().iterator().next();
            assertEquals(1, errors.size(), errors.toString());
            UnavailableException unavailable = assertInstanceOf(UnavailableException.class, errors.get(0));
            assertEquals("Not enough replicas available for query at consistency QUORUM (2 required but only 1 "
                    + "alive)", unavailable.getMessage());
            assertEquals(DefaultConsistencyLevel.QUORUM, unavailable.getConsistencyLevel());
            assertEquals(2, unavailable.getRequired());
            assertEquals(1, unavailable.getAlive());
        }
        ConsistencyLevel one = DefaultConsistencyLevel.ONE;
        session.execute(SimpleStatement.newInstance("INSERT INTO jd_rf2.t (k, v) VALUES (1, 'x')")
                .setConsistencyLevel(one));
        assertFalse(session.execute(SimpleStatement.newInstance("SELECT v FROM jd_rf2.t WHERE k = 1")
                .setConsistencyLevel(one)).all().isEmpty(), "ONE is enough with one live replica");
    }

    @Test
    void asyncRequestsInterleave() {
        session.execute("CREATE TABLE IF NOT EXISTS jd.kv (k int PRIMARY KEY, v int)");
        PreparedStatement put = session.prepare("INSERT INTO jd.kv (k, v) VALUES (?, ?)");
        PreparedStatement get = session.prepare("SELECT v FROM jd.kv WHERE k = ?");
        List<CompletionStage<AsyncResultSet>> writes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            writes.add(session.executeAsync(put.bind(i, i * 2)));
        }
        writes.forEach(w -> w.toCompletableFuture().join());
        List<CompletableFuture<AsyncResultSet>> reads = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            reads.add(session.executeAsync(get.bind(i)).toCompletableFuture());
        }
        for (int i = 0; i < 500; i++) {
            assertEquals(i * 2, reads.get(i).join().one().getInt(0));
        }
    }
}
