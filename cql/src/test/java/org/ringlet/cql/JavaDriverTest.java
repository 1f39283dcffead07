package org.ringlet.cql;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.schema.ClusteringOrder;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import com.datastax.oss.driver.api.core.type.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlet.cql.testing.ServedNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java driver (4.x) against the single-node stack through the native transport: it reads the node, its tokens
 * and the whole schema from our system tables, agrees on schema versions after DDL, follows schema events, pages,
 * prepares with routing information, and batches.
 */
class JavaDriverTest {

    private static CqlSession connect(ServedNode served) {
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(20))
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(20))
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(20))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(20))
                .build();
        return CqlSession.builder().addContactPoint(served.address).withLocalDatacenter("datacenter1")
                .withConfigLoader(config).build();
    }

    @Test
    void readsTheNodeAndSchemaPagesPreparesAndBatches(@TempDir Path dir) throws Exception {
        try (ServedNode served = new ServedNode(dir); CqlSession session = connect(served)) {
            Node node = session.getMetadata().getNodes().values().iterator().next();
            assertEquals(served.node.topology.localHostId(), node.getHostId());
            assertEquals("datacenter1", node.getDatacenter());
            assertEquals("rack1", node.getRack());
            assertEquals("5.0.6", node.getCassandraVersion().toString());
            assertTrue(session.getMetadata().getTokenMap().isPresent(), "the token map is built from our tokens");
            assertEquals(16, session.getMetadata().getTokenMap().get().getTokenRanges().size());
            assertTrue(session.getMetadata().getKeyspace("system_schema").isEmpty(),
                    "the driver leaves system keyspaces out of its metadata by default");

            session.execute("CREATE KEYSPACE jd WITH replication = {'class': 'SimpleStrategy', "
                    + "'replication_factor': 1}");
            ResultSet created = session.execute("CREATE TABLE jd.events (day text, at int, kind text, n int, "
                    + "PRIMARY KEY (day, at, kind)) WITH CLUSTERING ORDER BY (at DESC, kind ASC) "
                    + "AND comment = 'by day'");
            assertTrue(created.getExecutionInfo().isSchemaInAgreement());
            session.execute("CREATE TABLE jd.counts (k int PRIMARY KEY, c counter)");
            KeyspaceMetadata ks = session.getMetadata().getKeyspace("jd").orElseThrow();
            TableMetadata events = ks.getTable("events").orElseThrow();
            assertEquals(List.of(CqlIdentifier.fromCql("day")), events.getPartitionKey().stream()
                    .map(c -> c.getName()).toList());
            assertEquals(List.of(ClusteringOrder.DESC, ClusteringOrder.ASC),
                    new ArrayList<>(events.getClusteringColumns().values()));
            assertEquals(DataTypes.INT, events.getColumn("n").orElseThrow().getType());
            assertEquals("by day", events.getOptions().get(CqlIdentifier.fromCql("comment")));
            assertTrue(events.describe(true).contains("CLUSTERING ORDER BY (at DESC, kind ASC)"),
                    events.describe(true));

            PreparedStatement insert = session.prepare("INSERT INTO jd.events (day, at, kind, n) VALUES (?, ?, ?, ?)");
            assertEquals(List.of(0), insert.getPartitionKeyIndices());
            for (int at = 0; at < 1000; at++) {
                session.execute(insert.bind("mon", at, at % 2 == 0 ? "a" : "b", at));
            }
            ResultSet rs = session.execute(SimpleStatement.newInstance("SELECT at FROM jd.events WHERE day = ?",
                    "mon").setPageSize(100));
            List<Integer> ats = new ArrayList<>();
            for (Row r : rs) {
                ats.add(r.getInt("at"));
            }
            assertEquals(1000, ats.size());
            assertEquals(999, ats.get(0), "clustering order DESC");
            assertEquals(0, ats.get(999));
            assertEquals(1000L, session.execute("SELECT count(*) FROM jd.events").one().getLong(0));

            PreparedStatement incr = session.prepare("UPDATE jd.counts SET c = c + ? WHERE k = ?");
            session.execute(BatchStatement.newInstance(DefaultBatchType.COUNTER, incr.bind(2L, 1), incr.bind(3L, 1)));
            assertEquals(5L, session.execute("SELECT c FROM jd.counts WHERE k = 1").one().getLong("c"));
            session.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED,
                    SimpleStatement.newInstance("DELETE FROM jd.events WHERE day = 'mon' AND at = 999"),
                    insert.bind("tue", 1, "a", 1)));
            assertEquals(998, session.execute("SELECT at FROM jd.events WHERE day = 'mon' LIMIT 1").one().getInt(0));

            InvalidQueryException e = assertThrows(InvalidQueryException.class,
                    () -> session.execute("SELECT * FROM jd.events WHERE n = 1"));
            assertTrue(e.getMessage().startsWith("Cannot execute this query as it might involve data filtering"),
                    e.getMessage());
            assertThrows(SyntaxError.class, () -> session.execute("SELEC 1"));
            assertEquals("table nope does not exist", assertThrows(InvalidQueryException.class,
                    () -> session.execute("SELECT * FROM jd.nope")).getMessage());

            session.execute("DROP TABLE jd.counts");
            assertTrue(session.getMetadata().getKeyspace("jd").orElseThrow().getTable("counts").isEmpty(),
                    "the driver followed the drop");
        }
    }
}
