package org.ringlet.api.data;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.types.VInts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.ringlet.api.data.DataFixtures.PARTITIONER;
import static org.ringlet.api.data.DataFixtures.TABLE;
import static org.ringlet.api.data.DataFixtures.ck;
import static org.ringlet.api.data.DataFixtures.i;

class DataSerializerTest {

    @Provide
    Arbitrary<Partition> partitions() {
        return PartitionGenerators.partitions();
    }

    /** A partition with a counter cell, which the merge generator leaves out. */
    private static Partition withCounter(Partition p) {
        Row counterRow = Row.builder(ck(9)).addCell(Cell.counter("n", CounterContext.create(new UUID(1, 2), 3, -4), 5))
                .build(CellOrder.bytewise());
        List<Row> rows = new ArrayList<>(p.rows());
        rows.add(counterRow);
        return Partition.of(p.table(), p.key(), p.partitionDeletion(), p.staticRow(), rows, p.rangeTombstones());
    }

    private static ByteBuffer serialize(Partition p) {
        ByteOutput out = new ByteOutput(16);
        DataSerializer.writePartition(p, out);
        return out.toByteBuffer();
    }

    @Property(tries = 400)
    void partitionsRoundTrip(@ForAll("partitions") Partition p) {
        Partition q = withCounter(p);
        ByteBuffer b = serialize(q);
        ByteBuffer in = b.duplicate();
        assertEquals(q, DataSerializer.readPartition(in, PARTITIONER));
        assertEquals(0, in.remaining(), "the reader consumes exactly what was written");
    }

    @Property(tries = 300)
    void mutationsRoundTrip(@ForAll("partitions") Partition a, @ForAll("partitions") Partition b) {
        Partition other = Partition.of(new TableId(new UUID(3, 4)), b.key(), b.partitionDeletion(), b.staticRow(),
                b.rows(), b.rangeTombstones());
        Mutation m = Mutation.of("ks", List.of(a, other));
        ByteBuffer s = DataSerializer.serialize(m);
        assertEquals(m, DataSerializer.readMutation(s.duplicate(), PARTITIONER));
    }

    @Property(tries = 150)
    void everyTruncationIsAnIllegalArgument(@ForAll("partitions") Partition a) {
        ByteBuffer full = DataSerializer.serialize(Mutation.of("ks", withCounter(a)));
        for (int len = 0; len < full.remaining(); len++) {
            ByteBuffer cut = full.duplicate().limit(len);
            assertThrows(IllegalArgumentException.class, () -> DataSerializer.readMutation(cut, PARTITIONER),
                    "cut at " + len);
        }
    }

    @Property(tries = 300)
    void corruptInputFailsCleanlyAndQuickly(@ForAll("partitions") Partition a,
                                            @ForAll("corruptions") List<Integer> positionsAndValues) {
        ByteBuffer full = DataSerializer.serialize(Mutation.of("ks", a));
        byte[] bytes = new byte[full.remaining()];
        full.duplicate().get(bytes);
        for (int k = 0; k + 1 < positionsAndValues.size(); k += 2) {
            bytes[Math.floorMod(positionsAndValues.get(k), bytes.length)] = (byte) (int) positionsAndValues.get(k + 1);
        }
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
            try {
                DataSerializer.readMutation(ByteBuffer.wrap(bytes), PARTITIONER);
            } catch (IllegalArgumentException expected) {
                // corrupt input is an illegal argument; anything else (OOM, underflow, NPE) fails the test
            }
        });
    }

    @Provide
    Arbitrary<List<Integer>> corruptions() {
        return Arbitraries.integers().between(0, 1 << 16).list().ofMinSize(2).ofMaxSize(8)
                .map(l -> {
                    List<Integer> out = new ArrayList<>(l);
                    for (int k = 1; k < out.size(); k += 2) {
                        out.set(k, out.get(k) % 3 == 0 ? 0xff : out.get(k) & 0xff);
                    }
                    return out;
                });
    }

    @Test
    void hugeCountsAreRejectedWithoutAllocating() {
        for (long count : new long[] {Integer.MAX_VALUE, 1L << 40, -1L}) {
            ByteBuffer b = ByteBuffer.allocate(16);
            VInts.writeUnsigned(count, b);
            b.flip();
            assertThrows(IllegalArgumentException.class, () -> DataSerializer.readClustering(b.duplicate()));
            ByteBuffer bound = ByteBuffer.allocate(17).put((byte) 0);
            VInts.writeUnsigned(count, bound);
            bound.flip();
            assertThrows(IllegalArgumentException.class, () -> DataSerializer.readBound(bound));
            ByteOutput m = new ByteOutput(16).writeUtf8("ks").writeWithVIntLength(i(1)).writeUnsignedVInt(count);
            assertThrows(IllegalArgumentException.class,
                    () -> DataSerializer.readMutation(m.toByteBuffer(), PARTITIONER));
        }
        ByteOutput noPartitions = new ByteOutput(16).writeUtf8("ks").writeWithVIntLength(i(1)).writeUnsignedVInt(0);
        assertThrows(IllegalArgumentException.class,
                () -> DataSerializer.readMutation(noPartitions.toByteBuffer(), PARTITIONER));
    }

    @Test
    void lowLevelReadersReportTruncationAsIllegalArguments() {
        ByteOutput out = new ByteOutput(16);
        DataSerializer.writeCell(Cell.expiring("v1", i(1), i(2), 3, 4, 5), out);
        ByteBuffer cell = out.toByteBuffer();
        assertEquals(Cell.expiring("v1", i(1), i(2), 3, 4, 5), DataSerializer.readCell(cell.duplicate()));
        for (int len = 0; len < cell.remaining(); len++) {
            ByteBuffer cut = cell.duplicate().limit(len);
            assertThrows(IllegalArgumentException.class, () -> DataSerializer.readCell(cut), "cut at " + len);
        }
        assertThrows(IllegalArgumentException.class, () -> DataSerializer.readDeletion(ByteBuffer.allocate(15)));
        assertThrows(IllegalArgumentException.class, () -> DataSerializer.readRow(ByteBuffer.allocate(0), ck(1)));
        assertThrows(IllegalArgumentException.class,
                () -> DataSerializer.readWithVIntLength(ByteBuffer.wrap(new byte[] {5, 1})));
        assertEquals(DeletionTime.LIVE, DataSerializer.readDeletion(
                ByteBuffer.allocate(16).putLong(Long.MIN_VALUE).putLong(Long.MAX_VALUE).flip()));
    }

    @Test
    void boundsAndClusteringsRoundTrip() {
        for (ClusteringBound b : List.of(ClusteringBound.BOTTOM, ClusteringBound.TOP,
                ClusteringBound.exclusiveStart(ck(3)), ClusteringBound.exclusiveEnd(Clustering.of(i(1), i(2))))) {
            ByteOutput out = new ByteOutput(4);
            DataSerializer.writeBound(b, out);
            assertEquals(b, DataSerializer.readBound(out.toByteBuffer()));
        }
        ByteOutput out = new ByteOutput(4);
        DataSerializer.writeClustering(Clustering.EMPTY, out);
        DataSerializer.writeClustering(Clustering.of(i(1), ByteBuffer.allocate(0)), out);
        ByteBuffer in = out.toByteBuffer();
        assertEquals(Clustering.EMPTY, DataSerializer.readClustering(in));
        assertEquals(Clustering.of(i(1), ByteBuffer.allocate(0)), DataSerializer.readClustering(in));
        assertEquals(TABLE.id(), Partition.empty(TABLE.id(), DataFixtures.key(1)).table());
    }
}
