package org.ringlet.storage.lsm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.ringlet.api.data.Cell;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.ClusteringBound;
import org.ringlet.api.data.ClusteringComparator;
import org.ringlet.api.data.DataSerializer;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.LivenessInfo;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.RangeTombstone;
import org.ringlet.api.data.Row;
import org.ringlet.api.data.Slice;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.testing.storage.HashPartitioner;
import org.ringlet.api.testing.storage.RandomPartitions;
import org.ringlet.storage.lsm.commitlog.CommitFailurePolicy;
import org.ringlet.storage.lsm.commitlog.CommitLog;
import org.ringlet.storage.lsm.commitlog.CommitLogConfig;
import org.ringlet.storage.lsm.commitlog.CommitLogFormat;
import org.ringlet.storage.lsm.commitlog.CommitLogPosition;
import org.ringlet.storage.lsm.commitlog.CommitLogReader;
import org.ringlet.storage.lsm.commitlog.SyncMode;
import org.ringlet.storage.lsm.io.InMemoryFileSystem;
import org.ringlet.storage.lsm.io.SequentialWriter;
import org.ringlet.storage.lsm.io.WritableFile;
import org.ringlet.storage.lsm.manifest.Manifest;
import org.ringlet.storage.lsm.manifest.ManifestEdit;
import org.ringlet.storage.lsm.sstable.ChunkCache;
import org.ringlet.storage.lsm.sstable.Descriptor;
import org.ringlet.storage.lsm.sstable.KeyCache;
import org.ringlet.storage.lsm.sstable.SSTableContext;
import org.ringlet.storage.lsm.sstable.SSTableFormat;
import org.ringlet.storage.lsm.sstable.SSTablePartition;
import org.ringlet.storage.lsm.sstable.SSTableReader;
import org.ringlet.storage.lsm.sstable.SSTableWriter;
import org.ringlet.storage.lsm.testing.TestClock;
import org.ringlet.storage.lsm.testing.TestScheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden files of every on-disk format (commit log segment, SSTable components, manifest), kept in
 * {@code src/test/resources/golden/}: the current code must write them byte for byte and read them back. A change
 * that breaks this changes the format: bump its version and document it in {@code docs/format/}. Run with
 * {@code -Dringlet.golden.update=true} to rewrite the files after a deliberate format change.
 */
class GoldenFilesTest {
    private static final long NOW = 1_700_000_000L;
    private static final HashPartitioner PARTITIONER = new HashPartitioner();
    private static final Executor DIRECT = Runnable::run;
    private static final TableMetadata TABLE = RandomPartitions.table("golden", "t", ClusteringOrder.ASC);
    private static final TestScheduler SCHEDULER = new TestScheduler(true);

    @AfterAll
    static void close() {
        SCHEDULER.close();
    }

    private static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static DecoratedKey key(int k) {
        ByteBuffer b = ByteBuffer.allocate(4).putInt(0, k);
        return new DecoratedKey(PARTITIONER.token(b), b);
    }

    private static Clustering ck(int c) {
        return Clustering.of(ByteBuffer.allocate(4).putInt(0, c));
    }

    /** Partitions using every feature of the layout. */
    static List<Partition> partitions() {
        List<Partition> out = new ArrayList<>();
        Partition.Builder a = Partition.builder(TABLE, key(1));
        a.staticRow().addCell(Cell.live("s", null, text("static"), 10));
        a.row(ck(1)).liveness(LivenessInfo.create(10)).addCell(Cell.live("v", null, text("one"), 10));
        a.row(ck(2)).liveness(new LivenessInfo(11, 60, NOW + 60))
                .addCell(Cell.expiring("v", null, text("two"), 11, 60, NOW));
        a.row(ck(3)).delete(new DeletionTime(12, NOW)).addCell(Cell.tombstone("v", null, 13, NOW));
        a.row(ck(4)).deleteComplex("m", new DeletionTime(14, NOW))
                .addCell(Cell.live("m", text("k1"), text("x"), 15))
                .addCell(Cell.tombstone("m", text("k2"), 15, NOW));
        a.addRangeTombstone(new RangeTombstone(new Slice(ClusteringBound.inclusiveStart(ck(5)),
                ClusteringBound.exclusiveEnd(ck(9))), new DeletionTime(16, NOW)));
        out.add(a.build());
        out.add(Partition.builder(TABLE, key(2)).deletePartition(new DeletionTime(20, NOW)).build());
        Partition.Builder wide = Partition.builder(TABLE, key(3));
        for (int i = 0; i < 200; i++) {
            wide.row(ck(i)).liveness(LivenessInfo.create(30 + i)).addCell(Cell.live("v", null,
                    text("row-" + i + "-" + "p".repeat(i % 17)), 30 + i));
        }
        out.add(wide.build());
        out.sort((x, y) -> x.key().compareTo(y.key()));
        return out;
    }

    private static boolean update() {
        return Boolean.getBoolean("ringlet.golden.update");
    }

    private static void check(String name, ByteBuffer actual) throws IOException {
        byte[] bytes = new byte[actual.remaining()];
        actual.duplicate().get(bytes);
        if (update()) {
            Path p = Path.of("src/test/resources/golden", name);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
            return;
        }
        byte[] expected = golden(name);
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(bytes),
                name + " differs from its golden file: the on-disk format changed");
    }

    private static byte[] golden(String name) throws IOException {
        if (update()) {
            return Files.readAllBytes(Path.of("src/test/resources/golden", name));
        }
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IOException("missing golden file " + name + " (run with -Dringlet.golden.update=true)");
            }
            return in.readAllBytes();
        }
    }

    @Test
    void commitLogSegment() throws Exception {
        InMemoryFileSystem fs = new InMemoryFileSystem();
        Path dir = Path.of("/cl");
        CommitLog log = new CommitLog(fs, new CommitLogConfig(dir, SyncMode.BATCH, Duration.ofSeconds(10),
                Duration.ZERO, 4096, 1 << 20, CommitFailurePolicy.STOP), SCHEDULER, TestClock.manual(0),
                new CommitLog.Listener() {
                    @Override
                    public void onSpaceExceeded(Set<org.ringlet.api.schema.TableId> tables) {
                    }

                    @Override
                    public void onFailure(Throwable error, CommitFailurePolicy policy) {
                    }
                });
        log.start(1);
        List<Mutation> mutations = new ArrayList<>();
        for (Partition p : partitions().subList(0, 2)) {
            mutations.add(Mutation.of("golden", p));
        }
        for (Mutation m : mutations) {
            org.ringlet.api.data.ByteOutput out = CommitLog.recordBuffer(256);
            DataSerializer.write(m, out);
            out.writeInt(0);
            log.append(out.toByteBuffer(), m.partitions().keySet());
        }
        log.sync().join();
        log.stop();
        Path segment = dir.resolve(CommitLogFormat.fileName(1));
        check("commitlog/CommitLog-1-1.bin", SequentialWriter.readAll(fs, segment));

        List<Mutation> read = new ArrayList<>();
        CommitLogReader.Result r = CommitLogReader.read(ByteBuffer.wrap(golden("commitlog/CommitLog-1-1.bin")), 1,
                (pos, payload) -> read.add(DataSerializer.readMutation(payload, PARTITIONER)));
        assertEquals(mutations, read);
        assertEquals(CommitLogReader.End.END_OF_DATA, r.end());
    }

    @Test
    void sstableComponents() throws Exception {
        InMemoryFileSystem fs = new InMemoryFileSystem();
        Path dir = Path.of("/ss");
        fs.createDirectoriesDurably(dir);
        Descriptor d = new Descriptor(dir, 1);
        try (SSTableWriter w = new SSTableWriter(fs, d, TABLE, PARTITIONER,
                new SSTableWriter.Options(1024, 2, 0.01, 512), 3,
                new SSTableWriter.Metadata(0, CommitLogPosition.NONE, new CommitLogPosition(7, 99), 0, NOW * 1000))) {
            for (Partition p : partitions()) {
                w.append(p.key(), p.partitionDeletion(), p.staticRow(), p.rangeTombstones(), p.rows().iterator());
            }
            w.finish();
        }
        for (SSTableFormat.Component c : SSTableFormat.Component.values()) {
            check("sstable/" + d.path(c).getFileName(), SequentialWriter.readAll(fs, d.path(c)));
        }

        InMemoryFileSystem restored = new InMemoryFileSystem();
        restored.createDirectoriesDurably(dir);
        for (SSTableFormat.Component c : SSTableFormat.Component.values()) {
            try (WritableFile f = restored.create(d.path(c))) {
                f.write(ByteBuffer.wrap(golden("sstable/" + d.path(c).getFileName())), 0);
            }
        }
        SSTableContext ctx = new SSTableContext(restored, PARTITIONER, new ChunkCache(0, DIRECT, System::nanoTime),
                new KeyCache(0, DIRECT, System::nanoTime), DIRECT);
        SSTableReader r = SSTableReader.open(ctx, d);
        ClusteringComparator cmp = ClusteringComparator.of(TABLE);
        for (Partition p : partitions()) {
            SSTablePartition sp = r.partition(p.key(), r.position(p.key()), cmp);
            List<Row> rows = new ArrayList<>();
            sp.rows().forEachRemaining(rows::add);
            assertEquals(p, Partition.of(TABLE.id(), p.key(), sp.partitionDeletion(), sp.staticRow(), rows,
                    sp.rangeTombstones()));
        }
        assertEquals(new CommitLogPosition(7, 99), r.stats().commitLogUpper());
        r.release();
    }

    @Test
    void manifest() throws Exception {
        InMemoryFileSystem fs = new InMemoryFileSystem();
        Path dir = Path.of("/mf");
        fs.createDirectoriesDurably(dir);
        Manifest m = Manifest.open(fs, dir);
        m.apply(ManifestEdit.flush(m.nextGeneration(), 0, new CommitLogPosition(3, 120)));
        m.apply(ManifestEdit.flush(m.nextGeneration(), 0, new CommitLogPosition(4, 24)));
        m.apply(ManifestEdit.replace(Set.of(1L, 2L), Map.of(m.nextGeneration(), 1)));
        m.apply(new ManifestEdit(Map.of(), Set.of(), Map.of(3L, 2), null, 10));
        m.close();
        check("manifest/Manifest.db", SequentialWriter.readAll(fs, dir.resolve(Manifest.FILE_NAME)));

        InMemoryFileSystem restored = new InMemoryFileSystem();
        restored.createDirectoriesDurably(dir);
        try (WritableFile f = restored.create(dir.resolve(Manifest.FILE_NAME))) {
            f.write(ByteBuffer.wrap(golden("manifest/Manifest.db")), 0);
        }
        Manifest g = Manifest.open(restored, dir);
        assertEquals(new TreeMap<>(Map.of(3L, 2)), new TreeMap<>(g.live()));
        assertEquals(new CommitLogPosition(4, 24), g.flushedUpTo());
        assertEquals(10, g.nextGeneration());
    }
}
