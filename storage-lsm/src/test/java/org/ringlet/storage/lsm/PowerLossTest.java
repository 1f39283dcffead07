package org.ringlet.storage.lsm;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ringlet.api.data.Cell;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.LivenessInfo;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.testing.storage.MutableSchemaService;
import org.ringlet.storage.lsm.io.FaultInjectingFileSystem;
import org.ringlet.storage.lsm.testing.CrashOracle;
import org.ringlet.storage.lsm.testing.Fixtures;
import org.ringlet.storage.lsm.testing.KillableFileSystem;
import org.ringlet.storage.lsm.testing.TestClock;
import org.ringlet.storage.lsm.testing.TestNode;
import org.ringlet.storage.lsm.testing.TestScheduler;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash safety that the page cache cannot fake: concurrent writers acknowledged under {@code commitlog_sync:
 * batch} (or {@code group}), with flushes, segment switches and recycling going on, until the file system
 * "crashes" after a random number of operations; then a power loss discards everything that was not synced
 * (file contents and directory entries, sometimes keeping a torn prefix of unsynced writes), and the engine is
 * reopened. Every acknowledged write must read back with its exact value, and nothing never written may appear.
 * Several crashes hit the same files in turn.
 */
class PowerLossTest {
    private static final long NOW = 1_700_000_000L;
    private static final TestScheduler SCHEDULER = new TestScheduler();

    @AfterAll
    static void close() {
        SCHEDULER.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"batch", "group"})
    void acknowledgedWritesSurvivePowerLoss(String mode) throws Exception {
        int rounds = Integer.getInteger("ringlet.powerloss.rounds", 12);
        for (int round = 0; round < rounds; round++) {
            runRound(mode, 1000L * round + mode.hashCode());
        }
    }

    private void runRound(String mode, long seed) throws Exception {
        Random random = new Random(seed);
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        MutableSchemaService schema = new MutableSchemaService();
        TestNode node = new TestNode(TestClock.system(), SCHEDULER, schema);
        TableMetadata kv = schema.createTable(Fixtures.kv("ks"));
        CrashOracle oracle = new CrashOracle();
        AtomicLong timestamps = new AtomicLong(1);
        Map<String, String> options = Map.of("commitlog_sync", mode, "commitlog_sync_group_window", "2ms",
                "commitlog_segment_size", "16KiB", "memtable_heap_space", random.nextBoolean() ? "16KiB" : "1MiB",
                "commitlog_total_space", "64KiB");
        int crashes = 3;
        for (int crash = 0; crash < crashes; crash++) {
            KillableFileSystem door = new KillableFileSystem(fs);
            LsmStorageEngine engine = new LsmStorageEngine(Fixtures.config(Path.of("/pl"), options), door, node);
            engine.start();
            engine.replayCommitLog(t -> true);
            verify(engine, kv, node, oracle, seed, crash);

            fs.crashAfter(50 + random.nextInt(1500));
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                long writerSeed = random.nextLong();
                writers.add(CompletableFuture.runAsync(() -> write(engine, kv, node, oracle, timestamps,
                        new Random(writerSeed), fs)));
            }
            CompletableFuture.allOf(writers.toArray(new CompletableFuture<?>[0])).join();
            door.kill();
            engine.stop();
            fs.powerLoss(random.nextBoolean() ? new Random(random.nextLong()) : null);
        }
        KillableFileSystem door = new KillableFileSystem(fs);
        LsmStorageEngine engine = new LsmStorageEngine(Fixtures.config(Path.of("/pl"), options), door, node);
        engine.start();
        engine.replayCommitLog(t -> true);
        verify(engine, kv, node, oracle, seed, crashes);
        engine.stop();
        assertTrue(oracle.acknowledgedCount() > 0, "no write was acknowledged: the test proves nothing");
    }

    private static void write(LsmStorageEngine engine, TableMetadata kv, TestNode node, CrashOracle oracle,
                              AtomicLong timestamps, Random random, FaultInjectingFileSystem fs) {
        while (!fs.crashed()) {
            String k = "k" + random.nextInt(40);
            long ts = timestamps.getAndIncrement();
            DecoratedKey key = Fixtures.key(node.partitioner(), Fixtures.bytes(k));
            CrashOracle.Write w;
            Partition update;
            if (random.nextInt(10) == 0) {
                w = new CrashOracle.Write(ts, null);
                update = Partition.builder(kv, key).deletePartition(new DeletionTime(ts, NOW)).build();
            } else {
                String v = "v" + ts + "-" + "x".repeat(random.nextInt(200));
                w = new CrashOracle.Write(ts, v);
                Partition.Builder b = Partition.builder(kv, key);
                b.row(Clustering.EMPTY).liveness(LivenessInfo.create(ts))
                        .addCell(Cell.live("v", null, Fixtures.bytes(v), ts));
                update = b.build();
            }
            oracle.attempted(k, w);
            try {
                engine.apply(Mutation.of("ks", update), true).toCompletableFuture().join();
                oracle.acknowledged(k, w);
                if (random.nextInt(60) == 0) {
                    engine.flush(kv.id());
                }
            } catch (RuntimeException e) {
                if (!fs.crashed()) {
                    throw e;
                }
                return;
            }
        }
    }

    private static void verify(LsmStorageEngine engine, TableMetadata kv, TestNode node, CrashOracle oracle,
                               long seed, int crash) {
        for (String k : oracle.keys()) {
            DecoratedKey key = Fixtures.key(node.partitioner(), Fixtures.bytes(k));
            Partition p = engine.read(Fixtures.readAll(kv, key, NOW));
            List<Row> rows = p.liveRows(NOW);
            String value = null;
            long ts = 0;
            if (!rows.isEmpty()) {
                Cell c = rows.get(0).cell("v");
                value = StandardCharsets.UTF_8.decode(c.value()).toString();
                ts = c.timestamp();
            }
            assertNull(oracle.check(k, value, ts), "seed " + seed + ", after crash " + crash);
        }
    }
}
