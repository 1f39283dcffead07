package org.ringlet.storage.lsm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.ClusteringFilter;
import org.ringlet.api.storage.ColumnFilter;
import org.ringlet.api.storage.DataLimits;
import org.ringlet.api.storage.KeyRange;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.storage.lsm.io.InMemoryFileSystem;
import org.ringlet.storage.lsm.testing.Fixtures;
import org.ringlet.storage.lsm.testing.TestNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LsmStorageEngineTest {
    private static final long NOW = 1_700_000_000L;
    private final InMemoryFileSystem fs = new InMemoryFileSystem();
    private final TestNode node = new TestNode();
    private final TableMetadata kv = node.schema().createTable(Fixtures.kv("ks"));
    private LsmStorageEngine engine;

    private LsmStorageEngine open(Map<String, String> options) throws Exception {
        LsmStorageEngine e = new LsmStorageEngine(Fixtures.config(Path.of("/r"), options), fs, node);
        e.start();
        e.replayCommitLog(t -> true);
        return e;
    }

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.stop();
        }
        node.close();
    }

    private void write(String k, String v, long ts) {
        engine.apply(Fixtures.kvWrite(kv, node.partitioner(), k, v, ts), true).toCompletableFuture().join();
    }

    private String value(String k) {
        DecoratedKey key = Fixtures.key(node.partitioner(), Fixtures.bytes(k));
        return Fixtures.kvValue(engine.read(Fixtures.readAll(kv, key, NOW)), NOW);
    }

    @Test
    void writesAreReadFromMemtablesFilesAndAfterRestart() throws Exception {
        engine = open(Map.of());
        for (int i = 0; i < 200; i++) {
            write("k" + i, "v" + i, 10);
        }
        assertEquals("v7", value("k7"));
        engine.flush(kv.id()).toCompletableFuture().join();
        assertEquals(1, engine.stats(kv.id()).liveSSTableCount());
        assertEquals("v7", value("k7"));
        for (int i = 0; i < 200; i += 2) {
            write("k" + i, "w" + i, 20);
        }
        assertEquals("w8", value("k8"));
        assertEquals("v9", value("k9"));
        assertNull(value("missing"));

        engine.stop();
        engine = open(Map.of());
        assertEquals("w8", value("k8"));
        assertEquals("v9", value("k9"));
        engine.flush(kv.id()).toCompletableFuture().join();
        assertEquals("w8", value("k8"));
        assertEquals(2, engine.stats(kv.id()).liveSSTableCount());
    }

    @Test
    void partitionDeletionShadowsOlderFilesAndIsSkippedCorrectly() throws Exception {
        engine = open(Map.of());
        write("a", "1", 10);
        engine.flush(kv.id()).toCompletableFuture().join();
        DecoratedKey key = Fixtures.key(node.partitioner(), Fixtures.bytes("a"));
        Partition del = Partition.builder(kv, key).deletePartition(new DeletionTime(15, NOW)).build();
        engine.apply(Mutation.of("ks", del), true).toCompletableFuture().join();
        assertNull(value("a"));
        engine.flush(kv.id()).toCompletableFuture().join();
        assertNull(value("a"));
        write("a", "2", 16);
        assertEquals("2", value("a"));
        Partition p = engine.read(Fixtures.readAll(kv, key, NOW));
        assertEquals(new DeletionTime(15, NOW), p.partitionDeletion());
    }

    @Test
    void scanReturnsPartitionsInTokenOrderWithPaging() throws Exception {
        engine = open(Map.of());
        for (int i = 0; i < 50; i++) {
            write("k" + i, "v" + i, 10);
            if (i == 25) {
                engine.flush(kv.id()).toCompletableFuture().join();
            }
        }
        PartitionRangeReadCommand all = new PartitionRangeReadCommand(kv.id(), KeyRange.all(), ClusteringFilter.ALL,
                ColumnFilter.ALL, DataLimits.NONE, NOW);
        List<Partition> out = engine.scan(all);
        assertEquals(50, out.size());
        for (int i = 1; i < out.size(); i++) {
            assertTrue(out.get(i - 1).key().compareTo(out.get(i).key()) < 0);
        }
        PartitionRangeReadCommand page = new PartitionRangeReadCommand(kv.id(), KeyRange.all(),
                ClusteringFilter.ALL, ColumnFilter.ALL, DataLimits.rows(20), NOW);
        List<Partition> first = engine.scan(page);
        assertEquals(20, first.size());
        PartitionRangeReadCommand next = new PartitionRangeReadCommand(kv.id(),
                KeyRange.all().resumingAfter(first.get(19).key(), null), ClusteringFilter.ALL, ColumnFilter.ALL,
                DataLimits.rows(20), NOW);
        List<Partition> second = engine.scan(next);
        assertEquals(out.get(20).key(), second.get(0).key());
    }

    @Test
    void unknownTablesAreRejectedWithAnInvalidRequest() throws Exception {
        engine = open(Map.of());
        TableMetadata other = Fixtures.wide("other", org.ringlet.api.schema.ClusteringOrder.ASC);
        DecoratedKey key = Fixtures.key(node.partitioner(), Fixtures.intBytes(1));
        Partition p = Partition.builder(other, key).deletePartition(new DeletionTime(1, NOW)).build();
        Throwable t = engine.apply(Mutation.of("other", p), true).toCompletableFuture().handle((v, e) -> e).join();
        assertInstanceOf(InvalidRequestException.class, t);
        TableId id = other.id();
        org.junit.jupiter.api.Assertions.assertThrows(InvalidRequestException.class,
                () -> engine.read(Fixtures.readAll(other, key, NOW)));
        assertEquals(id, other.id());
    }
}
