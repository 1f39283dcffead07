package org.ringlet.cql;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.cql.testing.CqlTestNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a node finds again when it starts over its stored data: identity, schema, rows. */
class RestartTest {

    @Test
    void identitySchemaAndDataSurviveARestart() {
        survivesARestart(CqlTestNode.start(), false);
    }

    @Test
    void identitySchemaAndDataSurviveARestartOfTheLsmEngineFromItsCommitLog(@TempDir Path directory) {
        survivesARestart(CqlTestNode.startLsm(directory), false);
    }

    @Test
    void identitySchemaAndDataSurviveARestartOfTheLsmEngineFromItsFiles(@TempDir Path directory) {
        survivesARestart(CqlTestNode.startLsm(directory), true);
    }

    private static void survivesARestart(CqlTestNode first, boolean flush) {
        first.execute("CREATE KEYSPACE cityinfo WITH replication = {'class':'SimpleStrategy',"
                + "'replication_factor':1}");
        // writes to it skip the commit log: lost in a crash (a restart without flush), as in Cassandra
        first.execute("CREATE KEYSPACE scratch WITH replication = {'class':'SimpleStrategy',"
                + "'replication_factor':1} AND durable_writes = false");
        first.execute("CREATE TABLE cityinfo.users (username text PRIMARY KEY, name text, age int) "
                + "WITH comment = 'people'");
        first.execute("CREATE TABLE cityinfo.gone (k int PRIMARY KEY)");
        first.execute("INSERT INTO cityinfo.users (username, name, age) VALUES ('aali24', 'Ali Amin', 34)");
        first.execute("DROP TABLE cityinfo.gone");
        UUID hostId = first.topology.localHostId();
        List<Object> tokens = first.rows("SELECT tokens FROM system.local").get(0);
        TableMetadata users = first.schema.current().table("cityinfo", "users").orElseThrow();
        UUID version = first.schema.current().version();

        if (flush) {
            first.storage.flushAll().toCompletableFuture().join();
            first.execute("INSERT INTO cityinfo.users (username, name, age) VALUES ('after', 'Flush', 1)");
            first.execute("DELETE FROM cityinfo.users WHERE username = 'after'");
        }
        CqlTestNode second = first.restart();
        assertEquals(hostId, second.topology.localHostId());
        assertEquals(first.topology.current().sortedTokens(), second.topology.current().sortedTokens());
        assertEquals(tokens, second.rows("SELECT tokens FROM system.local").get(0));
        assertEquals(users, second.schema.current().table("cityinfo", "users").orElseThrow(),
                "the same table, id and options");
        assertTrue(second.schema.current().keyspace("cityinfo").orElseThrow().durableWrites());
        assertFalse(second.schema.current().keyspace("scratch").orElseThrow().durableWrites());
        assertTrue(second.schema.current().table("cityinfo", "gone").isEmpty(), "a dropped table stays dropped");
        assertEquals(version, second.schema.current().version(), "the same schema has the same version");
        assertEquals(List.of(List.of("aali24", 34, "Ali Amin")), second.rows("SELECT * FROM cityinfo.users"));
        assertEquals(List.of(List.of(hostId)), second.rows("SELECT host_id FROM system.local WHERE key = 'local'"));
        CqlTestNode third = second.restart();
        assertEquals(hostId, third.topology.localHostId());
        assertEquals(List.of(List.of("aali24", 34, "Ali Amin")), third.rows("SELECT * FROM cityinfo.users"));
        third.close();
    }

    @Test
    void anotherClusterNameIsRefused() {
        CqlTestNode first = CqlTestNode.start(Map.of("cluster_name", "Alpha"));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> first.restart(Map.of("cluster_name", "Beta")));
        assertEquals("Saved cluster name Alpha != configured name Beta", e.getMessage());
        assertEquals(List.of(List.of("Alpha")), first.restart().rows("SELECT cluster_name FROM system.local"));
    }
}
