package org.ringlet.api.data;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.testing.storage.HashPartitioner;
import org.ringlet.api.testing.storage.RandomPartitions;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Merging versions of a partition must not depend on the order or grouping of the versions, or replicas and
 * storage layers would disagree about the data.
 */
class PartitionMergeProperties {
    private static final HashPartitioner PARTITIONER = new HashPartitioner();

    private static TableMetadata table(boolean desc) {
        return RandomPartitions.table("ks", desc ? "d" : "a", desc ? ClusteringOrder.DESC : ClusteringOrder.ASC);
    }

    @Property(tries = 2000)
    void mergeIsCommutative(@ForAll long seed, @ForAll boolean desc) {
        TableMetadata t = table(desc);
        RandomPartitions r = new RandomPartitions(seed, t, PARTITIONER, 1, 4);
        DecoratedKey k = r.key();
        Partition a = r.update(k);
        Partition b = r.update(k);
        assertEquals(Partition.merge(List.of(a, b), t), Partition.merge(List.of(b, a), t));
    }

    @Property(tries = 2000)
    void mergeIsAssociative(@ForAll long seed, @ForAll boolean desc) {
        TableMetadata t = table(desc);
        RandomPartitions r = new RandomPartitions(seed, t, PARTITIONER, 1, 4);
        DecoratedKey k = r.key();
        Partition a = r.update(k);
        Partition b = r.update(k);
        Partition c = r.update(k);
        Partition left = Partition.merge(List.of(Partition.merge(List.of(a, b), t), c), t);
        Partition right = Partition.merge(List.of(a, Partition.merge(List.of(b, c), t)), t);
        Partition flat = Partition.merge(List.of(a, b, c), t);
        assertEquals(flat, left);
        assertEquals(flat, right);
    }

    @Property(tries = 1000)
    void mergingInAnyGroupingAndOrderGivesOneResult(@ForAll long seed, @ForAll @IntRange(min = 2, max = 8) int n) {
        TableMetadata t = table(false);
        RandomPartitions r = new RandomPartitions(seed, t, PARTITIONER, 1, 4);
        DecoratedKey k = r.key();
        List<Partition> versions = r.updates(k, n);
        Partition flat = Partition.merge(versions, t);
        Partition folded = versions.get(0).purgeShadowed(t);
        for (int i = 1; i < n; i++) {
            folded = Partition.merge(List.of(folded, versions.get(i)), t);
        }
        assertEquals(flat, folded);
        Partition reversedFold = versions.get(n - 1).purgeShadowed(t);
        for (int i = n - 2; i >= 0; i--) {
            reversedFold = Partition.merge(List.of(versions.get(i), reversedFold), t);
        }
        assertEquals(flat, reversedFold);
    }

    @Property(tries = 1000)
    void mergeIsIdempotent(@ForAll long seed) {
        TableMetadata t = table(false);
        RandomPartitions r = new RandomPartitions(seed, t, PARTITIONER, 1, 4);
        DecoratedKey k = r.key();
        Partition a = Partition.merge(List.of(r.update(k), r.update(k)), t);
        assertEquals(a, Partition.merge(List.of(a, a), t));
        assertEquals(a, a.purgeShadowed(t));
    }

    @Property(tries = 1000)
    void cellReconciliationIsCommutativeAndAssociative(@ForAll long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        Cell[] cells = new Cell[3];
        for (int i = 0; i < 3; i++) {
            long ts = 1 + rnd.nextInt(2);
            long ldt = 100 + rnd.nextInt(2);
            java.nio.ByteBuffer v = java.nio.ByteBuffer.wrap(new byte[] {(byte) rnd.nextInt(2)});
            cells[i] = switch (rnd.nextInt(3)) {
                case 0 -> Cell.tombstone("c", null, ts, ldt);
                case 1 -> Cell.of("c", null, v, ts, 1 + rnd.nextInt(2), ldt, false);
                default -> Cell.live("c", null, v, ts);
            };
        }
        assertEquals(Cell.reconcile(cells[0], cells[1]), Cell.reconcile(cells[1], cells[0]));
        assertEquals(Cell.reconcile(Cell.reconcile(cells[0], cells[1]), cells[2]),
                Cell.reconcile(cells[0], Cell.reconcile(cells[1], cells[2])));
    }

    @Property(tries = 500)
    void livenessResolutionIsCommutative(@ForAll @IntRange(min = 1, max = 2) int ts1,
                                         @ForAll @IntRange(min = 0, max = 2) int ttl1,
                                         @ForAll @IntRange(min = 1, max = 2) int ts2,
                                         @ForAll @IntRange(min = 0, max = 2) int ttl2,
                                         @ForAll @IntRange(min = 0, max = 1) int exp) {
        LivenessInfo a = ttl1 == 0 ? LivenessInfo.create(ts1) : new LivenessInfo(ts1, ttl1, 100);
        LivenessInfo b = ttl2 == 0 ? LivenessInfo.create(ts2) : new LivenessInfo(ts2, ttl2, 100 + exp);
        Row ra = Row.builder(Clustering.EMPTY).liveness(a).build(CellOrder.bytewise());
        Row rb = Row.builder(Clustering.EMPTY).liveness(b).build(CellOrder.bytewise());
        assertEquals(Row.merge(ra, rb, CellOrder.bytewise()), Row.merge(rb, ra, CellOrder.bytewise()));
    }
}
