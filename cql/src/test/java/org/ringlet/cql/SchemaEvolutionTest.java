package org.ringlet.cql;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlet.api.schema.DroppedColumn;
import org.ringlet.cql.testing.CqlTestNode;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Schema changes over stored data on the LSM engine: dropped columns stay hidden in memtables, in SSTables and
 * after a restart, also once a column of that name is back; user types gain and rename fields over stored values.
 */
class SchemaEvolutionTest {

    @Test
    void droppedColumnDataStaysHiddenInFilesAndAfterARestart(@TempDir Path directory) {
        CqlTestNode node = CqlTestNode.startLsm(directory);
        node.execute("CREATE KEYSPACE e WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        node.execute("CREATE TABLE e.t (k int, c int, v int, w text, PRIMARY KEY (k, c))");
        node.execute("INSERT INTO e.t (k, c, v, w) VALUES (1, 1, 10, 'flushed')");
        node.storage.flushAll().toCompletableFuture().join();
        node.execute("UPDATE e.t SET w = 'only w' WHERE k = 1 AND c = 2");
        node.clock.advance(Duration.ofMillis(5));
        node.execute("ALTER TABLE e.t DROP w");
        // a row whose only cell belonged to the dropped column is gone
        assertEquals(List.of(List.of(1, 1, 10)), node.rows("SELECT * FROM e.t"));

        CqlTestNode second = node.restart();
        DroppedColumn dropped = second.schema.current().table("e", "t").orElseThrow().droppedColumns().get("w");
        assertEquals("text", dropped.type().cqlName());
        second.clock.advance(Duration.ofMillis(5));
        second.execute("ALTER TABLE e.t ADD w text");
        second.execute("INSERT INTO e.t (k, c, w) VALUES (1, 3, 'new')");
        assertEquals(List.of(Arrays.asList(1, 1, 10, null), Arrays.asList(1, 3, null, "new")),
                second.rows("SELECT * FROM e.t"));
        second.storage.flushAll().toCompletableFuture().join();
        assertEquals(List.of(Arrays.asList(1, 1, 10, null), Arrays.asList(1, 3, null, "new")),
                second.rows("SELECT * FROM e.t"));
        second.close();
    }

    @Test
    void userTypesGainAndRenameFieldsOverStoredValues(@TempDir Path directory) {
        CqlTestNode node = CqlTestNode.startLsm(directory);
        node.execute("CREATE KEYSPACE e WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        node.execute("CREATE TYPE e.addr (street text, zip int)");
        node.execute("CREATE TABLE e.u (k int PRIMARY KEY, home frozen<e.addr>, work e.addr)");
        node.execute("INSERT INTO e.u (k, home, work) VALUES (1, {street: 'a', zip: 1}, {street: 'b'})");
        node.storage.flushAll().toCompletableFuture().join();
        node.execute("ALTER TYPE e.addr ADD country text");
        node.execute("ALTER TYPE e.addr RENAME zip TO postcode");
        node.execute("UPDATE e.u SET work.country = 'pk' WHERE k = 1");
        List<List<Object>> expected = List.of(List.of(1, Arrays.asList("a", 1, null), Arrays.asList("b", null, "pk")));
        assertEquals(expected, node.rows("SELECT k, home, work FROM e.u"));
        assertEquals(List.of(List.of(1, "pk")), node.rows("SELECT home.postcode, work.country FROM e.u"));

        CqlTestNode second = node.restart();
        assertEquals(List.of("street", "postcode", "country"),
                second.schema.current().keyspace("e").orElseThrow().types().get("addr").fieldNames());
        assertEquals(expected, second.rows("SELECT k, home, work FROM e.u"));
        second.close();
    }
}
