package org.ringlet.bench.jmh;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.UUID;

import org.ringlet.api.data.Cell;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.LivenessInfo;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.NativeType;

/** The benchmarks' table {@code bench.kv (k bigint PRIMARY KEY, v blob)} and its rows with 100-byte values. */
final class Rows {
    static final TableMetadata TABLE = TableMetadata.builder("bench", "kv")
            .id(new TableId(UUID.nameUUIDFromBytes("bench.kv".getBytes(StandardCharsets.UTF_8))))
            .addPartitionKey("k", NativeType.BIGINT).addRegular("v", NativeType.BLOB).build();

    private final Partitioner partitioner;
    private final byte[] pool = new byte[1 << 16];

    Rows(Partitioner partitioner) {
        this.partitioner = partitioner;
        new SplittableRandom(3).nextBytes(pool);
    }

    DecoratedKey key(long k) {
        ByteBuffer b = ByteBuffer.allocate(8).putLong(0, k);
        return new DecoratedKey(partitioner.token(b), b);
    }

    Partition partition(long k, long ts) {
        byte[] v = new byte[100];
        System.arraycopy(pool, (int) (k & 0x7fff), v, 0, 100);
        Partition.Builder b = Partition.builder(TABLE, key(k));
        b.row(Clustering.EMPTY).liveness(LivenessInfo.create(ts)).addCell(Cell.live("v", null, ByteBuffer.wrap(v),
                ts));
        return b.build();
    }

    Mutation mutation(long k, long ts) {
        return Mutation.of("bench", partition(k, ts));
    }
}
