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
import org.ringlet.api.data.CellOrder;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DataSerializer;
import org.ringlet.api.data.Row;
import org.ringlet.api.data.SerializedRows;
import org.ringlet.partitioner.Murmur3Partitioner;

/**
 * An update of a memtable row of {@code bench.kv} (row marker and a 100-byte value, the load generator's write):
 * the serialized row merged with the update's row, by decoding, {@link Row#merge} and encoding (the memtable
 * before ADR 0170) and by {@link SerializedRows#merge} on the serialized forms (after). Both include encoding
 * the update.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class RowMergeBench {
    private final CellOrder order = CellOrder.of(Rows.TABLE);
    private byte[] current;
    private Row update;

    @Setup
    public void setup() {
        Rows rows = new Rows(new Murmur3Partitioner());
        current = encode(rows.partition(42, 1).rows().get(0));
        update = rows.partition(43, 2).rows().get(0);
    }

    private static byte[] encode(Row r) {
        ByteOutput out = new ByteOutput(r.dataSize() + 16);
        DataSerializer.writeRow(r, out);
        ByteBuffer b = out.toByteBuffer();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return bytes;
    }

    @Benchmark
    public byte[] decodeMergeEncode() {
        return encode(Row.merge(DataSerializer.readRow(ByteBuffer.wrap(current), Clustering.EMPTY), update, order));
    }

    @Benchmark
    public byte[] serializedMerge() {
        return SerializedRows.merge(current, encode(update), order);
    }
}
