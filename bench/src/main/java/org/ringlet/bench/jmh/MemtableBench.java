package org.ringlet.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
import org.ringlet.storage.lsm.memtable.Memtable;

/**
 * Applying a partition update to a memtable that already holds {@code size} partitions, and looking one up. The
 * memtable is filled once per trial; the 64k prepared updates have new keys, so the first pass inserts and later
 * passes update those partitions (a row merge).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class MemtableBench {
    @Param({"100000", "1000000"})
    public int size;

    private Rows rows;
    private Memtable memtable;
    private Partition[] updates;
    private long[] existing;
    private int i;

    @Setup(Level.Trial)
    public void setup() {
        rows = new Rows(new Murmur3Partitioner());
        memtable = new Memtable(1, Rows.TABLE);
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        existing = new long[size];
        for (int k = 0; k < size; k++) {
            existing[k] = r.nextLong();
            memtable.apply(rows.partition(existing[k], 1));
        }
        updates = new Partition[1 << 16];
        for (int k = 0; k < updates.length; k++) {
            updates[k] = rows.partition(r.nextLong(), 2);
        }
        i = 0;
    }

    @Benchmark
    public long apply() {
        return memtable.apply(updates[i++ & 0xffff]);
    }

    @Benchmark
    public Object get() {
        return memtable.get(rows.key(existing[i++ % size]));
    }
}
