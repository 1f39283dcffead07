package org.ringlet.api.storage;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ringlet.api.data.Cell;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.ClusteringBound;
import org.ringlet.api.data.ClusteringComparator;
import org.ringlet.api.data.DataFixtures;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.LivenessInfo;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.RangeTombstone;
import org.ringlet.api.data.Row;
import org.ringlet.api.data.Slice;
import org.ringlet.api.data.Slices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ringlet.api.data.DataFixtures.TABLE;
import static org.ringlet.api.data.DataFixtures.ck;
import static org.ringlet.api.data.DataFixtures.i;

class ReadFiltersTest {
    private static final long NOW = 1_000;
    private static final ClusteringComparator CMP = ClusteringComparator.of(TABLE);

    /** Rows 0..9; even rows live, odd rows deleted (row tombstones); a static cell. */
    private static Partition partition() {
        Partition.Builder b = Partition.builder(TABLE, DataFixtures.key(1));
        b.staticRow().addCell(Cell.live("s", null, i(42), 1));
        for (int c = 0; c < 10; c++) {
            if (c % 2 == 0) {
                b.row(ck(c)).liveness(LivenessInfo.create(1)).addCell(Cell.live("v1", null, i(c), 1));
            } else {
                b.row(ck(c)).delete(new DeletionTime(5, NOW));
            }
        }
        b.addRangeTombstone(new RangeTombstone(new Slice(ClusteringBound.inclusiveStart(ck(20)),
                ClusteringBound.inclusiveEnd(ck(30))), new DeletionTime(3, NOW)));
        return Partition.merge(List.of(b.build()), TABLE);
    }

    private static List<Integer> cks(Partition p) {
        return p.rows().stream().map(r -> r.clustering().get(0).getInt(0)).toList();
    }

    private static Partition filter(ClusteringFilter f, ColumnFilter cols, int limit, boolean distinct,
                                    Clustering resume) {
        return ReadFilters.filter(partition(), TABLE, f, cols, limit, distinct, resume, NOW);
    }

    private static ClusteringFilter slice(int from, int to, boolean reversed) {
        return new ClusteringFilter(Slices.with(CMP, new Slice(ClusteringBound.inclusiveStart(ck(from)),
                ClusteringBound.inclusiveEnd(ck(to)))), reversed);
    }

    @Test
    void slicesInBothDirections() {
        assertEquals(List.of(2, 3, 4, 5, 6), cks(filter(slice(2, 6, false), ColumnFilter.ALL, 100, false, null)));
        assertEquals(List.of(6, 5, 4, 3, 2), cks(filter(slice(2, 6, true), ColumnFilter.ALL, 100, false, null)));
        ClusteringFilter two = new ClusteringFilter(Slices.of(CMP, List.of(Slice.exactly(ck(8)), Slice.exactly(ck(1)))),
                false);
        assertEquals(List.of(1, 8), cks(filter(two, ColumnFilter.ALL, 100, false, null)));
    }

    @Test
    void limitsCountOnlyLiveRowsButReturnTheTombstonesMetOnTheWay() {
        Partition p = filter(ClusteringFilter.ALL, ColumnFilter.ALL, 3, false, null);
        assertEquals(List.of(0, 1, 2, 3, 4), cks(p));
        assertEquals(3, ReadFilters.liveRowCount(p, NOW));
        Partition r = filter(new ClusteringFilter(Slices.ALL, true), ColumnFilter.ALL, 2, false, null);
        assertEquals(List.of(9, 8, 7, 6), cks(r));
        assertEquals(2, ReadFilters.liveRowCount(r, NOW));
    }

    @Test
    void resumeAfterAClusteringInReadOrder() {
        assertEquals(List.of(5, 6, 7, 8), cks(filter(ClusteringFilter.ALL, ColumnFilter.ALL, 2, false, ck(4))));
        assertEquals(List.of(3, 2, 1, 0), cks(filter(new ClusteringFilter(Slices.ALL, true), ColumnFilter.ALL, 2,
                false, ck(4))));
        assertEquals(List.of(), cks(filter(ClusteringFilter.ALL, ColumnFilter.ALL, 2, false, ck(9))));
    }

    @Test
    void distinctReturnsTheStaticRowAndOneLiveRow() {
        Partition p = filter(ClusteringFilter.ALL, ColumnFilter.ALL, 100, true, null);
        assertEquals(List.of(0), cks(p));
        assertEquals(i(42), p.staticRow().cell("s").value());
    }

    @Test
    void staticOnlyPartitionsCountAsOneRow() {
        Partition.Builder b = Partition.builder(TABLE, DataFixtures.key(2));
        b.staticRow().addCell(Cell.live("s", null, i(1), 1));
        b.row(ck(1)).delete(new DeletionTime(3, NOW));
        Partition f = ReadFilters.filter(b.build(), TABLE, ClusteringFilter.ALL, ColumnFilter.ALL, 10, false, null, NOW);
        assertEquals(1, ReadFilters.liveRowCount(f, NOW));
        Partition noStatic = ReadFilters.filter(b.build(), TABLE, ClusteringFilter.ALL, ColumnFilter.of(Set.of("v1")),
                10, false, null, NOW);
        assertTrue(noStatic.staticRow().isEmpty(), "static columns that are not selected are not returned");
        assertEquals(0, ReadFilters.liveRowCount(noStatic, NOW));
    }

    @Test
    void aRowLiveOnlyThroughAnUnselectedColumnStillExists() {
        // UPDATE t SET v2 = 'x' WHERE pk = 1 AND ck = 1; SELECT v1 FROM t ... returns one row with v1 = null
        Partition.Builder b = Partition.builder(TABLE, DataFixtures.key(3));
        b.row(ck(1)).addCell(Cell.live("v2", null, ByteBuffer.wrap(new byte[] {'x'}), 1));
        b.row(ck(2)).addCell(Cell.live("v1", null, i(1), 1));
        Partition f = ReadFilters.filter(b.build(), TABLE, ClusteringFilter.ALL, ColumnFilter.of(Set.of("v1")), 10,
                false, null, NOW);
        assertEquals(List.of(1, 2), cks(f));
        assertEquals(2, ReadFilters.liveRowCount(f, NOW));
        assertEquals(2, f.liveRows(NOW).size());
        // a replica's tombstone for the unselected column travels too, so that merged answers agree
        Partition.Builder other = Partition.builder(TABLE, DataFixtures.key(3));
        other.row(ck(1)).addCell(Cell.tombstone("v2", null, 2, NOW));
        Partition g = ReadFilters.filter(other.build(), TABLE, ClusteringFilter.ALL, ColumnFilter.of(Set.of("v1")), 10,
                false, null, NOW);
        Partition merged = Partition.merge(List.of(f, g), TABLE);
        assertEquals(List.of(ck(2)), merged.liveRows(NOW).stream().map(Row::clustering).toList());
    }

    @Test
    void rangeTombstonesIntersectingTheSlicesAreReturned() {
        assertEquals(1, filter(slice(25, 40, false), ColumnFilter.ALL, 10, false, null).rangeTombstones().size());
        assertEquals(0, filter(slice(0, 19, false), ColumnFilter.ALL, 10, false, null).rangeTombstones().size());
    }
}
