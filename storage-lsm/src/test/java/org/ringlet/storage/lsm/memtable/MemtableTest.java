package org.ringlet.storage.lsm.memtable;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.ringlet.api.data.Cell;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.LivenessInfo;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.data.Slice;
import org.ringlet.api.ring.Token;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.testing.ring.Murmur3TestPartitioner;
import org.ringlet.api.testing.storage.HashPartitioner;
import org.ringlet.storage.lsm.testing.Fixtures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemtableTest {
    private final TableMetadata kv = Fixtures.kv("ks");

    /** Few distinct tokens and no order prefix: the key bytes decide most comparisons. */
    private record CoarseToken(int value) implements Token {
        @Override
        public int compareTo(Token o) {
            return Integer.compare(value, ((CoarseToken) o).value);
        }
    }

    private static DecoratedKey murmur(int i) {
        ByteBuffer b = ByteBuffer.allocate(8).putLong(0, i * 31L);
        return new DecoratedKey(new Murmur3TestPartitioner().token(b), b);
    }

    private static DecoratedKey hashed(int i) {
        ByteBuffer b = ByteBuffer.allocate(4).putInt(0, i);
        return new DecoratedKey(new HashPartitioner().token(b), b);
    }

    private static DecoratedKey coarse(int i) {
        ByteBuffer b = ByteBuffer.allocate(4).putInt(0, i * 7919);
        return new DecoratedKey(new CoarseToken(i % 5), b);
    }

    private Partition write(DecoratedKey key, int value, long ts) {
        Partition.Builder b = Partition.builder(kv, key);
        b.row(Clustering.EMPTY).liveness(LivenessInfo.create(ts))
                .addCell(Cell.live("v", null, ByteBuffer.allocate(4).putInt(0, value), ts));
        return b.build();
    }

    @Test
    void concurrentWritersKeepEveryKeyOnceInKeyOrder() throws Exception {
        for (java.util.function.IntFunction<DecoratedKey> keys : List.<java.util.function.IntFunction<DecoratedKey>>of(
                MemtableTest::murmur, MemtableTest::hashed, MemtableTest::coarse)) {
            Memtable m = new Memtable(1, kv);
            int n = 20_000;
            ConcurrentSkipListSet<DecoratedKey> expected = new ConcurrentSkipListSet<>();
            List<Throwable> errors = new CopyOnWriteArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                SplittableRandom rnd = new SplittableRandom(t);
                Thread th = new Thread(() -> {
                    try {
                        for (int i = 0; i < n; i++) {
                            int k = rnd.nextInt(n); // writers overlap on keys
                            DecoratedKey key = keys.apply(k);
                            m.apply(write(key, k, 1 + i));
                            expected.add(key);
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                });
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) {
                th.join();
            }
            assertTrue(errors.isEmpty(), () -> errors.toString());
            assertEquals(expected.size(), m.partitionCount());
            List<DecoratedKey> seen = new ArrayList<>();
            m.partitions(null).forEachRemaining(p -> seen.add(p.key()));
            assertEquals(new ArrayList<>(expected), seen, "every key once, in key order");
            assertEquals(expected.first(), m.firstKey());
            for (DecoratedKey k : expected) {
                MemtablePartition p = m.get(k);
                assertNotNull(p, "get " + k);
                assertEquals(k, p.key());
                Row r = p.rows().next();
                ByteBuffer v = r.cell("v").value();
                assertEquals(k, keys.apply(v.getInt(v.position())), "the row of the key");
            }
            SplittableRandom rnd = new SplittableRandom(99);
            TreeMap<DecoratedKey, Boolean> sorted = new TreeMap<>();
            expected.forEach(k -> sorted.put(k, true));
            for (int i = 0; i < 2000; i++) {
                DecoratedKey probe = keys.apply(n + rnd.nextInt(n)); // mostly absent keys
                Iterator<MemtablePartition> it = m.partitions(probe);
                DecoratedKey want = sorted.ceilingKey(probe);
                assertEquals(want, it.hasNext() ? it.next().key() : null, "ceiling of " + probe);
                if (!expected.contains(probe)) {
                    assertNull(m.get(probe));
                }
            }
        }
    }

    @Test
    void rowsAreMergedAndReadBackFromTheirSerializedForm() {
        TableMetadata wide = Fixtures.wide("ks", ClusteringOrder.ASC);
        Memtable m = new Memtable(2, wide);
        DecoratedKey key = murmur(1);
        for (int ck = 9; ck >= 0; ck--) {
            Partition.Builder b = Partition.builder(wide, key);
            b.row(Clustering.of(Fixtures.intBytes(ck))).liveness(LivenessInfo.create(10))
                    .addCell(Cell.live("v", null, Fixtures.bytes("a" + ck), 10));
            m.apply(b.build());
        }
        // a newer write of one cell of row 3 merges with the row, an older one of row 4 loses
        Partition.Builder b = Partition.builder(wide, key);
        b.row(Clustering.of(Fixtures.intBytes(3))).addCell(Cell.live("v", null, Fixtures.bytes("new"), 20));
        b.row(Clustering.of(Fixtures.intBytes(4))).addCell(Cell.live("v", null, Fixtures.bytes("old"), 5));
        m.apply(b.build());
        MemtablePartition p = m.get(key);
        assertEquals(10, p.rowCount());
        List<String> values = new ArrayList<>();
        p.rows().forEachRemaining(r -> values.add(
                java.nio.charset.StandardCharsets.UTF_8.decode(r.cell("v").value()).toString()));
        assertEquals(List.of("a0", "a1", "a2", "new", "a4", "a5", "a6", "a7", "a8", "a9"), values);
        Row three = p.toPartition().rows().get(3);
        assertEquals(10, three.primaryKeyLiveness().timestamp(), "the row marker survives the merge");
        List<Integer> reversed = new ArrayList<>();
        p.rows(Slice.ALL, true).forEachRemaining(r -> reversed.add(r.clustering().get(0).getInt(0)));
        assertEquals(List.of(9, 8, 7, 6, 5, 4, 3, 2, 1, 0), reversed);
        ByteBuffer k = key.key();
        byte[] stored = new byte[k.remaining()];
        k.get(stored);
        assertArrayEquals(stored, p.key);
    }

    /**
     * The statistics a read uses to skip a memtable (lowest and highest timestamp) and the cell count, against
     * values computed here from every kind of write: cells, row and partition deletions, static rows, complex
     * deletions and range tombstones.
     */
    @Test
    void timestampRangeAndCellCountCoverEveryKindOfWrite() {
        TableMetadata wide = Fixtures.wide("ks", ClusteringOrder.ASC);
        SplittableRandom rnd = new SplittableRandom(11);
        for (int round = 0; round < 50; round++) {
            Memtable m = new Memtable(round, wide);
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            long cells = 0;
            int updates = 1 + rnd.nextInt(6);
            for (int u = 0; u < updates; u++) {
                Partition.Builder b = Partition.builder(wide, murmur(rnd.nextInt(4)));
                if (rnd.nextInt(4) == 0) {
                    long ts = 1_000 + rnd.nextInt(1_000_000);
                    b.deletePartition(new org.ringlet.api.data.DeletionTime(ts, 1_700_000_000L));
                }
                if (rnd.nextInt(3) == 0) {
                    long ts = 1_000 + rnd.nextInt(1_000_000);
                    b.staticRow().addCell(Cell.live("s", null, Fixtures.bytes("st"), ts));
                }
                int rows = rnd.nextInt(4);
                for (int r = 0; r < rows; r++) {
                    Row.Builder row = b.row(Clustering.of(Fixtures.intBytes(r)));
                    if (rnd.nextBoolean()) {
                        long ts = 1_000 + rnd.nextInt(1_000_000);
                        row.liveness(LivenessInfo.create(ts));
                    }
                    if (rnd.nextInt(5) == 0) {
                        long ts = 1_000 + rnd.nextInt(1_000_000);
                        row.delete(new org.ringlet.api.data.DeletionTime(ts, 1_700_000_000L));
                    }
                    if (rnd.nextInt(5) == 0) {
                        long ts = 1_000 + rnd.nextInt(1_000_000);
                        row.deleteComplex("m", new org.ringlet.api.data.DeletionTime(ts, 1_700_000_000L));
                    }
                    int n = rnd.nextInt(3);
                    for (int c = 0; c < n; c++) {
                        long ts = 1_000 + rnd.nextInt(1_000_000);
                        row.addCell(c == 0 ? Cell.live("v", null, Fixtures.bytes("v"), ts)
                                : Cell.live("m", Fixtures.bytes("k" + c), Fixtures.bytes("x"), ts));
                    }
                }
                if (rnd.nextInt(4) == 0) {
                    long ts = 1_000 + rnd.nextInt(1_000_000);
                    b.addRangeTombstone(new org.ringlet.api.data.RangeTombstone(
                            Slice.exactly(Clustering.of(Fixtures.intBytes(9))),
                            new org.ringlet.api.data.DeletionTime(ts, 1_700_000_000L)));
                }
                Partition update = b.build();
                m.apply(update);
                // the builder may drop what its own deletions shadow: the expected values come from what it built
                max = Math.max(max, update.maxTimestamp());
                min = Math.min(min, lowestTimestamp(update));
                cells += update.staticRow().cells().size()
                        + update.rows().stream().mapToLong(r -> r.cells().size()).sum();
            }
            assertEquals(min, m.minTimestamp(), "round " + round);
            assertEquals(max, m.maxTimestamp(), "round " + round);
            assertEquals(cells, m.cellCount(), "round " + round);
        }
    }

    private static long lowestTimestamp(Partition p) {
        List<Long> all = new ArrayList<>();
        if (!p.partitionDeletion().isLive()) {
            all.add(p.partitionDeletion().markedForDeleteAt());
        }
        List<Row> rows = new ArrayList<>(p.rows());
        rows.add(p.staticRow());
        for (Row r : rows) {
            if (!r.primaryKeyLiveness().isEmpty()) {
                all.add(r.primaryKeyLiveness().timestamp());
            }
            if (!r.deletion().isLive()) {
                all.add(r.deletion().markedForDeleteAt());
            }
            r.cells().forEach(c -> all.add(c.timestamp()));
            r.complexDeletions().values().forEach(d -> all.add(d.markedForDeleteAt()));
        }
        p.rangeTombstones().forEach(rt -> all.add(rt.deletion().markedForDeleteAt()));
        return all.stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
    }
}
