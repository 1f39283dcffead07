package org.ringlet.storage.lsm.compaction;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.ClusteringFilter;
import org.ringlet.api.storage.ColumnFilter;
import org.ringlet.api.storage.DataLimits;
import org.ringlet.api.storage.KeyRange;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.SSTableInfo;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.api.testing.storage.InMemoryStorageEngine;
import org.ringlet.api.testing.storage.MutableSchemaService;
import org.ringlet.api.testing.storage.RandomPartitions;
import org.ringlet.storage.lsm.LsmStorageEngine;
import org.ringlet.storage.lsm.io.InMemoryFileSystem;
import org.ringlet.storage.lsm.testing.Fixtures;
import org.ringlet.storage.lsm.testing.TestClock;
import org.ringlet.storage.lsm.testing.TestNode;
import org.ringlet.storage.lsm.testing.TestScheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With {@code gc_grace_seconds = 0}, so that every tombstone is a purge candidate, random writes (every kind of
 * deletion, TTLs), flushes, user-defined compactions of random subsets of SSTables, major and background
 * compactions (size-tiered and leveled) and restarts must leave what queries see exactly as in the in-memory
 * model, which never purges: compaction may change how data is stored, never what it says. Timestamps grow with
 * each write, as a single node's clock does.
 */
class CompactionModelProperties {
    private static final int KEYS = 10;
    private static final long NOW = RandomPartitions.NOW;
    private static final TestScheduler SCHEDULER = new TestScheduler();

    @AfterContainer
    static void closeScheduler() {
        SCHEDULER.close();
    }

    @Property(tries = 60)
    void compactionNeverChangesWhatQueriesSee(@ForAll long seed, @ForAll boolean leveled) throws Exception {
        Random random = new Random(seed);
        MutableSchemaService schema = new MutableSchemaService();
        TestClock clock = TestClock.manual((NOW + 10) * 1000);
        TestNode node = new TestNode(clock, SCHEDULER, schema);
        TableMetadata base = RandomPartitions.table("ks", "t", ClusteringOrder.ASC);
        Map<String, String> compaction = leveled
                ? Map.of("class", "LeveledCompactionStrategy", "sstable_size_in_mb", "0.002")
                : Map.of("class", "SizeTieredCompactionStrategy", "min_threshold", "3");
        TableMetadata t = schema.createTable(base.toBuilder()
                .params(base.params().withGcGraceSeconds(0).withCompaction(compaction)).build());
        RandomPartitions gen = new RandomPartitions(random.nextLong(), t, node.partitioner(), KEYS, 8)
                .monotonicTimestamps(1);
        InMemoryStorageEngine model = new InMemoryStorageEngine(id -> schema.current().table(id).orElse(null));
        InMemoryFileSystem fs = new InMemoryFileSystem();
        LsmStorageEngine engine = open(fs, node);
        try {
            int steps = 60 + random.nextInt(60);
            for (int step = 0; step < steps; step++) {
                int op = random.nextInt(100);
                if (op < 60) {
                    DecoratedKey key = gen.key();
                    Mutation m = Mutation.of("ks", gen.update(key));
                    model.apply(m, true);
                    engine.apply(m, true).toCompletableFuture().join();
                } else if (op < 72) {
                    engine.flush(t.id()).toCompletableFuture().join();
                } else if (op < 82) {
                    List<Long> gens = new ArrayList<>();
                    for (SSTableInfo i : engine.sstables(t.id())) {
                        gens.add(i.generation());
                    }
                    Set<Long> subset = new TreeSet<>();
                    for (Long g : gens) {
                        if (random.nextBoolean()) {
                            subset.add(g);
                        }
                    }
                    if (!subset.isEmpty()) {
                        try {
                            engine.compact(t.id(), subset).toCompletableFuture().join();
                        } catch (java.util.concurrent.CompletionException e) {
                            if (!(e.getCause() instanceof IllegalArgumentException)) {
                                throw e;
                            }
                        }
                    }
                } else if (op < 86) {
                    engine.compact(t.id()).toCompletableFuture().join();
                } else if (op < 89) {
                    engine.stop();
                    engine = open(fs, node);
                } else {
                    check(engine, model, t, random);
                }
            }
            checkAll(engine, model, t);
            engine.compact(t.id()).toCompletableFuture().join();
            checkAll(engine, model, t);
            engine.stop();
            engine = open(fs, node);
            checkAll(engine, model, t);
        } finally {
            engine.stop();
        }
    }

    private static LsmStorageEngine open(InMemoryFileSystem fs, TestNode node) throws Exception {
        LsmStorageEngine e = new LsmStorageEngine(Fixtures.config(Path.of("/cm"), Map.of()), fs, node);
        e.start();
        e.replayCommitLog(t -> true);
        return e;
    }

    /** What a query sees of a read result: live rows with live cells, the live static row. */
    private static String visible(Partition p, long now) {
        Row st = p.liveStaticRow(now);
        return (st == null ? "" : st + " ") + p.liveRows(now);
    }

    private static boolean hasVisibleData(Partition p, long now) {
        return p.liveStaticRow(now) != null || !p.liveRows(now).isEmpty();
    }

    private static void check(StorageEngine engine, StorageEngine model, TableMetadata t, Random random) {
        long now = NOW + 10 + random.nextInt(5);
        ByteBufferKey k = new ByteBufferKey(random.nextInt(KEYS));
        DecoratedKey key = k.decorate();
        boolean reversed = random.nextBoolean();
        DataLimits limits = random.nextBoolean() ? DataLimits.NONE : DataLimits.rows(1 + random.nextInt(3));
        SinglePartitionReadCommand c = new SinglePartitionReadCommand(t.id(), key,
                new ClusteringFilter(org.ringlet.api.data.Slices.ALL, reversed), ColumnFilter.ALL, limits, now);
        assertEquals(visible(model.read(c), now), visible(engine.read(c), now), () -> "read " + c);
    }

    private static void checkAll(StorageEngine engine, StorageEngine model, TableMetadata t) {
        for (long now = NOW + 10; now < NOW + 15; now++) {
            PartitionRangeReadCommand c = new PartitionRangeReadCommand(t.id(), KeyRange.all(), ClusteringFilter.ALL,
                    ColumnFilter.ALL, DataLimits.NONE, now);
            long at = now;
            List<String> expected = model.scan(c).stream().filter(p -> hasVisibleData(p, at))
                    .map(p -> p.key() + visible(p, at)).toList();
            List<String> actual = engine.scan(c).stream().filter(p -> hasVisibleData(p, at))
                    .map(p -> p.key() + visible(p, at)).toList();
            assertEquals(expected, actual, "scan at " + now);
        }
    }

    /** A key of the generator's key space. */
    private record ByteBufferKey(int k) {
        DecoratedKey decorate() {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4).putInt(0, k);
            return new DecoratedKey(new org.ringlet.api.testing.storage.HashPartitioner().token(b), b);
        }
    }
}
