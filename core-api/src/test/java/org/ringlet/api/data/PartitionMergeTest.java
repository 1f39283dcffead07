package org.ringlet.api.data;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ringlet.api.data.DataFixtures.TABLE;
import static org.ringlet.api.data.DataFixtures.ck;
import static org.ringlet.api.data.DataFixtures.i;
import static org.ringlet.api.data.PartitionGenerators.KEY;
import static org.ringlet.api.data.PartitionGenerators.NOW;

class PartitionMergeTest {
    private static final ClusteringComparator CMP = ClusteringComparator.of(TABLE);
    private static final CellOrder ORDER = CellOrder.of(TABLE);

    @Provide
    Arbitrary<Partition> partitions() {
        return PartitionGenerators.partitions();
    }

    private static Partition merge(Partition... ps) {
        return Partition.merge(List.of(ps), TABLE);
    }

    @Property(tries = 400)
    void mergeIsCommutative(@ForAll("partitions") Partition a, @ForAll("partitions") Partition b) {
        assertEquals(merge(a, b), merge(b, a));
    }

    @Property(tries = 400)
    void mergeIsAssociative(@ForAll("partitions") Partition a, @ForAll("partitions") Partition b,
                            @ForAll("partitions") Partition c) {
        Partition all = merge(a, b, c);
        assertEquals(all, merge(merge(a, b), c));
        assertEquals(all, merge(a, merge(b, c)));
        assertEquals(all, merge(c, a, b));
    }

    @Property(tries = 300)
    void mergeIsIdempotent(@ForAll("partitions") Partition a, @ForAll("partitions") Partition b) {
        Partition m = merge(a, b);
        assertEquals(m, merge(m, m));
        assertEquals(m, merge(m, a));
        assertEquals(m, Partition.merge(List.of(m), TABLE));
    }

    @Property(tries = 500)
    void liveRowsMatchANaiveModel(@ForAll("partitions") Partition a, @ForAll("partitions") Partition b,
                                  @ForAll("partitions") Partition c) {
        List<Partition> versions = List.of(a, b, c);
        Partition merged = Partition.merge(versions, TABLE);
        for (long now = NOW - 1; now <= NOW + 3; now++) {
            assertEquals(model(versions, now), describe(merged.liveRows(now), merged.liveStaticRow(now)),
                    "at " + now + " for " + versions);
        }
    }

    // --------------------------------------------------------------------------------------- naive model

    /** What a query sees, computed from scratch: every write against every deletion. */
    private static Map<String, List<Cell>> model(List<Partition> versions, long now) {
        Map<String, List<Cell>> out = new TreeMap<>();
        DeletionTime pd = DeletionTime.LIVE;
        for (Partition p : versions) {
            pd = DeletionTime.max(pd, p.partitionDeletion());
        }
        for (int c = -1; c <= 4; c++) {
            Clustering clustering = c < 0 ? Clustering.STATIC : ck(c);
            DeletionTime del = pd;
            LivenessInfo liveness = LivenessInfo.EMPTY;
            Map<String, Cell> cells = new HashMap<>();
            Map<String, DeletionTime> complex = new HashMap<>();
            for (Partition p : versions) {
                if (!clustering.isStatic()) {
                    for (RangeTombstone rt : p.rangeTombstones()) {
                        if (rt.slice().includes(CMP, clustering)) {
                            del = DeletionTime.max(del, rt.deletion());
                        }
                    }
                }
                Row r = clustering.isStatic() ? p.staticRow() : p.rows().stream()
                        .filter(x -> x.clustering().equals(clustering)).findFirst().orElse(null);
                if (r == null) {
                    continue;
                }
                del = DeletionTime.max(del, r.deletion());
                LivenessInfo l = r.primaryKeyLiveness();
                if (l.timestamp() > liveness.timestamp() || (l.timestamp() == liveness.timestamp()
                        && (l.supersedes(liveness) || (!liveness.supersedes(l) && l.ttl() > liveness.ttl())))) {
                    liveness = l;
                }
                for (Cell cell : r.cells()) {
                    String id = cell.column() + (cell.hasPath() ? Bytes.toHex(cell.path()) : "");
                    cells.merge(id, cell, Cell::reconcile);
                }
                r.complexDeletions().forEach((k, v) -> complex.merge(k, v, DeletionTime::max));
            }
            List<Cell> visible = new ArrayList<>();
            for (Cell cell : cells.values()) {
                DeletionTime cd = complex.getOrDefault(cell.column(), DeletionTime.LIVE);
                if (!del.deletes(cell.timestamp()) && !(cell.hasPath() && cd.deletes(cell.timestamp()))
                        && cell.isLive(now)) {
                    visible.add(cell);
                }
            }
            visible.sort(ORDER);
            boolean rowLive = !liveness.isEmpty() && !del.deletes(liveness.timestamp()) && liveness.isLive(now);
            if (rowLive || !visible.isEmpty()) {
                List<Cell> desc = new ArrayList<>(visible);
                if (rowLive) {
                    desc.add(0, Cell.live("<marker>", null, ByteBuffer.allocate(0), liveness.timestamp()));
                }
                out.put(clustering.toString(), desc);
            }
        }
        return out;
    }

    private static Map<String, List<Cell>> describe(List<Row> rows, Row staticRow) {
        Map<String, List<Cell>> out = new TreeMap<>();
        List<Row> all = new ArrayList<>(rows);
        if (staticRow != null) {
            all.add(staticRow);
        }
        for (Row r : all) {
            List<Cell> desc = new ArrayList<>(r.cells());
            if (!r.primaryKeyLiveness().isEmpty()) {
                desc.add(0, Cell.live("<marker>", null, ByteBuffer.allocate(0), r.primaryKeyLiveness().timestamp()));
            }
            out.put(r.clustering().toString(), desc);
        }
        return out;
    }

    // -------------------------------------------------------------------------------------- known cases

    @Test
    void rowsComeOutInClusteringOrderAndDeletionsApply() {
        Partition a = Partition.builder(TABLE, KEY)
                .addRangeTombstone(new RangeTombstone(new Slice(ClusteringBound.inclusiveStart(ck(2)),
                        ClusteringBound.inclusiveEnd(ck(3))), new DeletionTime(10, NOW)))
                .build();
        Partition.Builder bb = Partition.builder(TABLE, KEY);
        for (int c : new int[] {4, 3, 1, 2}) {
            bb.row(ck(c)).liveness(LivenessInfo.create(c == 3 ? 11 : 5)).addCell(Cell.live("v1", null, i(c), 5));
        }
        Partition m = merge(a, bb.build());
        List<Row> live = m.liveRows(NOW);
        assertEquals(List.of(ck(1), ck(3), ck(4)), live.stream().map(Row::clustering).toList());
        assertTrue(live.get(1).cells().isEmpty(), "the row marker survives, the older cell does not");
        assertEquals(new DeletionTime(10, NOW), m.deletionCovering(CMP, ck(2)));
        assertEquals(DeletionTime.LIVE, m.deletionCovering(CMP, ck(4)));
        assertEquals(1, m.rangeTombstones().size());
    }

    @Test
    void partitionDeletionShadowsEverythingOlderIncludingTheStaticRow() {
        Partition.Builder b = Partition.builder(TABLE, KEY).deletePartition(new DeletionTime(10, NOW));
        b.staticRow().addCell(Cell.live("s", null, i(1), 10)).addCell(Cell.live("s", null, i(2), 9));
        b.row(ck(1)).addCell(Cell.live("v1", null, i(1), 11));
        b.row(ck(2)).liveness(LivenessInfo.create(3));
        b.addRangeTombstone(new RangeTombstone(Slice.ALL, new DeletionTime(9, NOW)));
        Partition m = Partition.merge(List.of(b.build()), TABLE);
        assertEquals(1, m.rows().size());
        assertTrue(m.staticRow().isEmpty());
        assertTrue(m.rangeTombstones().isEmpty(), "a range tombstone older than the partition deletion goes");
        assertEquals(new DeletionTime(10, NOW), m.partitionDeletion());
        assertEquals(10, Partition.merge(List.of(b.build()), TABLE).maxTimestamp() - 1);
    }

    @Test
    void differentPartitionsDoNotMerge() {
        Partition a = Partition.empty(TABLE.id(), KEY);
        Partition b = Partition.empty(TABLE.id(), DataFixtures.key(8));
        assertThrows(IllegalArgumentException.class, () -> merge(a, b));
        assertThrows(IllegalArgumentException.class, () -> Partition.merge(List.of(), TABLE));
        assertTrue(merge(a, a).isEmpty());
    }

    @Test
    void identicalRangeTombstonesWithDifferentLocalTimesMergeTheSameWhateverTheOrder() {
        Partition a = Partition.builder(TABLE, KEY).addRangeTombstone(new RangeTombstone(Slice.ALL,
                new DeletionTime(5, NOW))).build();
        Partition b = Partition.builder(TABLE, KEY).addRangeTombstone(new RangeTombstone(Slice.ALL,
                new DeletionTime(5, NOW + 1))).build();
        assertEquals(merge(a, b), merge(b, a));
        assertEquals(2, merge(a, b).rangeTombstones().size());
        assertTrue(Objects.equals(merge(a, b).rangeTombstones().get(0).deletion(), new DeletionTime(5, NOW)));
    }
}
