package org.ringlet.storage.lsm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.Test;
import org.ringlet.api.data.Cell;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.LivenessInfo;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.api.testing.storage.InMemoryStorageEngine;
import org.ringlet.api.testing.storage.MutableSchemaService;
import org.ringlet.api.types.NativeType;
import org.ringlet.storage.lsm.io.FaultInjectingFileSystem;
import org.ringlet.storage.lsm.io.InMemoryFileSystem;
import org.ringlet.storage.lsm.testing.Fixtures;
import org.ringlet.storage.lsm.testing.TestClock;
import org.ringlet.storage.lsm.testing.TestNode;
import org.ringlet.storage.lsm.testing.TestScheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Point reads of a table without clustering columns skip SSTables that a memtable row covers (ADR 0171): the
 * reads must equal the in-memory model's whatever the mix of markers, missing cells, tombstones, TTLs, partition
 * deletions, timestamp ties and flushes, and a covered SSTable must not be read at all.
 */
class CoveredReadProperties {
    private static final long NOW = 1_700_000_000L;
    private static final int KEYS = 4;
    private static final TestScheduler SCHEDULER = new TestScheduler();

    @AfterContainer
    static void closeScheduler() {
        SCHEDULER.close();
    }

    /** {@code ks.kv2 (k int PRIMARY KEY, a int, b text)}, without compaction. */
    private static TableMetadata table() {
        return TableMetadata.builder("ks", "kv2")
                .id(new TableId(UUID.nameUUIDFromBytes("ks.kv2".getBytes(StandardCharsets.UTF_8))))
                .addPartitionKey("k", NativeType.INT).addRegular("a", NativeType.INT)
                .addRegular("b", NativeType.TEXT)
                // compaction purges tombstones and expired cells, which the model keeps
                .params(org.ringlet.api.schema.TableParams.defaults().withCompaction(Map.of("class",
                        "SizeTieredCompactionStrategy", "enabled", "false")))
                .build();
    }

    private static LsmStorageEngine open(org.ringlet.storage.lsm.io.FileSystem fs, TestNode node) throws Exception {
        LsmStorageEngine e = new LsmStorageEngine(Fixtures.config(Path.of("/covered"), Map.of()), fs, node);
        e.start();
        e.replayCommitLog(t -> true);
        return e;
    }

    private static DecoratedKey key(TestNode node, int k) {
        ByteBuffer b = ByteBuffer.allocate(4).putInt(0, k);
        return new DecoratedKey(node.partitioner().token(b), b);
    }

    private static Cell cell(Random random, String column, long ts) {
        ByteBuffer value = column.equals("a") ? ByteBuffer.allocate(4).putInt(0, random.nextInt(3))
                : ByteBuffer.wrap(("t" + random.nextInt(3)).getBytes(StandardCharsets.UTF_8));
        return switch (random.nextInt(6)) {
            case 0 -> Cell.tombstone(column, null, ts, NOW - random.nextInt(3));
            case 1 -> Cell.expiring(column, null, value, ts, 1 + random.nextInt(3), NOW - 2 + random.nextInt(3));
            default -> Cell.live(column, null, value, ts);
        };
    }

    /** A random write: mostly full rows with a marker (which cover), else partial rows, deletions, TTL markers. */
    private static Partition update(Random random, TableMetadata t, DecoratedKey key, long ts) {
        Partition.Builder b = Partition.builder(t, key);
        int kind = random.nextInt(12);
        if (kind == 0) {
            return b.deletePartition(new DeletionTime(ts, NOW - random.nextInt(3))).build();
        }
        Row.Builder r = b.row(Clustering.EMPTY);
        if (kind == 1) {
            r.delete(new DeletionTime(ts, NOW));
        }
        if (kind != 2) {
            r.liveness(random.nextInt(5) == 0 ? LivenessInfo.expiring(ts, 1 + random.nextInt(3), NOW - 2)
                    : LivenessInfo.create(ts));
        }
        if (kind != 3) {
            r.addCell(cell(random, "a", ts));
        }
        if (kind != 4) {
            r.addCell(cell(random, "b", random.nextInt(4) == 0 ? ts - 1 : ts));
        }
        return b.build();
    }

    @Property(tries = 150)
    void coveredReadsLikeTheModel(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        MutableSchemaService schema = new MutableSchemaService();
        TestNode node = new TestNode(TestClock.system(), SCHEDULER, schema);
        TableMetadata t = schema.createTable(table());
        InMemoryStorageEngine model = new InMemoryStorageEngine(id -> schema.current().table(id).orElse(null));
        LsmStorageEngine engine = open(new InMemoryFileSystem(), node);
        boolean monotonic = random.nextBoolean();
        long clock = 10;
        try {
            int steps = 40 + random.nextInt(60);
            for (int step = 0; step < steps; step++) {
                int op = random.nextInt(10);
                DecoratedKey key = key(node, random.nextInt(KEYS));
                if (op < 6) {
                    long ts = monotonic ? clock++ : 1 + random.nextInt(12);
                    Mutation m = Mutation.of("ks", update(random, t, key, ts));
                    model.apply(m, true);
                    engine.apply(m, true).toCompletableFuture().join();
                } else if (op < 8) {
                    engine.flush(t.id()).toCompletableFuture().join();
                } else {
                    long now = NOW - 3 + random.nextInt(6);
                    SinglePartitionReadCommand c = SinglePartitionReadCommand.fullPartition(t.id(), key, now);
                    assertEquals(model.read(c), engine.read(c), () -> "read " + c);
                }
            }
            for (int k = 0; k < KEYS; k++) {
                SinglePartitionReadCommand c = SinglePartitionReadCommand.fullPartition(t.id(), key(node, k), NOW);
                assertEquals(model.read(c), engine.read(c), () -> "final read " + c);
            }
        } finally {
            engine.stop();
        }
    }

    /**
     * An SSTable whose data cannot be read is never touched by a read that a newer memtable row covers, and is by
     * a read that the memtable row does not cover (no row marker).
     */
    @Test
    void aCoveredSSTableIsNotRead() throws Exception {
        MutableSchemaService schema = new MutableSchemaService();
        TestNode node = new TestNode(TestClock.system(), SCHEDULER, schema);
        TableMetadata t = schema.createTable(table());
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        LsmStorageEngine engine = open(fs, node);
        try {
            DecoratedKey k1 = key(node, 1);
            DecoratedKey k2 = key(node, 2);
            for (DecoratedKey k : new DecoratedKey[] {k1, k2}) {
                Partition.Builder b = Partition.builder(t, k);
                b.row(Clustering.EMPTY).liveness(LivenessInfo.create(5))
                        .addCell(Cell.live("a", null, ByteBuffer.allocate(4).putInt(0, 1), 5))
                        .addCell(Cell.live("b", null, ByteBuffer.wrap(new byte[] {'x'}), 5));
                engine.apply(Mutation.of("ks", b.build()), true).toCompletableFuture().join();
            }
            engine.flush(t.id()).toCompletableFuture().join();
            fs.addFault(FaultInjectingFileSystem.ioError(FaultInjectingFileSystem.Op.READ,
                    p -> p.getFileName().toString().contains("Data")));
            Partition.Builder covering = Partition.builder(t, k1);
            covering.row(Clustering.EMPTY).liveness(LivenessInfo.create(6))
                    .addCell(Cell.live("a", null, ByteBuffer.allocate(4).putInt(0, 2), 6))
                    .addCell(Cell.tombstone("b", null, 6, NOW));
            engine.apply(Mutation.of("ks", covering.build()), true).toCompletableFuture().join();
            Partition.Builder partial = Partition.builder(t, k2);
            partial.row(Clustering.EMPTY).addCell(Cell.live("a", null, ByteBuffer.allocate(4).putInt(0, 2), 6))
                    .addCell(Cell.live("b", null, ByteBuffer.wrap(new byte[] {'y'}), 6));
            engine.apply(Mutation.of("ks", partial.build()), true).toCompletableFuture().join();

            Partition read = engine.read(SinglePartitionReadCommand.fullPartition(t.id(), k1, NOW));
            assertEquals(6, read.rows().get(0).primaryKeyLiveness().timestamp());
            assertEquals(2, read.rows().get(0).cell("a").value().getInt(0));
            assertThrows(RuntimeException.class,
                    () -> engine.read(SinglePartitionReadCommand.fullPartition(t.id(), k2, NOW)),
                    "a read the memtable row does not cover reads the SSTable");
        } finally {
            fs.clearFaults();
            engine.stop();
        }
    }
}
