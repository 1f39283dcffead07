package org.ringlet.storage.lsm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.SSTableInfo;
import org.ringlet.api.storage.TableObserver;
import org.ringlet.api.testing.storage.RandomPartitions;
import org.ringlet.storage.lsm.io.InMemoryFileSystem;
import org.ringlet.storage.lsm.testing.Fixtures;
import org.ringlet.storage.lsm.testing.TestNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineBehaviourTest {
    private static final long NOW = 1_700_000_000L;
    private final InMemoryFileSystem fs = new InMemoryFileSystem();
    private final TestNode node = new TestNode();
    private final TableMetadata kv = node.schema().createTable(Fixtures.kv("ks"));
    private LsmStorageEngine engine;

    private LsmStorageEngine open(Map<String, String> options) throws Exception {
        LsmStorageEngine e = new LsmStorageEngine(Fixtures.config(Path.of("/e"), options), fs, node);
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

    private void write(TableMetadata t, String k, String v, long ts, boolean durable) {
        engine.apply(Fixtures.kvWrite(t, node.partitioner(), k, v, ts), durable).toCompletableFuture().join();
    }

    private String value(TableMetadata t, String k) {
        DecoratedKey key = Fixtures.key(node.partitioner(), Fixtures.bytes(k));
        return Fixtures.kvValue(engine.read(Fixtures.readAll(t, key, NOW)), NOW);
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.onSpinWait();
        }
        return condition.getAsBoolean();
    }

    @Test
    void truncateRemovesEverythingAndSurvivesRestart() throws Exception {
        engine = open(Map.of());
        write(kv, "a", "1", 10, true);
        engine.flush(kv.id()).toCompletableFuture().join();
        write(kv, "b", "2", 11, true);
        engine.truncate(kv.id(), true).toCompletableFuture().join();
        assertNull(value(kv, "a"));
        assertNull(value(kv, "b"));
        assertEquals(0, engine.stats(kv.id()).liveSSTableCount());
        write(kv, "c", "3", 12, true);
        engine.stop();
        engine = open(Map.of());
        assertNull(value(kv, "a"), "truncated data does not come back from the commit log");
        assertNull(value(kv, "b"));
        assertEquals("3", value(kv, "c"));
        Path snapshots = TableDirectories.tableDirectory(Path.of("/e/data"), kv).resolve("snapshots");
        assertEquals(1, fs.list(snapshots).size(), "auto_snapshot keeps a snapshot of the truncated table");
        assertFalse(fs.list(fs.list(snapshots).get(0)).isEmpty());
    }

    @Test
    void truncateTakesNoSnapshotWhenAutoSnapshotIsOff() throws Exception {
        engine = open(Map.of("auto_snapshot", "false"));
        write(kv, "a", "1", 10, true);
        engine.truncate(kv.id(), true).toCompletableFuture().join();
        assertNull(value(kv, "a"));
        assertTrue(engine.listSnapshots().isEmpty());
    }

    @Test
    void droppingATableDeletesItsDataAndItsCommitLogRecordsAreIgnored() throws Exception {
        engine = open(Map.of("auto_snapshot", "false"));
        TableMetadata other = node.schema().createTable(Fixtures.wide("ks2", ClusteringOrder.ASC));
        TableMetadata kv2 = node.schema().createTable(Fixtures.kv("ks3"));
        write(kv2, "x", "1", 10, true);
        engine.flush(kv2.id()).toCompletableFuture().join();
        write(kv2, "y", "2", 11, true);
        Path dir = TableDirectories.tableDirectory(Path.of("/e/data"), kv2);
        assertTrue(fs.exists(dir));
        node.schema().dropTable(kv2);
        assertThrows(InvalidRequestException.class, () -> value(kv2, "x"));
        assertTrue(eventually(() -> !fs.exists(dir)), "the dropped table's directory is deleted");
        engine.stop();
        engine = open(Map.of());
        assertThrows(InvalidRequestException.class, () -> value(kv2, "y"));
        assertEquals(0, engine.stats(other.id()).liveSSTableCount());
    }

    @Test
    void nonDurableWritesSkipTheCommitLog() throws Exception {
        engine = open(Map.of());
        write(kv, "volatile", "1", 10, false);
        write(kv, "durable", "2", 10, true);
        assertEquals("1", value(kv, "volatile"));
        engine.stop();
        engine = open(Map.of());
        assertNull(value(kv, "volatile"), "durable_writes = false data lives only in the memtable");
        assertEquals("2", value(kv, "durable"));
    }

    @Test
    void observersSeeWritesFlushesAndFiles() throws Exception {
        engine = open(Map.of());
        List<String> events = new CopyOnWriteArrayList<>();
        engine.addObserver(new TableObserver() {
            @Override
            public void onWrite(TableId table, Partition update) {
                events.add("write");
            }

            @Override
            public void onFlush(TableId table, SSTableInfo sstable) {
                events.add("flush " + (sstable == null ? "empty" : sstable.generation()));
            }

            @Override
            public void onSSTableAdded(TableId table, SSTableInfo sstable) {
                events.add("added " + sstable.generation());
            }

            @Override
            public void onSSTableRemoved(TableId table, SSTableInfo sstable) {
                events.add("removed " + sstable.generation());
            }
        });
        write(kv, "a", "1", 10, true);
        engine.flush(kv.id()).toCompletableFuture().join();
        engine.truncate(kv.id(), false).toCompletableFuture().join();
        assertEquals(List.of("write", "flush 1", "added 1", "removed 1"), events);
        List<SSTableInfo> none = engine.sstables(kv.id());
        assertTrue(none.isEmpty());
    }

    @Test
    void memtablesFlushByThemselvesWhenMemoryRunsShort() throws Exception {
        engine = open(Map.of("memtable_heap_space", "64KiB"));
        // The flush that memory pressure asks for runs in the background and writes do not wait for it: on a busy
        // machine it may start only after the last write and then flush everything at once. Each burst of 1000
        // writes is far above the cleanup threshold (a third of 64KiB) by itself, so each one must cause a flush.
        for (int i = 0; i < 1000; i++) {
            write(kv, "k" + i, "value-" + i + "-" + "z".repeat(50), 10, true);
        }
        assertTrue(eventually(() -> engine.stats(kv.id()).memtableSwitchCount() > 0
                && engine.stats(kv.id()).liveSSTableCount() > 0), () -> "a flush happened: " + engine.stats(kv.id()));
        for (int i = 1000; i < 2000; i++) {
            write(kv, "k" + i, "value-" + i + "-" + "z".repeat(50), 10, true);
        }
        assertTrue(eventually(() -> engine.stats(kv.id()).memtableSwitchCount() > 1
                && engine.stats(kv.id()).liveSSTableCount() > 0), () -> "flushes happened: " + engine.stats(kv.id()));
        for (int i = 0; i < 2000; i += 97) {
            assertEquals("value-" + i + "-" + "z".repeat(50), value(kv, "k" + i));
        }
    }

    @Test
    void aFullCommitLogFlushesTheTablesHoldingItsOldestSegment() throws Exception {
        engine = open(Map.of("commitlog_segment_size", "16KiB", "commitlog_total_space", "64KiB"));
        for (int i = 0; i < 1500; i++) {
            write(kv, "k" + (i % 100), "value-" + i + "-" + "q".repeat(60), i, true);
        }
        assertTrue(eventually(() -> engine.stats(kv.id()).liveSSTableCount() > 0), "commit log space forced flushes");
        assertTrue(eventually(() -> engine.commitLog().totalSize() <= 160 * 1024),
                "the commit log shrinks back: " + engine.commitLog().totalSize() + " " + engine.commitLog().describe()
                + " sstables " + engine.stats(kv.id()));
    }

    @Test
    void concurrentWritersFlushesAndReadsAgree() throws Exception {
        engine = open(Map.of("memtable_heap_space", "256KiB", "commitlog_segment_size", "64KiB"));
        TableMetadata wide = node.schema().createTable(RandomPartitions.table("ks", "wide", ClusteringOrder.ASC));
        List<CompletableFuture<Void>> tasks = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            tasks.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 500; i++) {
                    write(kv, "w" + writer + "-" + i, "v" + i, 1 + i, true);
                    if (i % 100 == 0) {
                        engine.flush(kv.id()).toCompletableFuture().join();
                    }
                }
            }));
        }
        tasks.add(CompletableFuture.runAsync(() -> {
            RandomPartitions gen = new RandomPartitions(1, wide, node.partitioner(), 10, 10);
            for (int i = 0; i < 300; i++) {
                engine.apply(Mutation.of("ks", gen.update(gen.key())), true).toCompletableFuture().join();
            }
        }));
        CompletableFuture.allOf(tasks.toArray(new CompletableFuture<?>[0])).get(120, TimeUnit.SECONDS);
        for (int w = 0; w < 4; w++) {
            for (int i = 0; i < 500; i += 7) {
                assertEquals("v" + i, value(kv, "w" + w + "-" + i));
            }
        }
        engine.stop();
        engine = open(Map.of());
        for (int w = 0; w < 4; w++) {
            for (int i = 0; i < 500; i += 7) {
                assertEquals("v" + i, value(kv, "w" + w + "-" + i));
            }
        }
    }

    @Test
    void tablesCreatedAfterStartAndReplayedInTwoPhases() throws Exception {
        engine = open(Map.of());
        TableMetadata later = node.schema().createTable(Fixtures.kv("late"));
        write(later, "a", "1", 10, true);
        write(kv, "b", "2", 10, true);
        engine.stop();
        engine = new LsmStorageEngine(Fixtures.config(Path.of("/e"), Map.of()), fs, node);
        engine.start();
        assertEquals(1, engine.replayCommitLog(t -> t.equals(kv.id())));
        assertEquals("2", value(kv, "b"));
        assertNull(value(later, "a"), "records of tables not replayed yet are kept for later");
        engine.flush(later.id()).toCompletableFuture().join();
        assertEquals(1, engine.replayCommitLog(t -> true));
        assertEquals("1", value(later, "a"));
        assertEquals(0, engine.replayCommitLog(t -> true), "replay is idempotent");
    }
}
