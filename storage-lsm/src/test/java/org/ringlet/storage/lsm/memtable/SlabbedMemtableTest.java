package org.ringlet.storage.lsm.memtable;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.ringlet.api.data.Cell;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.LivenessInfo;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.data.Slice;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.testing.ring.Murmur3TestPartitioner;
import org.ringlet.api.testing.storage.HashPartitioner;
import org.ringlet.api.testing.storage.RandomPartitions;
import org.ringlet.storage.lsm.testing.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A memtable with slabs ({@code heap_buffers}, ADR 0165) against one with an array per row, the model: the same
 * updates read back the same, and the memory accounted is the slabs' use plus the same estimates.
 */
class SlabbedMemtableTest {
    private static final HashPartitioner PARTITIONER = new HashPartitioner();

    private static void assertSameContent(Memtable model, Memtable slabbed) {
        assertEquals(model.partitionCount(), slabbed.partitionCount());
        assertEquals(model.cellCount(), slabbed.cellCount());
        assertEquals(model.minTimestamp(), slabbed.minTimestamp());
        assertEquals(model.maxTimestamp(), slabbed.maxTimestamp());
        Iterator<MemtablePartition> a = model.partitions(null);
        Iterator<MemtablePartition> b = slabbed.partitions(null);
        while (a.hasNext()) {
            assertTrue(b.hasNext());
            MemtablePartition p = a.next();
            MemtablePartition q = b.next();
            assertEquals(p.key(), q.key());
            assertEquals(p.toPartition(), q.toPartition(), "partition " + p.key());
            assertEquals(p.rowCount(), q.rowCount());
            List<Row> x = new ArrayList<>();
            List<Row> y = new ArrayList<>();
            p.rows(Slice.ALL, true).forEachRemaining(x::add);
            q.rows(Slice.ALL, true).forEachRemaining(y::add);
            assertEquals(x, y, "rows reversed of " + p.key());
            Iterator<Map.Entry<Clustering, ByteBuffer>> r = p.serializedRows();
            Iterator<Map.Entry<Clustering, ByteBuffer>> s = q.serializedRows();
            while (r.hasNext()) {
                assertTrue(s.hasNext());
                Map.Entry<Clustering, ByteBuffer> e = r.next();
                Map.Entry<Clustering, ByteBuffer> f = s.next();
                assertEquals(e.getKey(), f.getKey());
                assertEquals(e.getValue(), f.getValue(), "serialized row of " + p.key());
            }
            assertTrue(!s.hasNext());
        }
        assertTrue(!b.hasNext());
    }

    @Test
    void clusteredTablesReadBackAsTheModel() {
        for (long seed = 0; seed < 30; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            TableMetadata t = RandomPartitions.table("ks", "t", rnd.nextBoolean() ? ClusteringOrder.ASC
                    : ClusteringOrder.DESC);
            RandomPartitions gen = new RandomPartitions(seed, t, PARTITIONER, 1 + rnd.nextInt(40), 30);
            Memtable model = new Memtable(1, t);
            Memtable slabbed = new Memtable(1, t, AllocationType.HEAP_BUFFERS);
            long rowsWritten = 0;
            long sizeModel = 0;
            long sizeSlabbed = 0;
            int updates = rnd.nextInt(800);
            for (int i = 0; i < updates; i++) {
                Partition u = gen.update(gen.key());
                sizeModel += model.apply(u);
                sizeSlabbed += slabbed.apply(u);
                rowsWritten += u.rows().size();
            }
            assertSameContent(model, slabbed);
            // a row costs its bytes plus 4 (its length) in a slab and a boxed reference instead of an array header
            assertEquals(model.dataSize() + 4 * rowsWritten, slabbed.dataSize(), "seed " + seed);
            assertEquals(sizeModel, model.dataSize());
            assertEquals(sizeSlabbed, slabbed.dataSize());
        }
    }

    @Test
    void tablesWithoutClusteringReadBackAsTheModelAndAccountTheirSlabs() {
        TableMetadata kv = Fixtures.kv("ks");
        Murmur3TestPartitioner murmur = new Murmur3TestPartitioner();
        SplittableRandom rnd = new SplittableRandom(3);
        Memtable model = new Memtable(1, kv);
        Memtable slabbed = new Memtable(1, kv, AllocationType.HEAP_BUFFERS);
        long keyBytes = 0;
        List<DecoratedKey> seen = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            int k = rnd.nextInt(10_000);
            ByteBuffer kb = ByteBuffer.allocate(8).putLong(0, k);
            DecoratedKey key = new DecoratedKey(murmur.token(kb), kb);
            Partition.Builder b = Partition.builder(kv, key);
            long ts = 1 + rnd.nextInt(1000);
            byte[] v = new byte[rnd.nextInt(500) == 0 ? 200_000 : rnd.nextInt(200)]; // some beyond a packed row
            rnd.nextBytes(v);
            Row.Builder row = b.row(Clustering.EMPTY);
            if (rnd.nextBoolean()) {
                row.liveness(LivenessInfo.create(ts));
            }
            row.addCell(Cell.live("v", null, ByteBuffer.wrap(v), ts));
            Partition u = b.build();
            long a = model.apply(u);
            long s = slabbed.apply(u);
            if (model.partitionCount() > seen.size()) {
                seen.add(key);
                keyBytes += 8;
            }
            assertEquals(a - 12, s, "an array header (16) less, a length (4) more");
        }
        assertSameContent(model, slabbed);
        RowSlabs slabs = slabbed.slabs();
        assertEquals((long) slabbed.partitionCount() * Memtable.PARTITION_OVERHEAD + keyBytes + slabs.usedBytes(),
                slabbed.dataSize(), "the rows' part of the accounted size is what the slabs hold");
        assertTrue(slabs.reservedBytes() >= slabs.usedBytes());
        assertNull(model.slabs());
    }

    @Test
    void readersRacingWritersSeeWholeRows() throws Exception {
        TableMetadata kv = Fixtures.kv("ks");
        Memtable m = new Memtable(1, kv, AllocationType.HEAP_BUFFERS);
        Murmur3TestPartitioner murmur = new Murmur3TestPartitioner();
        int keys = 2_000;
        AtomicBoolean done = new AtomicBoolean();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int id = w;
            threads.add(new Thread(() -> {
                try {
                    SplittableRandom rnd = new SplittableRandom(id);
                    for (int i = 0; i < 60_000; i++) {
                        int k = rnd.nextInt(keys);
                        // the value repeats the key's number: a reader can tell a torn or misplaced row
                        int n = 1 + rnd.nextInt(60);
                        ByteBuffer v = ByteBuffer.allocate(4 * n);
                        for (int j = 0; j < n; j++) {
                            v.putInt(k);
                        }
                        v.flip();
                        ByteBuffer kb = ByteBuffer.allocate(4).putInt(0, k);
                        Partition.Builder b = Partition.builder(kv, new DecoratedKey(murmur.token(kb), kb));
                        b.row(Clustering.EMPTY).addCell(Cell.live("v", null, v, 1 + i));
                        m.apply(b.build());
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }));
        }
        threads.add(new Thread(() -> {
            try {
                SplittableRandom rnd = new SplittableRandom(9);
                while (!done.get()) {
                    int k = rnd.nextInt(keys);
                    ByteBuffer kb = ByteBuffer.allocate(4).putInt(0, k);
                    MemtablePartition p = m.get(new DecoratedKey(murmur.token(kb), kb));
                    if (p == null) {
                        continue;
                    }
                    Iterator<Row> rows = p.rows();
                    if (!rows.hasNext()) {
                        continue; // a new partition is reachable a moment before its first row
                    }
                    ByteBuffer v = rows.next().cell("v").value();
                    assertTrue(v.remaining() > 0 && v.remaining() % 4 == 0, "length " + v.remaining());
                    for (int j = v.position(); j < v.limit(); j += 4) {
                        assertEquals(k, v.getInt(j), "a row of key " + k);
                    }
                }
            } catch (Throwable e) {
                errors.add(e);
            }
        }));
        for (Thread t : threads) {
            t.start();
        }
        threads.get(0).join();
        threads.get(1).join();
        done.set(true);
        threads.get(2).join();
        assertTrue(errors.isEmpty(), errors::toString);
        assertEquals(keys, m.partitionCount());
    }
}
