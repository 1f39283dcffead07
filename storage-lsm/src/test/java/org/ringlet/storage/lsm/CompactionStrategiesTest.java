package org.ringlet.storage.lsm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.CompactionHistoryEntry;
import org.ringlet.api.storage.CompactionProgress;
import org.ringlet.api.testing.storage.MutableSchemaService;
import org.ringlet.storage.lsm.compaction.CompactionOptions;
import org.ringlet.storage.lsm.compaction.LeveledStrategy;
import org.ringlet.storage.lsm.compaction.Throttle;
import org.ringlet.storage.lsm.io.InMemoryFileSystem;
import org.ringlet.storage.lsm.sstable.SSTableReader;
import org.ringlet.storage.lsm.testing.Fixtures;
import org.ringlet.storage.lsm.testing.TestClock;
import org.ringlet.storage.lsm.testing.TestNode;
import org.ringlet.storage.lsm.testing.TestScheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompactionStrategiesTest {
    private static final long NOW = 1_700_000_000L;
    private final InMemoryFileSystem fs = new InMemoryFileSystem();
    private final java.util.Random noise = new java.util.Random(1);
    private TestNode node;
    private LsmStorageEngine engine;

    private LsmStorageEngine open(TestNode n, Map<String, String> options) throws Exception {
        node = n;
        LsmStorageEngine e = new LsmStorageEngine(Fixtures.config(Path.of("/cs"), options), fs, n);
        e.start();
        e.replayCommitLog(t -> true);
        return e;
    }

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.stop();
            node.close();
        }
    }

    private static boolean eventually(java.util.function.BooleanSupplier c) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (c.getAsBoolean()) {
                return true;
            }
            Thread.onSpinWait();
        }
        return c.getAsBoolean();
    }

    private void writeAndFlush(TableMetadata t, int batch, int keys) {
        for (int i = 0; i < keys; i++) {
            engine.apply(Fixtures.kvWrite(t, node.partitioner(), "k" + (batch * 7 + i) % 500, "v" + batch + "-" + i
                    + "-" + noise.nextLong() + noise.nextLong(), batch * 1000L + i), true).toCompletableFuture().join();
        }
        engine.flush(t.id()).toCompletableFuture().join();
    }

    @Test
    void sizeTieredMergesSimilarSizesOnceEnoughAccumulate() throws Exception {
        engine = open(new TestNode(), Map.of());
        TableMetadata kv = node.schema().createTable(Fixtures.kv("ks"));
        for (int b = 0; b < 3; b++) {
            writeAndFlush(kv, b, 100);
        }
        assertEquals(3, engine.stats(kv.id()).liveSSTableCount(), "below min_threshold nothing happens");
        writeAndFlush(kv, 3, 100);
        assertTrue(eventually(() -> engine.stats(kv.id()).liveSSTableCount() == 1
                && engine.compactionHistory().size() == 1), "four similar SSTables merge");
        List<CompactionHistoryEntry> h = engine.compactionHistory();
        assertEquals(1, h.size());
        assertEquals("ks", h.get(0).keyspace());
        assertTrue(h.get(0).bytesIn() > h.get(0).bytesOut(), "overwritten keys shrink the data");
        assertTrue(h.get(0).rowsMerged().containsKey(1));
        assertEquals("Compaction", h.get(0).properties().get("compaction_type"));
        for (int i = 0; i < 100; i += 9) {
            String v = Fixtures.kvValue(engine.read(Fixtures.readAll(kv, Fixtures.key(node.partitioner(),
                    Fixtures.bytes("k" + (3 * 7 + i) % 500)), NOW)), NOW);
            assertTrue(v != null && v.startsWith("v3-"), v);
        }
    }

    @Test
    void leveledKeepsLevelsFreeOfOverlaps() throws Exception {
        engine = open(new TestNode(), Map.of());
        TableMetadata base = Fixtures.kv("lcs");
        TableMetadata kv = node.schema().createTable(base.toBuilder().params(base.params().withCompaction(
                Map.of("class", "org.apache.cassandra.db.compaction.LeveledCompactionStrategy",
                        "sstable_size_in_mb", "0.004", "fanout_size", "2"))).build());
        for (int b = 0; b < 16; b++) {
            writeAndFlush(kv, b, 60);
        }
        TableStore store = engine.tableStore(kv.id());
        LeveledStrategy strategy = new LeveledStrategy(CompactionOptions.from(kv.params().compaction()));
        assertTrue(eventually(() -> engine.compactionProgress().isEmpty()
                && strategy.next(store.view().sstables(), NOW, 0) == null), "leveling finishes");
        TreeMap<Integer, List<SSTableReader>> levels = LeveledStrategy.levels(store.view().sstables());
        assertTrue(levels.lastKey() >= 2, "data moved up several levels: " + levels.keySet());
        for (var e : levels.entrySet()) {
            if (e.getKey() == 0) {
                continue;
            }
            List<SSTableReader> l = e.getValue();
            for (int i = 1; i < l.size(); i++) {
                assertTrue(l.get(i - 1).last().compareTo(l.get(i).first()) < 0, "level " + e.getKey()
                        + " overlaps");
            }
        }
        engine.stop();
        engine = open(node, Map.of());
        TreeMap<Integer, List<SSTableReader>> reopened = LeveledStrategy.levels(engine.tableStore(kv.id()).view()
                .sstables());
        assertEquals(levels.keySet(), reopened.keySet(), "levels are kept in the manifest");
    }

    @Test
    void compactionIsThrottledAndShowsItsProgress() throws Exception {
        TestClock clock = TestClock.manual(NOW * 1000);
        engine = open(new TestNode(clock, new TestScheduler(true), new MutableSchemaService()),
                Map.of("compaction_throughput", "1MiB/s"));
        TableMetadata kv = node.schema().createTable(Fixtures.kv("ks"));
        for (int b = 0; b < 3; b++) {
            for (int i = 0; i < 3000; i++) {
                engine.apply(Fixtures.kvWrite(kv, node.partitioner(), "k" + b + "-" + i, "x".repeat(500), i), true)
                        .toCompletableFuture().join();
            }
            engine.flush(kv.id()).toCompletableFuture().join();
        }
        var major = engine.compact(kv.id()).toCompletableFuture();
        assertTrue(eventually(() -> !engine.compactionProgress().isEmpty()
                && engine.compactionProgress().get(0).completed() > 0), "a step ran");
        CompactionProgress p = engine.compactionProgress().get(0);
        assertEquals("Major compaction", p.kind());
        assertEquals("bytes", p.unit());
        assertTrue(p.completed() < p.total(), "paused by the throttle: " + p);
        assertFalse(major.isDone());
        engine.setCompactionThroughput(0);
        node.scheduler().runTimers();
        major.get(20, TimeUnit.SECONDS);
        assertEquals(1, engine.stats(kv.id()).liveSSTableCount());
        assertTrue(engine.compactionProgress().isEmpty());
    }

    @Test
    void theThrottleSpacesOutBytes() {
        TestClock clock = TestClock.manual(0);
        Throttle t = new Throttle(clock, 1 << 20);
        assertEquals(0, t.acquire(1 << 20), "the first megabyte goes at once");
        assertEquals(TimeUnit.SECONDS.toNanos(1), t.acquire(1 << 20), "the next waits a second");
        clock.advanceMillis(5000);
        assertEquals(0, t.acquire(1 << 20), "idle time is not saved up beyond one step");
        t.setRate(0);
        assertEquals(0, t.acquire(100 << 20));
    }

    @Test
    void optionsFollowCassandraNames() {
        CompactionOptions o = CompactionOptions.from(Map.of("class", "SizeTieredCompactionStrategy",
                "min_threshold", "6", "max_threshold", "12", "tombstone_threshold", "0.5"));
        assertFalse(o.leveled());
        assertEquals(6, o.minThreshold());
        assertEquals(12, o.maxThreshold());
        assertEquals(0.5, o.tombstoneThreshold());
        assertEquals(50L << 20, o.minSSTableSize());
        CompactionOptions l = CompactionOptions.from(Map.of("class",
                "org.apache.cassandra.db.compaction.LeveledCompactionStrategy", "sstable_size_in_mb", "80"));
        assertTrue(l.leveled());
        assertEquals(80L << 20, l.sstableSize());
        assertEquals(10, l.fanoutSize());
        assertTrue(o.enabled());
        assertFalse(CompactionOptions.from(Map.of("enabled", "false")).enabled());
    }
}
