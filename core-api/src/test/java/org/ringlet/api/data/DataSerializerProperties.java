package org.ringlet.api.data;

import java.nio.ByteBuffer;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.testing.storage.HashPartitioner;
import org.ringlet.api.testing.storage.RandomPartitions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The binary form of mutations (commit log, messages) reads back exactly what was written. */
class DataSerializerProperties {
    private static final HashPartitioner PARTITIONER = new HashPartitioner();

    @Property(tries = 1000)
    void mutationsRoundTrip(@ForAll long seed) {
        TableMetadata t = RandomPartitions.table("ks", "t", ClusteringOrder.ASC);
        TableMetadata u = RandomPartitions.table("ks", "u", ClusteringOrder.DESC);
        RandomPartitions r = new RandomPartitions(seed, t, PARTITIONER, 3, 4);
        RandomPartitions s = new RandomPartitions(seed + 1, u, PARTITIONER, 3, 4);
        DecoratedKey k = r.key();
        Mutation m = Mutation.of("ks", List.of(r.update(k), s.update(k)));
        ByteBuffer bytes = DataSerializer.serialize(m);
        assertEquals(m, DataSerializer.readMutation(bytes.duplicate(), PARTITIONER));
    }

    @Property(tries = 200)
    void truncatedMutationsAreRejected(@ForAll long seed) {
        TableMetadata t = RandomPartitions.table("ks", "t", ClusteringOrder.ASC);
        RandomPartitions r = new RandomPartitions(seed, t, PARTITIONER, 3, 4);
        Mutation m = Mutation.of("ks", r.update(r.key()));
        ByteBuffer bytes = DataSerializer.serialize(m);
        int cut = r.random().nextInt(bytes.remaining());
        ByteBuffer truncated = bytes.slice(0, cut);
        assertThrows(RuntimeException.class, () -> DataSerializer.readMutation(truncated, PARTITIONER));
    }
}
