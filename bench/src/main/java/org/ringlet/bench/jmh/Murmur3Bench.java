package org.ringlet.bench.jmh;

import java.nio.ByteBuffer;
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
import org.ringlet.partitioner.LongToken;
import org.ringlet.partitioner.Murmur3Partitioner;

/** The Murmur3 token of a partition key (every write and read computes one). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Murmur3Bench {
    @Param({"8", "16", "64"})
    public int keySize;

    private final Murmur3Partitioner partitioner = new Murmur3Partitioner();
    private ByteBuffer[] keys;
    private int i;

    @Setup
    public void setup() {
        keys = new ByteBuffer[1024];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int k = 0; k < keys.length; k++) {
            byte[] b = new byte[keySize];
            r.nextBytes(b);
            keys[k] = ByteBuffer.wrap(b);
        }
    }

    @Benchmark
    public LongToken token() {
        return partitioner.token(keys[i++ & 1023]);
    }
}
