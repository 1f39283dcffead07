package org.ringlet.storage.lsm.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.data.Cell;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.LivenessInfo;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.NativeType;
import org.ringlet.storage.lsm.StorageConfig;

/** Tables, keys and mutations for storage tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /** {@code ks.kv (k blob PRIMARY KEY, v blob)}. */
    public static TableMetadata kv(String keyspace) {
        return TableMetadata.builder(keyspace, "kv").id(new TableId(java.util.UUID.nameUUIDFromBytes(
                (keyspace + ".kv").getBytes(StandardCharsets.UTF_8))))
                .addPartitionKey("k", NativeType.BLOB).addRegular("v", NativeType.BLOB).build();
    }

    /**
     * {@code ks.wide (pk int, ck int, s text static, v text, m map<text, text>, PRIMARY KEY (pk, ck))} with the
     * clustering in the given order.
     */
    public static TableMetadata wide(String keyspace, ClusteringOrder order) {
        return TableMetadata.builder(keyspace, "wide").id(new TableId(java.util.UUID.nameUUIDFromBytes(
                (keyspace + ".wide." + order).getBytes(StandardCharsets.UTF_8))))
                .addPartitionKey("pk", NativeType.INT).addClustering("ck", NativeType.INT, order)
                .addStatic("s", NativeType.TEXT).addRegular("v", NativeType.TEXT)
                .addRegular("m", MapType.of(NativeType.TEXT, NativeType.TEXT)).build();
    }

    public static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    public static ByteBuffer intBytes(int v) {
        return ByteBuffer.allocate(4).putInt(0, v);
    }

    public static DecoratedKey key(Partitioner p, ByteBuffer k) {
        return new DecoratedKey(p.token(k), k);
    }

    /** A kv write: row marker and value at a timestamp. */
    public static Mutation kvWrite(TableMetadata kv, Partitioner p, String k, String v, long ts) {
        DecoratedKey key = key(p, bytes(k));
        Partition.Builder b = Partition.builder(kv, key);
        b.row(Clustering.EMPTY).liveness(LivenessInfo.create(ts)).addCell(Cell.live("v", null, bytes(v), ts));
        return Mutation.of(kv.keyspace(), b.build());
    }

    /** The value of {@code v} in a kv partition read, or null. */
    public static String kvValue(Partition p, long now) {
        var rows = p.liveRows(now);
        if (rows.isEmpty()) {
            return null;
        }
        Cell c = rows.get(0).cell("v");
        return c == null ? null : StandardCharsets.UTF_8.decode(c.value()).toString();
    }

    public static SinglePartitionReadCommand readAll(TableMetadata t, DecoratedKey key, long now) {
        return SinglePartitionReadCommand.fullPartition(t.id(), key, now);
    }

    /** Engine settings for tests under a root directory (small memtables and segments). */
    public static StorageConfig config(Path root, Map<String, String> extra) {
        Map<String, String> opts = new java.util.TreeMap<>();
        opts.put("data_file_directories", root.resolve("data").toString());
        opts.put("commitlog_directory", root.resolve("commitlog").toString());
        opts.put("commitlog_segment_size", "1MiB");
        opts.put("memtable_heap_space", "64MiB");
        opts.putAll(extra);
        return StorageConfig.from(ComponentConfig.of(opts), 1L << 30);
    }
}
