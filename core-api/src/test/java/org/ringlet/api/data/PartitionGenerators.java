package org.ringlet.api.data;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import static org.ringlet.api.data.DataFixtures.TABLE;
import static org.ringlet.api.data.DataFixtures.i;

/**
 * Random versions of one partition of {@link DataFixtures#TABLE}: partition deletions, range tombstones, a static
 * row, rows with liveness (some with TTLs), row deletions, live, expiring and deleted cells, set elements and
 * whole-set deletions. Timestamps and values come from small ranges so that ties are frequent.
 */
final class PartitionGenerators {
    /** The "now" the generated TTLs and expirations are around. */
    static final long NOW = 1_000;
    static final DecoratedKey KEY = DataFixtures.key(7);

    private PartitionGenerators() {
    }

    static Arbitrary<Long> timestamps() {
        return Arbitraries.longs().between(1, 12);
    }

    static Arbitrary<DeletionTime> deletions() {
        return Combinators.combine(timestamps(), Arbitraries.longs().between(NOW - 2, NOW))
                .as(DeletionTime::new);
    }

    static Arbitrary<DeletionTime> maybeDeletion(int percentLive) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(percentLive, Arbitraries.just(DeletionTime.LIVE)),
                net.jqwik.api.Tuple.of(100 - percentLive, deletions()));
    }

    static Arbitrary<LivenessInfo> liveness() {
        return Arbitraries.oneOf(Arbitraries.just(LivenessInfo.EMPTY),
                timestamps().map(LivenessInfo::create),
                Combinators.combine(timestamps(), Arbitraries.integers().between(1, 3),
                        Arbitraries.longs().between(NOW - 3, NOW)).as(LivenessInfo::expiring));
    }

    /** A cell of a simple column or a set element. */
    static Arbitrary<Cell> cells(String column, boolean static_) {
        Arbitrary<Integer> values = Arbitraries.integers().between(0, 2);
        boolean set = column.equals("tags");
        Arbitrary<Integer> paths = Arbitraries.integers().between(0, 2);
        return Combinators.combine(values, paths, timestamps(), Arbitraries.integers().between(0, 2),
                Arbitraries.longs().between(NOW - 3, NOW)).as((v, p, ts, kind, now) -> {
                    java.nio.ByteBuffer path = set ? i(p) : null;
                    java.nio.ByteBuffer value = set ? java.nio.ByteBuffer.allocate(0)
                            : column.equals("v2") ? org.ringlet.api.types.NativeType.TEXT.decompose("v" + v) : i(v);
                    return switch (kind) {
                        case 0 -> Cell.live(column, path, value, ts);
                        case 1 -> Cell.expiring(column, path, value, ts, 1 + v, now);
                        default -> Cell.tombstone(column, path, ts, now);
                    };
                });
    }

    static Arbitrary<Row> rows(Clustering clustering) {
        boolean st = clustering.isStatic();
        List<Arbitrary<Cell>> columns = st ? List.of(cells("s", true))
                : List.of(cells("v1", false), cells("v2", false), cells("tags", false));
        Arbitrary<List<Cell>> cellLists = Arbitraries.oneOf(columns).list().ofMaxSize(st ? 2 : 5);
        return Combinators.combine(st ? Arbitraries.just(LivenessInfo.EMPTY) : liveness(),
                st ? Arbitraries.just(DeletionTime.LIVE) : maybeDeletion(75), cellLists,
                st ? Arbitraries.just(DeletionTime.LIVE) : maybeDeletion(70))
                .as((l, d, cells, tagsDeletion) -> {
                    Row.Builder b = Row.builder(clustering).liveness(l).delete(d);
                    cells.forEach(b::addCell);
                    if (!tagsDeletion.isLive()) {
                        b.deleteComplex("tags", tagsDeletion);
                    }
                    return b.build(CellOrder.of(TABLE));
                });
    }

    static Arbitrary<ClusteringBound> starts() {
        return Arbitraries.oneOf(Arbitraries.just(ClusteringBound.BOTTOM),
                Combinators.combine(Arbitraries.of(ClusteringBound.Kind.INCL_START, ClusteringBound.Kind.EXCL_START),
                        Arbitraries.integers().between(0, 4)).as((k, v) -> ClusteringBound.create(k, List.of(i(v)))));
    }

    static Arbitrary<ClusteringBound> ends() {
        return Arbitraries.oneOf(Arbitraries.just(ClusteringBound.TOP),
                Combinators.combine(Arbitraries.of(ClusteringBound.Kind.INCL_END, ClusteringBound.Kind.EXCL_END),
                        Arbitraries.integers().between(0, 4)).as((k, v) -> ClusteringBound.create(k, List.of(i(v)))));
    }

    static Arbitrary<RangeTombstone> rangeTombstones() {
        return Combinators.combine(starts(), ends(), deletions())
                .as((s, e, d) -> new RangeTombstone(new Slice(s, e), d));
    }

    /** One version of the partition, built the way a write builds it. */
    static Arbitrary<Partition> partitions() {
        Arbitrary<List<Row>> rows = Arbitraries.integers().between(0, 4).set().ofMaxSize(4).flatMap(cks -> {
            List<Arbitrary<Row>> each = new ArrayList<>();
            for (int c : cks) {
                each.add(rows(DataFixtures.ck(c)));
            }
            return Combinators.combine(each).as(l -> l);
        });
        Arbitrary<Row> staticRow = Arbitraries.oneOf(Arbitraries.just(Row.empty(Clustering.STATIC)),
                rows(Clustering.STATIC));
        return Combinators.combine(maybeDeletion(85), staticRow, rows, rangeTombstones().list().ofMaxSize(2))
                .as((pd, st, rs, rts) -> {
                    Partition.Builder b = Partition.builder(TABLE, KEY).deletePartition(pd);
                    Row.Builder sb = b.staticRow();
                    st.cells().forEach(sb::addCell);
                    for (Row r : rs) {
                        Row.Builder rb = b.row(r.clustering()).liveness(r.primaryKeyLiveness()).delete(r.deletion());
                        r.cells().forEach(rb::addCell);
                        r.complexDeletions().forEach(rb::deleteComplex);
                    }
                    rts.forEach(b::addRangeTombstone);
                    return b.build();
                });
    }
}
