package org.ringlet.storage.lsm.sstable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;
import org.ringlet.api.data.ClusteringComparator;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.data.Slice;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.testing.storage.HashPartitioner;
import org.ringlet.api.testing.storage.RandomPartitions;
import org.ringlet.storage.lsm.commitlog.CommitLogPosition;
import org.ringlet.storage.lsm.io.FileSystem;
import org.ringlet.storage.lsm.io.InMemoryFileSystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SSTableTest {
    private static final Executor DIRECT = Runnable::run;
    private final InMemoryFileSystem fs = new InMemoryFileSystem();
    private final HashPartitioner partitioner = new HashPartitioner();
    private final Path dir = Path.of("/t");
    private final SSTableContext context = new SSTableContext(fs, partitioner, new ChunkCache(1 << 20, DIRECT,
            System::nanoTime), new KeyCache(1 << 20, DIRECT, System::nanoTime), DIRECT);

    static TreeMap<DecoratedKey, Partition> randomData(TableMetadata t, long seed, int keys, int updatesPerKey) {
        RandomPartitions gen = new RandomPartitions(seed, t, new HashPartitioner(), keys, 400);
        TreeMap<DecoratedKey, Partition> data = new TreeMap<>();
        for (int i = 0; i < keys * updatesPerKey; i++) {
            DecoratedKey k = gen.key();
            Partition u = gen.update(k);
            data.merge(k, u, (a, b) -> Partition.merge(List.of(a, b), t));
        }
        return data;
    }

    static SSTableReader write(FileSystem fs, SSTableContext context, Descriptor d, TableMetadata t,
                               Map<DecoratedKey, Partition> data, SSTableWriter.Options options) throws IOException {
        fs.createDirectoriesDurably(d.directory());
        try (SSTableWriter w = new SSTableWriter(fs, d, t, new HashPartitioner(), options, data.size(),
                new SSTableWriter.Metadata(0, CommitLogPosition.NONE, new CommitLogPosition(3, 40), 0, 1234L))) {
            for (Partition p : data.values()) {
                w.append(p.key(), p.partitionDeletion(), p.staticRow(), p.rangeTombstones(), p.rows().iterator());
            }
            w.finish();
        }
        return SSTableReader.open(context, d);
    }

    private static List<Row> list(Iterator<Row> it) {
        List<Row> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void partitionsReadBackExactlyWithSlicesInBothDirections() throws IOException {
        for (ClusteringOrder order : ClusteringOrder.values()) {
            if (order == ClusteringOrder.NONE) {
                continue;
            }
            TableMetadata t = RandomPartitions.table("ks", "t" + order, order);
            TreeMap<DecoratedKey, Partition> data = randomData(t, 11, 30, 60);
            SSTableReader r = write(fs, context, new Descriptor(dir.resolve(order.name()), 1), t, data,
                    new SSTableWriter.Options(512, 4, 0.01, 300));
            ClusteringComparator cmp = ClusteringComparator.of(t);
            RandomPartitions slices = new RandomPartitions(5, t, partitioner, 30, 400);
            boolean sawRowIndex = false;
            for (Partition p : data.values()) {
                IndexEntry e = r.position(p.key());
                assertNotNull(e, "indexed: " + p.key());
                sawRowIndex |= !e.blocks().isEmpty();
                SSTablePartition sp = r.partition(p.key(), e, cmp);
                assertEquals(p.partitionDeletion(), sp.partitionDeletion());
                assertEquals(p.staticRow(), sp.staticRow());
                assertEquals(p.rangeTombstones(), sp.rangeTombstones());
                assertEquals(p.rows(), list(sp.rows()));
                for (int i = 0; i < 10; i++) {
                    Slice s = slices.slice();
                    boolean reversed = i % 2 == 1;
                    List<Row> expected = new ArrayList<>();
                    for (Row row : p.rows()) {
                        if (s.includes(cmp, row.clustering())) {
                            expected.add(row);
                        }
                    }
                    if (reversed) {
                        Collections.reverse(expected);
                    }
                    assertEquals(expected, list(sp.rows(s, reversed)), "slice " + s + " reversed " + reversed);
                }
            }
            assertTrue(sawRowIndex, "large partitions get a row index");
            assertEquals(new ArrayList<>(data.keySet()), r.allKeys());
            r.release();
        }
    }

    @Test
    void absentKeysAreRejectedMostlyByTheBloomFilter() throws IOException {
        TableMetadata t = RandomPartitions.table("ks", "b", ClusteringOrder.ASC);
        TreeMap<DecoratedKey, Partition> data = randomData(t, 3, 2000, 1);
        SSTableReader r = write(fs, context, new Descriptor(dir, 2), t, data, SSTableWriter.Options.DEFAULT);
        int maybe = 0;
        for (int i = 0; i < 10_000; i++) {
            ByteBuffer k = ByteBuffer.allocate(8).putLong(0, 1_000_000L + i);
            DecoratedKey key = new DecoratedKey(partitioner.token(k), k);
            if (r.mayContain(key)) {
                maybe++;
            }
            assertNull(r.position(key));
        }
        assertTrue(maybe < 300, "false positives at 1%: " + maybe + " of 10000");
        r.release();
    }

    @Test
    void aScanStartsAtTheFirstKeyOfAToken() throws IOException {
        TableMetadata t = RandomPartitions.table("ks", "s", ClusteringOrder.ASC);
        TreeMap<DecoratedKey, Partition> data = randomData(t, 4, 500, 1);
        SSTableReader r = write(fs, context, new Descriptor(dir, 3), t, data,
                new SSTableWriter.Options(1024, 8, 0.01, 65536));
        List<DecoratedKey> keys = new ArrayList<>(data.keySet());
        DecoratedKey middle = keys.get(keys.size() / 2);
        Iterator<SSTableReader.KeyEntry> it = r.keys(middle.token());
        assertEquals(middle, it.next().key());
        Iterator<SSTableReader.KeyEntry> from = r.keysFrom(keys.get(100));
        for (int i = 100; i < keys.size(); i++) {
            assertEquals(keys.get(i), from.next().key());
        }
        assertFalse(from.hasNext());
        r.release();
    }

    @Test
    void corruptionIsDetectedAndNeverServed() throws IOException {
        TableMetadata t = RandomPartitions.table("ks", "c", ClusteringOrder.ASC);
        TreeMap<DecoratedKey, Partition> data = randomData(t, 5, 100, 3);
        Descriptor d = new Descriptor(dir, 4);
        SSTableReader r = write(fs, context, d, t, data, new SSTableWriter.Options(1024, 8, 0.01, 65536));
        r.release();
        fs.corrupt(d.path(SSTableFormat.Component.DATA), 100);
        SSTableReader reopened = SSTableReader.open(
                new SSTableContext(fs, partitioner, new ChunkCache(0, DIRECT, System::nanoTime),
                        new KeyCache(0, DIRECT, System::nanoTime), DIRECT), d);
        ClusteringComparator cmp = ClusteringComparator.of(t);
        CorruptSSTableException e = assertThrows(CorruptSSTableException.class, () -> {
            for (DecoratedKey k : data.keySet()) {
                list(reopened.partition(k, reopened.position(k), cmp).rows());
            }
        });
        assertEquals(d.path(SSTableFormat.Component.DATA), e.path());
        reopened.release();

        fs.corrupt(d.path(SSTableFormat.Component.STATISTICS), 20);
        assertThrows(CorruptSSTableException.class, () -> SSTableReader.open(context, d));
        fs.deleteIfExists(d.path(SSTableFormat.Component.TOC));
        assertThrows(CorruptSSTableException.class, () -> SSTableReader.open(context, d));
    }

    @Test
    void statisticsDescribeTheData() throws IOException {
        TableMetadata t = RandomPartitions.table("ks", "st", ClusteringOrder.ASC);
        TreeMap<DecoratedKey, Partition> data = randomData(t, 6, 50, 4);
        SSTableReader r = write(fs, context, new Descriptor(dir, 5), t, data, SSTableWriter.Options.DEFAULT);
        StatsMetadata s = r.stats();
        long max = Long.MIN_VALUE;
        long rows = 0;
        for (Partition p : data.values()) {
            max = Math.max(max, p.maxTimestamp());
            rows += p.rowCount();
        }
        assertEquals(max, s.maxTimestamp());
        assertEquals(rows, s.rowCount());
        assertEquals(data.size(), s.partitionCount());
        assertEquals(data.firstKey(), r.first());
        assertEquals(data.lastKey(), r.last());
        assertEquals(new CommitLogPosition(3, 40), s.commitLogUpper());
        assertEquals(t.id().uuid(), s.tableId());
        assertTrue(s.tombstoneCount() > 0);
        r.release();
    }
}
