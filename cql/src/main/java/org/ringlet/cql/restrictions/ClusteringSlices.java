package org.ringlet.cql.restrictions;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.ringlet.api.data.ClusteringBound;
import org.ringlet.api.data.ClusteringComparator;
import org.ringlet.api.data.Slice;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.TableMetadata;

/**
 * Turns a clustering slice restriction into the slices a read uses. A bound compares tuples of values in their
 * natural order ({@code (c1, c2) > (1, 2)} means {@code c1 > 1 OR (c1 = 1 AND c2 > 2)}), while rows are stored in
 * clustering order, where a DESC column runs backwards: each bound becomes a union of pieces that are slices in
 * clustering order, and the restriction is the pairwise intersection of the pieces of both bounds.
 */
final class ClusteringSlices {
    private ClusteringSlices() {
    }

    /**
     * Adds the slices of rows that start with {@code prefix} and whose following columns satisfy the slice.
     */
    static void add(ClusteringComparator comparator, TableMetadata table, List<ByteBuffer> prefix,
                    Restriction.Slice slice, BoundValues values, List<Slice> out) {
        List<Slice> lower = slice.lower() == null ? List.of(whole(prefix))
                : pieces(table, prefix, slice.lower().values().bind(values), slice.lower().inclusive(), true);
        List<Slice> upper = slice.upper() == null ? List.of(whole(prefix))
                : pieces(table, prefix, slice.upper().values().bind(values), slice.upper().inclusive(), false);
        for (Slice l : lower) {
            for (Slice u : upper) {
                ClusteringBound start = comparator.compare(l.start(), u.start()) >= 0 ? l.start() : u.start();
                ClusteringBound end = comparator.compare(l.end(), u.end()) <= 0 ? l.end() : u.end();
                if (!comparator.isEmpty(start, end)) {
                    out.add(new Slice(start, end));
                }
            }
        }
    }

    private static Slice whole(List<ByteBuffer> prefix) {
        return new Slice(ClusteringBound.create(ClusteringBound.Kind.INCL_START, prefix),
                ClusteringBound.create(ClusteringBound.Kind.INCL_END, prefix));
    }

    /**
     * The rows after (or before) a bound: for each column of the bound, the rows equal to the bound up to it and
     * greater (or less) at it; and, for an inclusive bound, the rows equal to the whole bound.
     */
    private static List<Slice> pieces(TableMetadata table, List<ByteBuffer> prefix, List<ByteBuffer> bound,
                                      boolean inclusive, boolean lower) {
        List<Slice> out = new ArrayList<>(bound.size() + 1);
        List<ByteBuffer> fixed = new ArrayList<>(prefix);
        for (ByteBuffer v : bound) {
            boolean desc = table.clusteringColumns().get(fixed.size()).order() == ClusteringOrder.DESC;
            List<ByteBuffer> at = new ArrayList<>(fixed);
            at.add(v);
            // greater values come after v in an ASC column and before it in a DESC column
            boolean after = lower != desc;
            if (after) {
                out.add(new Slice(ClusteringBound.create(ClusteringBound.Kind.EXCL_START, at),
                        ClusteringBound.create(ClusteringBound.Kind.INCL_END, fixed)));
            } else {
                out.add(new Slice(ClusteringBound.create(ClusteringBound.Kind.INCL_START, fixed),
                        ClusteringBound.create(ClusteringBound.Kind.EXCL_END, at)));
            }
            fixed = at;
        }
        if (inclusive) {
            out.add(whole(fixed));
        }
        return out;
    }
}
