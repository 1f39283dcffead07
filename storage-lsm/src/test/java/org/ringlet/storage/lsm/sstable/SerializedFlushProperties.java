package org.ringlet.storage.lsm.sstable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Random;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.ringlet.api.data.Cell;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.LivenessInfo;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.testing.storage.HashPartitioner;
import org.ringlet.api.testing.storage.RandomPartitions;
import org.ringlet.api.types.NativeType;
import org.ringlet.storage.lsm.commitlog.CommitLogPosition;
import org.ringlet.storage.lsm.io.FileSystem;
import org.ringlet.storage.lsm.io.InMemoryFileSystem;
import org.ringlet.storage.lsm.io.ReadableFile;
import org.ringlet.storage.lsm.memtable.AllocationType;
import org.ringlet.storage.lsm.memtable.Memtable;
import org.ringlet.storage.lsm.memtable.MemtablePartition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A flush that transcodes the memtable's serialized rows ({@link SSTableWriter#appendSerialized}) writes the same
 * SSTable, every component byte for byte, as writing the decoded rows ({@link SSTableWriter#append}, the path
 * compactions take and flushes took before), for random memtables: clustered tables with static rows, range and
 * partition deletions, row deletions, expiring rows and cells, tombstones, collections and their deletions; and a
 * table without clustering with more columns than the dictionary compares by bytes, non-ASCII column names and
 * empty values.
 */
class SerializedFlushProperties {
    private static final HashPartitioner PARTITIONER = new HashPartitioner();

    @Property(tries = 40)
    void clusteredTablesFlushIdentically(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        TableMetadata t = RandomPartitions.table("ks", "t", random.nextBoolean() ? ClusteringOrder.ASC
                : ClusteringOrder.DESC);
        RandomPartitions gen = new RandomPartitions(seed, t, PARTITIONER, 1 + random.nextInt(60), 40);
        Memtable m = new Memtable(1, t);
        Memtable slabbed = new Memtable(1, t, AllocationType.HEAP_BUFFERS);
        int updates = random.nextInt(600);
        for (int i = 0; i < updates; i++) {
            Partition u = gen.update(gen.key());
            m.apply(u);
            slabbed.apply(u);
        }
        assertSameSSTable(t, m, slabbed, random.nextBoolean() ? 64 : 64 * 1024);
    }

    @Property(tries = 40)
    void tablesWithoutClusteringFlushIdentically(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        TableMetadata.Builder b = TableMetadata.builder("ks", "flat")
                .id(new TableId(UUID.nameUUIDFromBytes("ks.flat".getBytes(StandardCharsets.UTF_8))))
                .addPartitionKey("k", NativeType.BIGINT);
        int columns = 1 + random.nextInt(24);
        for (int i = 0; i < columns; i++) {
            b.addRegular(name(i), NativeType.BLOB);
        }
        TableMetadata t = b.build();
        Memtable m = new Memtable(2, t);
        Memtable slabbed = new Memtable(2, t, AllocationType.HEAP_BUFFERS);
        int keys = 1 + random.nextInt(200);
        int updates = random.nextInt(800);
        for (int i = 0; i < updates; i++) {
            ByteBuffer k = ByteBuffer.allocate(8).putLong(0, random.nextInt(keys));
            DecoratedKey key = new DecoratedKey(PARTITIONER.token(k), k);
            Partition.Builder pb = Partition.builder(t, key);
            Row.Builder row = pb.row(Clustering.EMPTY);
            long ts = 1 + random.nextInt(1000);
            switch (random.nextInt(5)) {
                case 0 -> row.liveness(LivenessInfo.create(ts));
                case 1 -> row.liveness(new LivenessInfo(ts, 1 + random.nextInt(100), RandomPartitions.NOW
                        + random.nextInt(100)));
                case 2 -> row.delete(new DeletionTime(ts, RandomPartitions.NOW - random.nextInt(10)));
                default -> {
                    // cells only
                }
            }
            int cells = random.nextInt(4);
            for (int c = 0; c < cells; c++) {
                String column = name(random.nextInt(columns));
                long cts = 1 + random.nextInt(1000);
                byte[] value = new byte[random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(40)];
                random.nextBytes(value);
                row.addCell(switch (random.nextInt(4)) {
                    case 0 -> Cell.tombstone(column, null, cts, RandomPartitions.NOW - random.nextInt(10));
                    case 1 -> Cell.of(column, null, ByteBuffer.wrap(value), cts, 1 + random.nextInt(50),
                            RandomPartitions.NOW + random.nextInt(50), false);
                    default -> Cell.live(column, null, ByteBuffer.wrap(value), cts);
                });
            }
            Partition u = pb.build();
            m.apply(u);
            slabbed.apply(u);
        }
        assertSameSSTable(t, m, slabbed, 64 * 1024);
    }

    /** Column names, some of them beyond ASCII (several bytes per character in UTF-8). */
    private static String name(int i) {
        return i % 3 == 0 ? "col" + i : i % 3 == 1 ? "été_" + i : "列" + i;
    }

    /**
     * The memtable with an array per row written from its decoded rows, from its serialized rows, and the same
     * updates in a memtable with slabs (ADR 0165) written from its serialized rows and from its decoded rows: four
     * identical SSTables.
     */
    private static void assertSameSSTable(TableMetadata t, Memtable m, Memtable slabbed, int columnIndexSize)
            throws IOException {
        assertTrue(slabbed.slabs() != null && m.slabs() == null);
        InMemoryFileSystem fs = new InMemoryFileSystem();
        SSTableWriter.Options options = new SSTableWriter.Options(4096, 4, 0.01, columnIndexSize);
        Descriptor decoded = new Descriptor(Path.of("/decoded"), 7);
        boolean written = write(fs, t, m, decoded, options, false);
        Descriptor[] others = {new Descriptor(Path.of("/transcoded"), 7), new Descriptor(Path.of("/slabs"), 7),
                new Descriptor(Path.of("/slabs-decoded"), 7)};
        assertEquals(written, write(fs, t, m, others[0], options, true));
        assertEquals(written, write(fs, t, slabbed, others[1], options, true));
        assertEquals(written, write(fs, t, slabbed, others[2], options, false));
        if (!written) {
            assertTrue(m.isEmpty() && slabbed.isEmpty());
            return;
        }
        for (Descriptor other : others) {
            for (SSTableFormat.Component c : SSTableFormat.Component.values()) {
                assertArrayEquals(read(fs, decoded.path(c)), read(fs, other.path(c)), other + " " + c);
            }
        }
    }

    /** Writes the memtable's partitions as a flush does; false when there is nothing to write. */
    private static boolean write(FileSystem fs, TableMetadata t, Memtable m, Descriptor d,
                                 SSTableWriter.Options options, boolean serialized) throws IOException {
        if (m.isEmpty()) {
            return false;
        }
        fs.createDirectoriesDurably(d.directory());
        try (SSTableWriter w = new SSTableWriter(fs, d, t, PARTITIONER, options, m.partitionCount(),
                new SSTableWriter.Metadata(0, CommitLogPosition.NONE, new CommitLogPosition(3, 40), 0, 1234L))) {
            Iterator<MemtablePartition> it = m.partitions(null);
            while (it.hasNext()) {
                MemtablePartition p = it.next();
                Partition h = p.header();
                if (serialized) {
                    w.appendSerialized(p.key(), h.partitionDeletion(), h.staticRow(), h.rangeTombstones(),
                            p.serializedRows());
                } else {
                    w.append(p.key(), h.partitionDeletion(), h.staticRow(), h.rangeTombstones(), p.rows());
                }
            }
            w.finish();
        }
        return true;
    }

    private static byte[] read(FileSystem fs, Path file) throws IOException {
        try (ReadableFile f = fs.openForRead(file)) {
            ByteBuffer b = ByteBuffer.allocate((int) f.size());
            f.readFully(b, 0);
            return b.array();
        }
    }
}
