package org.ringlet.storage.lsm;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.testing.storage.MutableSchemaService;
import org.ringlet.storage.lsm.io.InMemoryFileSystem;
import org.ringlet.storage.lsm.testing.Fixtures;
import org.ringlet.storage.lsm.testing.TestClock;
import org.ringlet.storage.lsm.testing.TestNode;
import org.ringlet.storage.lsm.testing.TestScheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writes, overwrites and deletes for a while with compaction running (size-tiered and leveled tables, a short
 * {@code gc_grace_seconds} on a clock that moves a second per hundred writes): disk use stays within a bound of
 * the live data, every key reads as the model says, and no deleted value ever comes back. A few seconds in the
 * default run; {@code -Plong-run} runs it for minutes ({@code -Dlongrun.seconds}).
 */
class LongRunTest {
    private static final long START = 1_700_000_000L;
    private static final int KEYS = 2000;

    @Test
    void diskUseStaysBoundedAndDeletedDataNeverReturns() throws Exception {
        long seconds = Math.max(4, Long.getLong("ringlet.longrun.seconds", 0));
        InMemoryFileSystem fs = new InMemoryFileSystem();
        TestClock clock = TestClock.manual(START * 1000);
        try (TestNode node = new TestNode(clock, new TestScheduler(), new MutableSchemaService())) {
            TableMetadata stcsBase = Fixtures.kv("stcs");
            TableMetadata stcs = node.schema().createTable(stcsBase.toBuilder()
                    .params(stcsBase.params().withGcGraceSeconds(30)).build());
            TableMetadata lcsBase = Fixtures.kv("lcs");
            TableMetadata lcs = node.schema().createTable(lcsBase.toBuilder().params(lcsBase.params()
                    .withGcGraceSeconds(30).withCompaction(Map.of("class", "LeveledCompactionStrategy",
                            "sstable_size_in_mb", "0.25"))).build());
            LsmStorageEngine engine = new LsmStorageEngine(Fixtures.config(Path.of("/long"), Map.of(
                    "memtable_heap_space", "512KiB", "commitlog_segment_size", "256KiB",
                    "commitlog_total_space", "2MiB")), fs, node);
            engine.start();
            engine.replayCommitLog(t -> true);
            Random random = new Random(7);
            Map<String, String> stcsModel = new HashMap<>();
            Map<String, String> lcsModel = new HashMap<>();
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            long ts = 1;
            long maxDisk = 0;
            while (System.nanoTime() < deadline) {
                for (int i = 0; i < 500; i++, ts++) {
                    boolean leveled = random.nextBoolean();
                    TableMetadata t = leveled ? lcs : stcs;
                    Map<String, String> model = leveled ? lcsModel : stcsModel;
                    String k = "k" + random.nextInt(KEYS);
                    if (random.nextInt(4) == 0) {
                        DecoratedKey key = Fixtures.key(node.partitioner(), Fixtures.bytes(k));
                        Partition del = Partition.builder(t, key).deletePartition(
                                new DeletionTime(ts, clock.currentTimeSeconds())).build();
                        engine.apply(Mutation.of(t.keyspace(), del), true).toCompletableFuture().join();
                        model.remove(k);
                    } else {
                        String v = "v" + ts + "-" + Long.toHexString(random.nextLong());
                        engine.apply(Fixtures.kvWrite(t, node.partitioner(), k, v, ts), true)
                                .toCompletableFuture().join();
                        model.put(k, v);
                    }
                    if (ts % 100 == 0) {
                        clock.advanceMillis(1000);
                    }
                }
                maxDisk = Math.max(maxDisk, engine.liveDiskSpaceUsed());
                check(engine, node, stcs, stcsModel, clock, random, 50);
                check(engine, node, lcs, lcsModel, clock, random, 50);
            }
            clock.advanceMillis(60_000);
            engine.flushAll().toCompletableFuture().join();
            engine.compact(stcs.id()).toCompletableFuture().join();
            engine.compact(lcs.id()).toCompletableFuture().join();
            check(engine, node, stcs, stcsModel, clock, random, KEYS);
            check(engine, node, lcs, lcsModel, clock, random, KEYS);
            long live = (stcsModel.size() + lcsModel.size()) * 64L;
            long disk = engine.liveDiskSpaceUsed();
            assertTrue(disk < 4 * live + (1 << 20), "after a major compaction " + disk + " bytes on disk for about "
                    + live + " bytes of live data");
            assertTrue(maxDisk < 40L << 20, "disk use stayed bounded while running: at most " + maxDisk + " bytes");
            assertTrue(engine.compactionHistory().size() > 2, "compactions ran");
            engine.stop();
        }
    }

    private static void check(LsmStorageEngine engine, TestNode node, TableMetadata t, Map<String, String> model,
                              TestClock clock, Random random, int samples) {
        long now = clock.currentTimeSeconds();
        for (int i = 0; i < samples; i++) {
            String k = "k" + (samples == KEYS ? i : random.nextInt(KEYS));
            DecoratedKey key = Fixtures.key(node.partitioner(), Fixtures.bytes(k));
            String v = Fixtures.kvValue(engine.read(Fixtures.readAll(t, key, now)), now);
            assertEquals(model.get(k), v, t.keyspace() + " " + k);
        }
    }
}
