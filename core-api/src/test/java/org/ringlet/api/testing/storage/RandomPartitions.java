package org.ringlet.api.testing.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.ringlet.api.data.Cell;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.ClusteringBound;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.LivenessInfo;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.RangeTombstone;
import org.ringlet.api.data.Row;
import org.ringlet.api.data.Slice;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.NativeType;

import static java.util.Objects.requireNonNull;

/**
 * Random partition updates over small domains (few keys, clusterings, timestamps, values and deletion times), so
 * that updates collide and every reconciliation rule is exercised: cell, row, range and partition deletions,
 * expiring cells and rows, static rows, collection elements and collection deletions. Deterministic for a seed.
 * Not thread-safe.
 */
public final class RandomPartitions {
    /** The "now" the generated deletion and expiration times are around, in seconds. */
    public static final long NOW = 1_700_000_000L;

    private final Random random;
    private final TableMetadata table;
    private final Partitioner partitioner;
    private final int keys;
    private final int clusterings;
    private long nextTimestamp = -1;

    /**
     * @param seed        the seed
     * @param table       a table shaped like {@link #table}
     * @param partitioner the partitioner of the keys
     * @param keys        how many distinct partition keys
     * @param clusterings how many distinct clustering values
     */
    public RandomPartitions(long seed, TableMetadata table, Partitioner partitioner, int keys, int clusterings) {
        this.random = new Random(seed);
        this.table = requireNonNull(table, "table is null");
        this.partitioner = requireNonNull(partitioner, "partitioner is null");
        this.keys = keys;
        this.clusterings = clusterings;
    }

    /**
     * {@code ks.t (pk int, ck int, s text static, v text, m map<text, text>, PRIMARY KEY (pk, ck))}, clustering
     * in the given order.
     */
    public static TableMetadata table(String keyspace, String name, ClusteringOrder order) {
        return TableMetadata.builder(keyspace, name)
                .id(new TableId(UUID.nameUUIDFromBytes((keyspace + "." + name).getBytes(StandardCharsets.UTF_8))))
                .addPartitionKey("pk", NativeType.INT).addClustering("ck", NativeType.INT, order)
                .addStatic("s", NativeType.TEXT).addRegular("v", NativeType.TEXT)
                .addRegular("m", MapType.of(NativeType.TEXT, NativeType.TEXT)).build();
    }

    public Random random() {
        return random;
    }

    /**
     * From now on, every timestamp is larger than the one before, starting at {@code first}: later writes always
     * win, as they do on a single node whose clock moves forward (what tests of tombstone purging need).
     */
    public RandomPartitions monotonicTimestamps(long first) {
        this.nextTimestamp = first;
        return this;
    }

    /** One of the keys. */
    public DecoratedKey key() {
        ByteBuffer k = ByteBuffer.allocate(4).putInt(0, random.nextInt(keys));
        return new DecoratedKey(partitioner.token(k), k);
    }

    /** A clustering of one value. */
    public Clustering clustering() {
        return Clustering.of(ByteBuffer.allocate(4).putInt(0, random.nextInt(clusterings)));
    }

    private long ts() {
        return nextTimestamp >= 0 ? nextTimestamp++ : 1 + random.nextInt(5);
    }

    private long ldt() {
        return NOW - 2 + random.nextInt(5);
    }

    private ByteBuffer text(String prefix) {
        return ByteBuffer.wrap((prefix + random.nextInt(3)).getBytes(StandardCharsets.UTF_8));
    }

    private Cell cell(String column, ByteBuffer path) {
        long ts = ts();
        return switch (random.nextInt(6)) {
            case 0 -> Cell.tombstone(column, path, ts, ldt());
            case 1 -> Cell.of(column, path, text("e"), ts, 1 + random.nextInt(3), ldt(), false);
            default -> Cell.live(column, path, text("v"), ts);
        };
    }

    private ClusteringBound bound(boolean start) {
        if (random.nextInt(5) == 0) {
            return start ? ClusteringBound.BOTTOM : ClusteringBound.TOP;
        }
        Clustering c = clustering();
        boolean inclusive = random.nextBoolean();
        if (start) {
            return inclusive ? ClusteringBound.inclusiveStart(c) : ClusteringBound.exclusiveStart(c);
        }
        return inclusive ? ClusteringBound.inclusiveEnd(c) : ClusteringBound.exclusiveEnd(c);
    }

    /** A random slice (possibly empty). */
    public Slice slice() {
        return new Slice(bound(true), bound(false));
    }

    private void fillRow(Row.Builder b, boolean isStatic) {
        if (!isStatic && random.nextInt(3) == 0) {
            long ts = ts();
            b.liveness(random.nextInt(4) == 0 ? new LivenessInfo(ts, 1 + random.nextInt(3), ldt())
                    : LivenessInfo.create(ts));
        }
        if (!isStatic && random.nextInt(8) == 0) {
            b.delete(new DeletionTime(ts(), ldt()));
        }
        if (isStatic) {
            b.addCell(cell("s", null));
            return;
        }
        if (random.nextInt(3) != 0) {
            b.addCell(cell("v", null));
        }
        if (random.nextInt(3) == 0) {
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                b.addCell(cell("m", text("p")));
            }
        }
        if (random.nextInt(8) == 0) {
            b.deleteComplex("m", new DeletionTime(ts(), ldt()));
        }
    }

    /** A random update of one partition. */
    public Partition update(DecoratedKey key) {
        Partition.Builder b = Partition.builder(table, key);
        int kind = random.nextInt(20);
        if (kind == 0) {
            b.deletePartition(new DeletionTime(ts(), ldt()));
            return b.build();
        }
        if (kind == 1) {
            b.addRangeTombstone(new RangeTombstone(slice(), new DeletionTime(ts(), ldt())));
            return b.build();
        }
        if (table.hasStaticColumns() && random.nextInt(4) == 0) {
            fillRow(b.staticRow(), true);
        }
        int rows = random.nextInt(4);
        for (int i = 0; i < rows; i++) {
            fillRow(b.row(clustering()), false);
        }
        if (random.nextInt(10) == 0) {
            b.addRangeTombstone(new RangeTombstone(slice(), new DeletionTime(ts(), ldt())));
        }
        return b.build();
    }

    /** Several updates of the same key. */
    public List<Partition> updates(DecoratedKey key, int n) {
        Partition[] out = new Partition[n];
        for (int i = 0; i < n; i++) {
            out[i] = update(key);
        }
        return List.of(out);
    }
}
