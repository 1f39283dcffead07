package org.ringlet.bench.jmh;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ringlet.api.data.Partition;
import org.ringlet.partitioner.Murmur3Partitioner;
import org.ringlet.storage.lsm.commitlog.CommitLogPosition;
import org.ringlet.storage.lsm.io.InMemoryFileSystem;
import org.ringlet.storage.lsm.memtable.Memtable;
import org.ringlet.storage.lsm.memtable.MemtablePartition;
import org.ringlet.storage.lsm.sstable.Descriptor;
import org.ringlet.storage.lsm.sstable.SSTableWriter;

/**
 * Writing a memtable of {@code size} {@code bench.kv} rows into an SSTable (in memory, so that the disk does not
 * count), its rows either decoded into objects and serialized again ({@code decoded}, as flushes did before ADR
 * 0150 and compactions do) or transcoded from the memtable's serialized form ({@code serialized}, the flush).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
public class FlushBench {
    @Param({"100000"})
    public int size;

    @Param({"decoded", "serialized"})
    public String rows;

    private Memtable memtable;
    private final Murmur3Partitioner partitioner = new Murmur3Partitioner();
    private long generation;

    @Setup
    public void setup() {
        Rows r = new Rows(partitioner);
        memtable = new Memtable(1, Rows.TABLE);
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int k = 0; k < size; k++) {
            memtable.apply(r.partition(random.nextLong(), 1));
        }
    }

    @Benchmark
    public long flush() throws Exception {
        InMemoryFileSystem fs = new InMemoryFileSystem();
        Descriptor d = new Descriptor(Path.of("/flush"), ++generation);
        fs.createDirectoriesDurably(d.directory());
        boolean serialized = rows.equals("serialized");
        try (SSTableWriter w = new SSTableWriter(fs, d, Rows.TABLE, partitioner, SSTableWriter.Options.DEFAULT,
                memtable.partitionCount(), new SSTableWriter.Metadata(0, CommitLogPosition.NONE,
                new CommitLogPosition(1, 1), 0, 0))) {
            Iterator<MemtablePartition> it = memtable.partitions(null);
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
            return w.bytesWritten();
        }
    }
}
