package org.ringlet.testkit.e2e;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import org.junit.jupiter.api.Test;
import org.ringlet.testkit.RingletCluster;
import org.ringlet.testkit.RingletNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Data, tokens and host id survive a clean stop and a start of an in-process node (a new {@code Node} over the same
 * directories, as a process restart), also for a keyspace with {@code durable_writes = false}, whose writes never
 * reach the commit log.
 */
class RestartEndToEndTest {

    /** What the node says about itself in system.local. */
    record Identity(UUID hostId, Set<String> tokens) {
    }

    static Identity identity(CqlSession session) {
        Row local = session.execute("SELECT host_id, tokens FROM system.local").one();
        return new Identity(local.getUuid("host_id"), local.getSet("tokens", String.class));
    }

    @Test
    void dataTokensAndHostIdSurviveStopAndStart() {
        try (RingletCluster cluster = RingletCluster.builder().build().start()) {
            RingletNode node = cluster.node(1);
            Identity before;
            try (CqlSession session = Drivers.connect(cluster.contactPoints(), cluster.localDatacenter())) {
                session.execute("CREATE KEYSPACE shop WITH replication = {'class': 'SimpleStrategy', "
                        + "'replication_factor': 1}");
                session.execute("CREATE KEYSPACE scratch WITH replication = {'class': 'SimpleStrategy', "
                        + "'replication_factor': 1} AND durable_writes = false");
                session.execute("CREATE TABLE shop.orders (id int PRIMARY KEY, item text)");
                session.execute("CREATE TABLE scratch.cache (k text PRIMARY KEY, v int)");
                for (int i = 0; i < 300; i++) {
                    session.execute("INSERT INTO shop.orders (id, item) VALUES (" + i + ", 'item" + i + "')");
                    session.execute("INSERT INTO scratch.cache (k, v) VALUES ('k" + i + "', " + i + ")");
                }
                before = identity(session);
                assertEquals(node.hostId(), before.hostId());
                assertEquals(16, before.tokens().size());
            }
            node.restart();
            try (CqlSession session = Drivers.connect(cluster.contactPoints(), cluster.localDatacenter())) {
                assertEquals(before, identity(session), "the same host id and tokens");
                assertEquals(300L, session.execute("SELECT count(*) FROM shop.orders").one().getLong(0));
                assertEquals("item123", session.execute("SELECT item FROM shop.orders WHERE id = 123").one()
                        .getString(0));
                assertEquals(300L, session.execute("SELECT count(*) FROM scratch.cache").one().getLong(0),
                        "durable_writes = false data was flushed when the node stopped");
                assertEquals(List.of("shop", "scratch").stream().sorted().toList(),
                        session.getMetadata().getKeyspaces().keySet().stream().map(k -> k.asInternal())
                                .filter(k -> !k.startsWith("system")).sorted().toList());
            }
        }
    }

    @Test
    void anotherDataDirectoryIsAnotherNode() {
        try (RingletCluster first = RingletCluster.builder().build().start();
             RingletCluster second = RingletCluster.builder().build().start()) {
            assertNotEquals(first.node(1).hostId(), second.node(1).hostId());
        }
    }
}
