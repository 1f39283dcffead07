package org.ringlet.api.data;

import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.List;

import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CqlType;

/**
 * Orders clusterings and clustering bounds by the clustering columns' types (reversed for DESC columns). For one
 * prefix {@code p}: {@code EXCL_END(p) < INCL_START(p) < every clustering starting with p < INCL_END(p) <
 * EXCL_START(p)}. The static clustering sorts before everything. Immutable and thread-safe.
 */
public final class ClusteringComparator implements Comparator<Clustering> {
    private final List<CqlType> types;

    public ClusteringComparator(List<CqlType> types) {
        this.types = List.copyOf(types);
    }

    /** The comparator of a table's clustering columns. */
    public static ClusteringComparator of(TableMetadata table) {
        return new ClusteringComparator(table.clusteringComparisonTypes());
    }

    public List<CqlType> types() {
        return types;
    }

    public int size() {
        return types.size();
    }

    @Override
    public int compare(Clustering a, Clustering b) {
        if (a.isStatic() || b.isStatic()) {
            return Boolean.compare(!a.isStatic(), !b.isStatic());
        }
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compareValue(i, a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Compares the i-th clustering value of two rows. */
    public int compareValue(int i, ByteBuffer a, ByteBuffer b) {
        return types.get(i).compare(a, b);
    }

    private static int weight(ClusteringBound.Kind k) {
        return switch (k) {
            case INCL_START, EXCL_END -> -1;
            case INCL_END, EXCL_START -> 1;
        };
    }

    private static int tieOrder(ClusteringBound.Kind k) {
        return switch (k) {
            case EXCL_END -> 0;
            case INCL_START -> 1;
            case INCL_END -> 2;
            case EXCL_START -> 3;
        };
    }

    /** Compares a bound with a clustering: negative when the bound's position is before the clustering. */
    public int compare(ClusteringBound bound, Clustering c) {
        if (c.isStatic()) {
            return 1;
        }
        int n = Math.min(bound.size(), c.size());
        for (int i = 0; i < n; i++) {
            int r = compareValue(i, bound.get(i), c.get(i));
            if (r != 0) {
                return r;
            }
        }
        return weight(bound.kind());
    }

    /** Compares a clustering with a bound. */
    public int compare(Clustering c, ClusteringBound bound) {
        return -compare(bound, c);
    }

    /** Compares two bounds by position. */
    public int compare(ClusteringBound a, ClusteringBound b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int r = compareValue(i, a.get(i), b.get(i));
            if (r != 0) {
                return r;
            }
        }
        if (a.size() == b.size()) {
            int w = Integer.compare(weight(a.kind()), weight(b.kind()));
            return w != 0 ? w : Integer.compare(tieOrder(a.kind()), tieOrder(b.kind()));
        }
        // one is a strict prefix of the other: the shorter bound is before or after everything the longer one is in
        return a.size() < b.size() ? weight(a.kind()) : -weight(b.kind());
    }

    /** Whether a slice from {@code start} to {@code end} selects nothing. */
    public boolean isEmpty(ClusteringBound start, ClusteringBound end) {
        return compare(start, end) > 0;
    }
}
