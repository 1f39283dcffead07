package org.ringlet.api.data;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ringlet.api.data.DataFixtures.TABLE;
import static org.ringlet.api.data.DataFixtures.ck;
import static org.ringlet.api.data.DataFixtures.i;

class RowTest {
    private static final CellOrder ORDER = CellOrder.of(TABLE);
    private static final long NOW = 1_000;
    private static final ByteBuffer NONE = ByteBuffer.allocate(0);

    private static Cell tag(int element, long ts) {
        return Cell.live("tags", i(element), NONE, ts);
    }

    @Test
    void rowDeletionShadowsOlderDataOnly() {
        Row a = Row.builder(ck(1)).liveness(LivenessInfo.create(5)).addCell(Cell.live("v1", null, i(1), 5))
                .addCell(Cell.live("v2", null, i(2), 9)).build(ORDER);
        Row b = Row.builder(ck(1)).delete(new DeletionTime(6, NOW)).build(ORDER);
        Row m = Row.merge(a, b, ORDER);
        assertTrue(m.primaryKeyLiveness().isEmpty());
        assertEquals(List.of(Cell.live("v2", null, i(2), 9)), m.cells());
        assertEquals(new DeletionTime(6, NOW), m.deletion());
        assertEquals(m, Row.merge(b, a, ORDER));
        assertTrue(m.hasLiveData(NOW));
        // a deletion at the same timestamp wins
        Row c = Row.builder(ck(1)).delete(new DeletionTime(9, NOW)).build(ORDER);
        assertFalse(Row.merge(m, c, ORDER).hasLiveData(NOW));
        assertNull(Row.merge(m, c, ORDER).liveView(NOW));
    }

    @Test
    void complexDeletionShadowsOnlyTheCollectionsOlderElements() {
        Row a = Row.builder(ck(1)).addCell(tag(1, 3)).addCell(tag(2, 8)).addCell(Cell.live("v1", null, i(1), 3))
                .build(ORDER);
        Row b = Row.builder(ck(1)).deleteComplex("tags", new DeletionTime(5, NOW)).build(ORDER);
        Row m = Row.merge(a, b, ORDER);
        assertEquals(List.of(tag(2, 8), Cell.live("v1", null, i(1), 3)), m.cells());
        assertEquals(Map.of("tags", new DeletionTime(5, NOW)), m.complexDeletions());
        // a newer row deletion makes the complex deletion redundant
        Row gone = Row.merge(m, Row.builder(ck(1)).delete(new DeletionTime(6, NOW)).build(ORDER), ORDER);
        assertTrue(gone.complexDeletions().isEmpty());
        assertEquals(List.of(tag(2, 8)), gone.cells());
    }

    @Test
    void cellsAreSortedByColumnThenPathTypeAndReconciled() {
        Row r = Row.builder(ck(1)).addCell(tag(10, 1)).addCell(tag(-1, 1)).addCell(tag(2, 1))
                .addCell(Cell.live("v1", null, i(1), 1)).addCell(Cell.live("v1", null, i(2), 2))
                .addCell(Cell.tombstone("v2", null, 4, NOW)).addCell(Cell.live("v2", null, i(5), 4))
                .build(ORDER);
        assertEquals(List.of(tag(-1, 1), tag(2, 1), tag(10, 1), Cell.live("v1", null, i(2), 2),
                Cell.tombstone("v2", null, 4, NOW)), r.cells(), "set elements in int order, not byte order");
        assertEquals(3, r.cells("tags").size());
        assertEquals(Cell.live("v1", null, i(2), 2), r.cell("v1"));
        assertNull(r.cell("tags"));
        assertNull(r.cell("nope"));
        assertEquals(4, r.maxTimestamp());
        assertTrue(CellOrder.bytewise().compare(tag(-1, 1), tag(10, 1)) > 0, "bytewise order differs");
    }

    @Test
    void ttlExpiry() {
        Row r = Row.builder(ck(1)).liveness(LivenessInfo.expiring(5, 10, NOW))
                .addCell(Cell.expiring("v1", null, i(1), 5, 20, NOW)).addCell(Cell.live("v2", null, i(2), 5))
                .build(ORDER);
        Row at9 = r.liveView(NOW + 9);
        assertEquals(LivenessInfo.expiring(5, 10, NOW), at9.primaryKeyLiveness());
        assertEquals(2, at9.cells().size());
        Row at15 = r.liveView(NOW + 15);
        assertTrue(at15.primaryKeyLiveness().isEmpty(), "the row marker expired");
        assertEquals(2, at15.cells().size());
        Row at25 = r.liveView(NOW + 25);
        assertEquals(List.of(Cell.live("v2", null, i(2), 5)), at25.cells());
        Row onlyTtl = Row.builder(ck(2)).liveness(LivenessInfo.expiring(5, 10, NOW)).build(ORDER);
        assertTrue(onlyTtl.hasLiveData(NOW + 9));
        assertFalse(onlyTtl.hasLiveData(NOW + 10));
        assertNull(onlyTtl.liveView(NOW + 10));
    }

    @Test
    void livenessTiesAreResolvedTheSameWhateverTheOrder() {
        LivenessInfo shortTtl = new LivenessInfo(5, 10, NOW + 20);
        LivenessInfo longTtl = new LivenessInfo(5, 20, NOW + 20);
        Row a = Row.builder(ck(1)).liveness(shortTtl).build(ORDER);
        Row b = Row.builder(ck(1)).liveness(longTtl).build(ORDER);
        assertEquals(Row.merge(a, b, ORDER), Row.merge(b, a, ORDER));
        assertEquals(longTtl, Row.merge(a, b, ORDER).primaryKeyLiveness());
        // and the usual rules: later timestamp, then expiring over not, then later expiration
        assertTrue(LivenessInfo.create(6).supersedes(longTtl));
        assertTrue(LivenessInfo.expiring(5, 1, 0).supersedes(LivenessInfo.create(5)));
        assertTrue(new LivenessInfo(5, 1, NOW + 30).supersedes(longTtl));
    }

    @Test
    void purgeShadowedKeepsWhatIsNewerThanTheOuterDeletion() {
        Row r = Row.builder(ck(1)).liveness(LivenessInfo.create(5)).delete(new DeletionTime(4, NOW))
                .addCell(Cell.live("v1", null, i(1), 7)).build(ORDER);
        assertSame(r, r.purgeShadowed(DeletionTime.LIVE));
        Row p = r.purgeShadowed(new DeletionTime(5, NOW));
        assertTrue(p.primaryKeyLiveness().isEmpty());
        assertTrue(p.deletion().isLive(), "the outer deletion covers the row's own");
        assertEquals(1, p.cells().size());
        assertTrue(r.purgeShadowed(new DeletionTime(7, NOW)).isEmpty());
        assertTrue(Row.empty(ck(1)).isEmpty());
        assertFalse(Row.builder(ck(1)).delete(new DeletionTime(1, 1)).build(ORDER).isEmpty());
    }
}
