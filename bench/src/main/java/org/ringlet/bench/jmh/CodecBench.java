package org.ringlet.bench.jmh;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ringlet.api.data.ByteOutput;
import org.ringlet.api.data.DataSerializer;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.types.NativeType;
import org.ringlet.partitioner.Murmur3Partitioner;

/**
 * CQL value codecs (compose/decompose of bigint, text, blob) and the mutation serialization of the commit log
 * and messaging ({@link DataSerializer}) for the benchmark's row: {@code (k bigint PRIMARY KEY, v blob)}, 100-byte
 * values.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBench {
    private final Murmur3Partitioner partitioner = new Murmur3Partitioner();
    private Mutation mutation;
    private ByteBuffer serialized;
    private ByteBuffer bigint;
    private ByteBuffer text;
    private final String string = "a value of some thirty characters";

    @Setup
    public void setup() {
        Rows rows = new Rows(partitioner);
        mutation = rows.mutation(42, 1);
        serialized = DataSerializer.serialize(mutation);
        bigint = NativeType.BIGINT.decompose(1234567890123L);
        text = NativeType.TEXT.decompose(string);
    }

    @Benchmark
    public ByteBuffer mutationSerialize() {
        ByteOutput out = new ByteOutput(256);
        DataSerializer.write(mutation, out);
        return out.toByteBuffer();
    }

    @Benchmark
    public Mutation mutationDeserialize() {
        return DataSerializer.readMutation(serialized.duplicate(), partitioner);
    }

    @Benchmark
    public int mutationDataSize() {
        return mutation.dataSize();
    }

    @Benchmark
    public ByteBuffer bigintDecompose() {
        return NativeType.BIGINT.decompose(1234567890123L);
    }

    @Benchmark
    public Object bigintCompose() {
        return NativeType.BIGINT.compose(bigint.duplicate());
    }

    @Benchmark
    public ByteBuffer textDecompose() {
        return NativeType.TEXT.decompose(string);
    }

    @Benchmark
    public Object textCompose() {
        return NativeType.TEXT.compose(text.duplicate());
    }
}
