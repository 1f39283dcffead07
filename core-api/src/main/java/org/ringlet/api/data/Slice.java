package org.ringlet.api.data;

import static java.util.Objects.requireNonNull;

/**
 * The clusterings between a start bound and an end bound.
 *
 * @param start a start bound (INCL_START or EXCL_START)
 * @param end   an end bound (INCL_END or EXCL_END)
 */
public record Slice(ClusteringBound start, ClusteringBound end) {
    /** Every clustering. */
    public static final Slice ALL = new Slice(ClusteringBound.BOTTOM, ClusteringBound.TOP);

    public Slice {
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        if (!start.isStart() || end.isStart()) {
            throw new IllegalArgumentException("a slice goes from a start bound to an end bound: " + start + ", "
                    + end);
        }
    }

    /** The slice holding exactly one clustering. */
    public static Slice exactly(Clustering c) {
        return new Slice(ClusteringBound.inclusiveStart(c), ClusteringBound.inclusiveEnd(c));
    }

    /** Whether the slice holds {@code c}. */
    public boolean includes(ClusteringComparator comparator, Clustering c) {
        return comparator.compare(start, c) < 0 && comparator.compare(end, c) > 0;
    }

    /** Whether the slice holds nothing. */
    public boolean isEmpty(ClusteringComparator comparator) {
        return comparator.isEmpty(start, end);
    }

    /** Whether the two slices share at least one position. */
    public boolean intersects(ClusteringComparator comparator, Slice other) {
        return comparator.compare(start, other.end) < 0 && comparator.compare(other.start, end) < 0;
    }
}
