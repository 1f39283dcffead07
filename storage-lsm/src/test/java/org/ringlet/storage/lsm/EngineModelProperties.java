package org.ringlet.storage.lsm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.testing.storage.InMemoryStorageEngine;
import org.ringlet.api.testing.storage.MutableSchemaService;
import org.ringlet.api.testing.storage.RandomPartitions;
import org.ringlet.storage.lsm.io.InMemoryFileSystem;
import org.ringlet.storage.lsm.testing.ModelChecker;
import org.ringlet.storage.lsm.testing.TestClock;
import org.ringlet.storage.lsm.testing.TestNode;
import org.ringlet.storage.lsm.testing.TestScheduler;

/**
 * Random sequences of writes (cell, row, range and partition deletions, TTLs, static rows, collections, several
 * tables in one mutation), flushes and restarts give the same reads as the in-memory model, for random slices,
 * orders, column selections, limits, times and paged scans.
 */
class EngineModelProperties {
    private static final int KEYS = 12;
    private static final TestScheduler SCHEDULER = new TestScheduler();

    @AfterContainer
    static void closeScheduler() {
        SCHEDULER.close();
    }

    @Property(tries = 200)
    void engineReadsLikeTheModel(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        MutableSchemaService schema = new MutableSchemaService();
        TestNode node = new TestNode(TestClock.system(), SCHEDULER, schema);
        TableMetadata asc = schema.createTable(withoutCompaction(RandomPartitions.table("ks", "asc",
                ClusteringOrder.ASC)));
        TableMetadata desc = schema.createTable(withoutCompaction(RandomPartitions.table("ks", "desc",
                ClusteringOrder.DESC)));
        RandomPartitions genAsc = new RandomPartitions(random.nextLong(), asc, node.partitioner(), KEYS, 6);
        RandomPartitions genDesc = new RandomPartitions(random.nextLong(), desc, node.partitioner(), KEYS, 6);
        InMemoryStorageEngine model = new InMemoryStorageEngine(id -> schema.current().table(id).orElse(null));
        ModelChecker checker = new ModelChecker(model, node.partitioner(), random);
        InMemoryFileSystem fs = new InMemoryFileSystem();
        Map<String, String> options = Map.of("memtable_heap_space", random.nextBoolean() ? "64MiB" : "24KiB",
                "commitlog_segment_size", "64KiB", "column_index_size", random.nextBoolean() ? "1KiB" : "64KiB");
        LsmStorageEngine engine = open(fs, node, options);
        try {
            int steps = 80 + random.nextInt(80);
            for (int step = 0; step < steps; step++) {
                int op = random.nextInt(100);
                if (op < 55) {
                    DecoratedKey key = genAsc.key();
                    List<Partition> updates = new ArrayList<>();
                    updates.add(genAsc.update(key));
                    if (random.nextInt(4) == 0) {
                        updates.add(genDesc.update(key));
                    }
                    Mutation m = Mutation.of("ks", updates);
                    model.apply(m, true);
                    engine.apply(m, true).toCompletableFuture().join();
                } else if (op < 62) {
                    DecoratedKey key = genDesc.key();
                    Mutation m = Mutation.of("ks", genDesc.update(key));
                    model.apply(m, true);
                    engine.apply(m, true).toCompletableFuture().join();
                } else if (op < 68) {
                    engine.flush(random.nextBoolean() ? asc.id() : desc.id()).toCompletableFuture().join();
                } else if (op < 71) {
                    engine.stop();
                    engine = open(fs, node, options);
                } else if (op < 88) {
                    if (random.nextBoolean()) {
                        checker.checkRead(engine, asc, genAsc);
                    } else {
                        checker.checkRead(engine, desc, genDesc);
                    }
                } else {
                    checker.checkScan(engine, random.nextBoolean() ? asc : desc,
                            random.nextBoolean() ? genAsc : genDesc);
                }
            }
            checker.checkAll(engine, asc, KEYS);
            checker.checkAll(engine, desc, KEYS);
            engine.stop();
            engine = open(fs, node, options);
            checker.checkAll(engine, asc, KEYS);
            checker.checkAll(engine, desc, KEYS);
        } finally {
            engine.stop();
        }
    }

    /**
     * Exact equality with the model holds for flushes and restarts; compaction rewrites expired cells and purges
     * tombstones (compared by what queries see in {@code CompactionModelProperties}).
     */
    private static TableMetadata withoutCompaction(TableMetadata t) {
        return t.toBuilder().params(t.params().withCompaction(java.util.Map.of("class",
                "SizeTieredCompactionStrategy", "enabled", "false"))).build();
    }

    private static LsmStorageEngine open(InMemoryFileSystem fs, TestNode node, Map<String, String> options)
            throws Exception {
        LsmStorageEngine e = new LsmStorageEngine(
                org.ringlet.storage.lsm.testing.Fixtures.config(Path.of("/model"), options), fs, node);
        e.start();
        e.replayCommitLog(t -> true);
        return e;
    }
}
