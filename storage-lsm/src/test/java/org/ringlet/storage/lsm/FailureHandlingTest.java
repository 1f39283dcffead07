package org.ringlet.storage.lsm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.error.ErrorCode;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.ClusteringFilter;
import org.ringlet.api.storage.ColumnFilter;
import org.ringlet.api.storage.DataLimits;
import org.ringlet.api.storage.KeyRange;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.SnapshotInfo;
import org.ringlet.api.storage.StorageFailureException;
import org.ringlet.api.storage.StorageFailureListener;
import org.ringlet.storage.lsm.io.InMemoryFileSystem;
import org.ringlet.storage.lsm.sstable.ChunkCache;
import org.ringlet.storage.lsm.sstable.Descriptor;
import org.ringlet.storage.lsm.sstable.KeyCache;
import org.ringlet.storage.lsm.sstable.SSTableContext;
import org.ringlet.storage.lsm.sstable.SSTableFormat;
import org.ringlet.storage.lsm.sstable.SSTableReader;
import org.ringlet.storage.lsm.testing.Fixtures;
import org.ringlet.storage.lsm.testing.TestNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Snapshots, disk failure policies with quarantine, and a full disk. */
class FailureHandlingTest {
    private static final long NOW = 1_700_000_000L;
    private static final Path ROOT = Path.of("/f");
    private final InMemoryFileSystem fs = new InMemoryFileSystem();
    private final TestNode node = new TestNode();
    private final TableMetadata kv = node.schema().createTable(Fixtures.kv("ks"));
    private LsmStorageEngine engine;

    private LsmStorageEngine open(Map<String, String> options) throws Exception {
        LsmStorageEngine e = new LsmStorageEngine(Fixtures.config(ROOT, options), fs, node);
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

    private void put(String k, String v) {
        engine.apply(Fixtures.kvWrite(kv, node.partitioner(), k, v, 10), true).toCompletableFuture().join();
    }

    private String value(String k) {
        DecoratedKey key = Fixtures.key(node.partitioner(), Fixtures.bytes(k));
        return Fixtures.kvValue(engine.read(Fixtures.readAll(kv, key, NOW)), NOW);
    }

    private Path tableDir() {
        return TableDirectories.tableDirectory(ROOT.resolve("data"), kv);
    }

    @Test
    void snapshotsAreHardLinksThatOutliveTheirSSTables() throws Exception {
        engine = open(Map.of());
        for (int i = 0; i < 50; i++) {
            put("k" + i, "v" + i);
        }
        engine.snapshot("before-truncate", List.of()).toCompletableFuture().join();
        List<SnapshotInfo> list = engine.listSnapshots();
        assertEquals(1, list.size());
        SnapshotInfo s = list.get(0);
        assertEquals("before-truncate", s.tag());
        assertEquals("ks", s.keyspace());
        assertEquals("kv", s.table());
        assertTrue(s.sizeOnDisk() > 0);
        assertEquals(0, s.trueSize(), "the files are still live");
        assertTrue(s.createdAtMillis() > 0);
        Throwable dup = engine.snapshot("before-truncate", List.of(kv.id())).toCompletableFuture()
                .handle((v, e) -> e).join();
        assertInstanceOf(IllegalArgumentException.class, dup instanceof CompletionException ? dup.getCause() : dup);
        Throwable bad = engine.snapshot("../escape", List.of()).toCompletableFuture().handle((v, e) -> e).join();
        assertInstanceOf(IllegalArgumentException.class, bad);

        engine.truncate(kv.id(), false).toCompletableFuture().join();
        assertEquals(null, value("k1"));
        assertTrue(eventually(() -> engine.listSnapshots().stream()
                .filter(x -> x.tag().equals("before-truncate")).findFirst().orElseThrow().trueSize() > 0),
                "once the truncated files are deleted, only the snapshot holds the data");

        Path snapDir = tableDir().resolve("snapshots").resolve("before-truncate");
        Path data = fs.list(snapDir).stream().filter(p -> p.getFileName().toString().endsWith("-Data.db"))
                .findFirst().orElseThrow();
        long gen = SSTableFormat.parse(data.getFileName().toString()).generation();
        SSTableContext sctx = new SSTableContext(fs, node.partitioner(), new ChunkCache(0, Runnable::run,
                System::nanoTime), new KeyCache(0, Runnable::run, System::nanoTime), Runnable::run);
        SSTableReader r = SSTableReader.open(sctx, new Descriptor(snapDir, gen));
        assertEquals(50, r.allKeys().size(), "the snapshot's files read back");
        r.release();

        engine.clearSnapshot("before-truncate", List.of());
        assertTrue(engine.listSnapshots().stream().noneMatch(x -> x.tag().equals("before-truncate")));
    }

    /** Keys sorted by token, so that an SSTable of the first few covers a narrow token range. */
    private List<String> keysByToken(int n) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add("key" + i);
        }
        keys.sort(Comparator.comparing(k -> Fixtures.key(node.partitioner(), Fixtures.bytes(k))));
        return keys;
    }

    private long corruptOnlySSTableHolding(String key) throws Exception {
        DecoratedKey k = Fixtures.key(node.partitioner(), Fixtures.bytes(key));
        for (SSTableReader r : engine.tableStore(kv.id()).view().sstables()) {
            if (r.mayContain(k) && r.position(k) != null) {
                fs.corrupt(r.descriptor().path(SSTableFormat.Component.DATA), 12);
                return r.generation();
            }
        }
        throw new AssertionError("no SSTable holds " + key);
    }

    @Test
    void bestEffortQuarantinesACorruptSSTableAndFailsReadsOfItsRange() throws Exception {
        engine = open(Map.of("disk_failure_policy", "best_effort", "file_cache_size", "0MiB",
                "key_cache_size", "0MiB"));
        List<String> keys = keysByToken(40);
        List<StorageFailureListener.Kind> told = new CopyOnWriteArrayList<>();
        engine.addFailureListener((kind, policy, error) -> told.add(kind));
        for (String k : keys.subList(0, 5)) {
            put(k, "lost-" + k);
        }
        engine.flush(kv.id()).toCompletableFuture().join();
        for (String k : keys.subList(5, 40)) {
            put(k, "kept-" + k);
        }
        engine.flush(kv.id()).toCompletableFuture().join();
        long gen = corruptOnlySSTableHolding(keys.get(0));

        RingletException e = assertThrows(RingletException.class, () -> value(keys.get(0)));
        assertEquals(ErrorCode.READ_FAILURE, e.code());
        assertEquals(List.of(StorageFailureListener.Kind.DATA), told);
        assertTrue(fs.exists(tableDir().resolve("quarantine").resolve(SSTableFormat.fileName(gen,
                SSTableFormat.Component.DATA))), "the corrupt SSTable's files were moved to quarantine/");
        RingletException again = assertThrows(RingletException.class, () -> value(keys.get(2)));
        assertEquals(ErrorCode.READ_FAILURE, again.code(), "the quarantined token range keeps failing");
        assertInstanceOf(StorageFailureException.class, again);
        assertEquals("kept-" + keys.get(30), value(keys.get(30)), "the rest is still served");
        RingletException scan = assertThrows(RingletException.class, () -> engine.scan(new PartitionRangeReadCommand(
                kv.id(), KeyRange.all(), ClusteringFilter.ALL, ColumnFilter.ALL, DataLimits.NONE, NOW)));
        assertEquals(ErrorCode.READ_FAILURE, scan.code());

        engine.stop();
        engine = open(Map.of("disk_failure_policy", "best_effort"));
        assertEquals(ErrorCode.READ_FAILURE, assertThrows(RingletException.class, () -> value(keys.get(1))).code(),
                "the quarantine survives a restart");
        engine.stop();
        fs.deleteRecursively(tableDir().resolve("quarantine"));
        engine = open(Map.of("disk_failure_policy", "best_effort"));
        assertEquals(null, value(keys.get(1)), "once the operator removes the files the range is served again");
        assertEquals("kept-" + keys.get(30), value(keys.get(30)));
    }

    @Test
    void theStopPolicyStopsTheEngine() throws Exception {
        engine = open(Map.of("file_cache_size", "0MiB", "key_cache_size", "0MiB"));
        List<String> policies = new CopyOnWriteArrayList<>();
        engine.addFailureListener((kind, policy, error) -> policies.add(policy));
        put("a", "1");
        engine.flush(kv.id()).toCompletableFuture().join();
        corruptOnlySSTableHolding("a");
        assertEquals(ErrorCode.READ_FAILURE, assertThrows(RingletException.class, () -> value("a")).code());
        assertEquals(List.of("stop"), policies);
        RingletException stopped = assertThrows(RingletException.class, () -> value("b"));
        assertEquals(ErrorCode.SERVER_ERROR, stopped.code());
        Throwable w = engine.apply(Fixtures.kvWrite(kv, node.partitioner(), "c", "3", 11), true)
                .toCompletableFuture().handle((v, x) -> x).join();
        assertTrue(w instanceof RingletException r && r.code() == ErrorCode.SERVER_ERROR, String.valueOf(w));
    }

    @Test
    void aCorruptSSTableAtStartStopsTheNodeUnlessBestEffort() throws Exception {
        engine = open(Map.of());
        put("a", "1");
        engine.flush(kv.id()).toCompletableFuture().join();
        put("b", "2");
        engine.flush(kv.id()).toCompletableFuture().join();
        SSTableReader first = engine.tableStore(kv.id()).view().sstables().get(0);
        Path stats = first.descriptor().path(SSTableFormat.Component.STATISTICS);
        engine.stop();
        engine = null;
        fs.corrupt(stats, 20);
        LsmStorageEngine failing = new LsmStorageEngine(Fixtures.config(ROOT, Map.of()), fs, node);
        Exception e = assertThrows(Exception.class, failing::start);
        assertTrue(e.getMessage().contains(stats.getFileName().toString()), "the error names the file: "
                + e.getMessage());
        engine = open(Map.of("disk_failure_policy", "best_effort"));
        assertEquals(ErrorCode.READ_FAILURE, assertThrows(RingletException.class, () -> value("b")).code(),
                "with an unreadable key range the whole ring is quarantined");
        assertTrue(fs.exists(tableDir().resolve("quarantine").resolve(stats.getFileName())));
    }

    @Test
    void aFullDiskFailsWritesCleanlyAndTheEngineRecovers() throws Exception {
        engine = open(Map.of("commitlog_segment_size", "64KiB"));
        List<String> acked = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            put("before" + i, "x".repeat(100));
            acked.add("before" + i);
        }
        fs.setCapacity(fs.usedBytes() + 96 * 1024);
        RingletException failure = null;
        for (int i = 0; i < 5000 && failure == null; i++) {
            try {
                put("during" + i, "y".repeat(500));
                acked.add("during" + i);
            } catch (CompletionException e) {
                failure = (RingletException) e.getCause();
            }
        }
        assertTrue(failure != null, "writes fail when the disk is full");
        assertEquals(ErrorCode.WRITE_FAILURE, failure.code());
        assertTrue(failure.getMessage().contains("disk is full"), failure.getMessage());
        assertEquals("x".repeat(100), value("before7"), "reads go on");
        fs.setCapacity(fs.usedBytes() + 512);
        Throwable flush = engine.flush(kv.id()).toCompletableFuture().handle((v, e) -> e).join();
        assertTrue(flush != null, "a flush cannot write either");
        assertEquals(0, engine.stats(kv.id()).liveSSTableCount());
        assertEquals("x".repeat(100), value("before7"), "the memtable that failed to flush is still read");

        fs.setCapacity(Long.MAX_VALUE / 4);
        put("after", "z");
        acked.add("after");
        engine.flush(kv.id()).toCompletableFuture().join();
        assertTrue(engine.stats(kv.id()).liveSSTableCount() >= 1, "the failed flush went through on the retry");
        engine.stop();
        engine = open(Map.of("commitlog_segment_size", "64KiB"));
        for (String k : acked) {
            assertTrue(value(k) != null, "acknowledged write " + k + " survived");
        }
        assertFalse(fs.list(tableDir()).stream().anyMatch(p -> p.getFileName().toString().startsWith("tmp-")),
                "nothing half-written is left");
    }

    private static boolean eventually(java.util.function.BooleanSupplier c) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (c.getAsBoolean()) {
                return true;
            }
            Thread.onSpinWait();
        }
        return c.getAsBoolean();
    }
}
