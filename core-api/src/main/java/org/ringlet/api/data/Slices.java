package org.ringlet.api.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A sorted list of non-overlapping, non-empty {@link Slice}s: the clustering part of a read. Immutable.
 */
public final class Slices implements Iterable<Slice> {
    /** Every clustering. */
    public static final Slices ALL = new Slices(List.of(Slice.ALL));
    /** No clustering. */
    public static final Slices NONE = new Slices(List.of());

    private final List<Slice> slices;

    private Slices(List<Slice> slices) {
        this.slices = slices;
    }

    /**
     * Slices from any list: empty ones are dropped, the rest sorted and overlapping ones merged.
     */
    public static Slices of(ClusteringComparator comparator, List<Slice> input) {
        List<Slice> sorted = new ArrayList<>();
        for (Slice s : input) {
            if (!s.isEmpty(comparator)) {
                sorted.add(s);
            }
        }
        sorted.sort((a, b) -> comparator.compare(a.start(), b.start()));
        List<Slice> merged = new ArrayList<>();
        for (Slice s : sorted) {
            if (!merged.isEmpty()) {
                Slice last = merged.get(merged.size() - 1);
                if (comparator.compare(s.start(), last.end()) <= 0) {
                    ClusteringBound end = comparator.compare(s.end(), last.end()) > 0 ? s.end() : last.end();
                    merged.set(merged.size() - 1, new Slice(last.start(), end));
                    continue;
                }
            }
            merged.add(s);
        }
        return new Slices(List.copyOf(merged));
    }

    /** One slice. */
    public static Slices with(ClusteringComparator comparator, Slice slice) {
        return of(comparator, List.of(slice));
    }

    /** The slices, in clustering order. */
    public List<Slice> slices() {
        return slices;
    }

    public int size() {
        return slices.size();
    }

    public boolean isEmpty() {
        return slices.isEmpty();
    }

    /** Whether these are exactly {@link #ALL}. */
    public boolean selectsAll() {
        return slices.size() == 1 && slices.get(0).equals(Slice.ALL);
    }

    /** Whether some slice holds {@code c}. */
    public boolean selects(ClusteringComparator comparator, Clustering c) {
        for (Slice s : slices) {
            if (s.includes(comparator, c)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some slice intersects {@code other}. */
    public boolean intersects(ClusteringComparator comparator, Slice other) {
        for (Slice s : slices) {
            if (s.intersects(comparator, other)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Iterator<Slice> iterator() {
        return slices.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Slices s && s.slices.equals(slices);
    }

    @Override
    public int hashCode() {
        return slices.hashCode();
    }

    @Override
    public String toString() {
        return "Slices" + slices;
    }
}
