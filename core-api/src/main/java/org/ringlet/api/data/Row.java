package org.ringlet.api.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * A row: its clustering, primary-key liveness (row marker), row deletion, cells in {@link CellOrder}, and the
 * deletions of whole non-frozen collections ("complex deletions", by column). Immutable.
 */
public final class Row {
    private final Clustering clustering;
    private final LivenessInfo liveness;
    private final DeletionTime deletion;
    private final List<Cell> cells;
    private final Map<String, DeletionTime> complexDeletions;

    private Row(Clustering clustering, LivenessInfo liveness, DeletionTime deletion, List<Cell> cells,
                Map<String, DeletionTime> complexDeletions) {
        this.clustering = requireNonNull(clustering, "clustering is null");
        this.liveness = requireNonNull(liveness, "liveness is null");
        this.deletion = requireNonNull(deletion, "deletion is null");
        this.cells = cells;
        this.complexDeletions = complexDeletions;
    }

    /**
     * A row from parts already in order: {@code cells} must be sorted by the table's {@link CellOrder} without
     * duplicates (as a file or message holds them).
     */
    public static Row of(Clustering clustering, LivenessInfo liveness, DeletionTime deletion, List<Cell> cells,
                         Map<String, DeletionTime> complexDeletions) {
        return new Row(clustering, liveness, deletion, List.copyOf(cells), complexDeletions.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(complexDeletions)));
    }

    /** An empty row (nothing written). */
    public static Row empty(Clustering clustering) {
        return new Row(clustering, LivenessInfo.EMPTY, DeletionTime.LIVE, List.of(), Map.of());
    }

    public static Builder builder(Clustering clustering) {
        return new Builder(clustering);
    }

    public Clustering clustering() {
        return clustering;
    }

    public boolean isStatic() {
        return clustering.isStatic();
    }

    public LivenessInfo primaryKeyLiveness() {
        return liveness;
    }

    public DeletionTime deletion() {
        return deletion;
    }

    public List<Cell> cells() {
        return cells;
    }

    /** Deletions of whole non-frozen collections / UDTs, by column name. */
    public Map<String, DeletionTime> complexDeletions() {
        return complexDeletions;
    }

    /** The cells of one column, in path order. */
    public List<Cell> cells(String column) {
        List<Cell> out = new ArrayList<>();
        for (Cell c : cells) {
            int cmp = c.column().compareTo(column);
            if (cmp == 0) {
                out.add(c);
            } else if (cmp > 0) {
                break;
            }
        }
        return out;
    }

    /** The cell of a simple column, or null. */
    public Cell cell(String column) {
        for (Cell c : cells) {
            int cmp = c.column().compareTo(column);
            if (cmp == 0 && !c.hasPath()) {
                return c;
            }
            if (cmp > 0) {
                break;
            }
        }
        return null;
    }

    /** Whether the row holds nothing at all (no liveness, deletion, cell or complex deletion). */
    public boolean isEmpty() {
        return liveness.isEmpty() && deletion.isLive() && cells.isEmpty() && complexDeletions.isEmpty();
    }

    /** Whether the row exists at {@code nowInSeconds}: a live row marker or at least one live cell. */
    public boolean hasLiveData(long nowInSeconds) {
        if (liveness.isLive(nowInSeconds)) {
            return true;
        }
        for (Cell c : cells) {
            if (c.isLive(nowInSeconds)) {
                return true;
            }
        }
        return false;
    }

    /** The highest write timestamp in the row (liveness, deletions, cells), for statistics. */
    public long maxTimestamp() {
        long max = Math.max(liveness.timestamp(), deletion.markedForDeleteAt());
        for (Cell c : cells) {
            max = Math.max(max, c.timestamp());
        }
        for (DeletionTime d : complexDeletions.values()) {
            max = Math.max(max, d.markedForDeleteAt());
        }
        return max;
    }

    /** An estimate of the row's data size, for memtable accounting. */
    public int dataSize() {
        int size = 32;
        for (int i = 0; i < clustering.size(); i++) {
            size += clustering.get(i).remaining();
        }
        for (Cell c : cells) {
            size += c.dataSize();
        }
        return size + complexDeletions.size() * 24;
    }

    /** A copy with only the cells the filter keeps (liveness and deletions are kept). */
    public Row filter(java.util.function.Predicate<Cell> keep) {
        List<Cell> kept = new ArrayList<>(cells.size());
        for (Cell c : cells) {
            if (keep.test(c)) {
                kept.add(c);
            }
        }
        return kept.size() == cells.size() ? this
                : new Row(clustering, liveness, deletion, List.copyOf(kept), complexDeletions);
    }

    /**
     * Merges two versions of the same row: the winning liveness, the latest deletions, cells reconciled per
     * column and path; then removes what the row's deletions shadow.
     */
    public static Row merge(Row a, Row b, CellOrder order) {
        LivenessInfo liveness = winner(a.liveness, b.liveness);
        DeletionTime deletion = DeletionTime.max(a.deletion, b.deletion);
        Map<String, DeletionTime> complex = new TreeMap<>(a.complexDeletions);
        b.complexDeletions.forEach((k, v) -> complex.merge(k, v, DeletionTime::max));
        List<Cell> cells = new ArrayList<>(a.cells.size() + b.cells.size());
        int i = 0;
        int j = 0;
        while (i < a.cells.size() || j < b.cells.size()) {
            if (i == a.cells.size()) {
                cells.add(b.cells.get(j++));
            } else if (j == b.cells.size()) {
                cells.add(a.cells.get(i++));
            } else {
                Cell x = a.cells.get(i);
                Cell y = b.cells.get(j);
                int c = order.compare(x, y);
                if (c < 0) {
                    cells.add(x);
                    i++;
                } else if (c > 0) {
                    cells.add(y);
                    j++;
                } else {
                    cells.add(Cell.reconcile(x, y));
                    i++;
                    j++;
                }
            }
        }
        return new Row(a.clustering, liveness, deletion, cells, complex).purgeShadowed(DeletionTime.LIVE);
    }

    /**
     * The liveness that wins: the one that {@linkplain LivenessInfo#supersedes supersedes}; when neither does
     * (same timestamp and expiration, different TTLs) the larger TTL, so that merging is commutative.
     */
    private static LivenessInfo winner(LivenessInfo a, LivenessInfo b) {
        if (a.supersedes(b)) {
            return a;
        }
        if (b.supersedes(a)) {
            return b;
        }
        return a.ttl() >= b.ttl() ? a : b;
    }

    /**
     * Removes what is shadowed by {@code outer} (the partition deletion and range tombstones covering this row)
     * and by the row's own deletions. A row deletion or complex deletion that no longer deletes anything newer
     * than {@code outer} is dropped.
     */
    public Row purgeShadowed(DeletionTime outer) {
        DeletionTime effective = DeletionTime.max(outer, deletion);
        DeletionTime rowDeletion = deletion.supersedes(outer) ? deletion : DeletionTime.LIVE;
        LivenessInfo newLiveness = !liveness.isEmpty() && effective.deletes(liveness.timestamp())
                ? LivenessInfo.EMPTY : liveness;
        Map<String, DeletionTime> newComplex = complexDeletions;
        if (!complexDeletions.isEmpty()) {
            newComplex = new TreeMap<>();
            for (Map.Entry<String, DeletionTime> e : complexDeletions.entrySet()) {
                if (e.getValue().supersedes(effective)) {
                    newComplex.put(e.getKey(), e.getValue());
                }
            }
            newComplex = Collections.unmodifiableMap(newComplex);
        }
        List<Cell> kept = null;
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            DeletionTime cd = newComplex.isEmpty() ? null : newComplex.get(c.column());
            boolean shadowed = effective.deletes(c.timestamp()) || (cd != null && c.hasPath()
                    && cd.deletes(c.timestamp()));
            if (shadowed && kept == null) {
                kept = new ArrayList<>(cells.subList(0, i));
            } else if (!shadowed && kept != null) {
                kept.add(c);
            }
        }
        List<Cell> newCells = kept == null ? cells : List.copyOf(kept);
        if (newLiveness == liveness && rowDeletion == deletion && newComplex.equals(complexDeletions)
                && newCells == cells) {
            return this;
        }
        return new Row(clustering, newLiveness, rowDeletion, newCells, newComplex);
    }

    /**
     * The live part of the row at {@code nowInSeconds}: only live cells and no deletions; null when the row has
     * no live data.
     */
    public Row liveView(long nowInSeconds) {
        if (!hasLiveData(nowInSeconds)) {
            return null;
        }
        List<Cell> live = new ArrayList<>(cells.size());
        for (Cell c : cells) {
            if (c.isLive(nowInSeconds)) {
                live.add(c);
            }
        }
        LivenessInfo l = liveness.isLive(nowInSeconds) ? liveness : LivenessInfo.EMPTY;
        return new Row(clustering, l, DeletionTime.LIVE, List.copyOf(live), Map.of());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && r.clustering.equals(clustering) && r.liveness.equals(liveness)
                && r.deletion.equals(deletion) && r.cells.equals(cells)
                && r.complexDeletions.equals(complexDeletions);
    }

    @Override
    public int hashCode() {
        return clustering.hashCode() * 31 + cells.hashCode();
    }

    @Override
    public String toString() {
        return "Row{" + clustering + (liveness.isEmpty() ? "" : " ts=" + liveness.timestamp())
                + (liveness.isExpiring() ? " exp=" + liveness.localExpirationTime() : "")
                + (deletion.isLive() ? "" : " del=" + deletion) + (complexDeletions.isEmpty() ? ""
                : " complexDel=" + complexDeletions) + " " + cells + "}";
    }

    /**
     * Builds a row from cells in any order; cells for the same column and path are reconciled. Not thread-safe.
     */
    public static final class Builder {
        private final Clustering clustering;
        private LivenessInfo liveness = LivenessInfo.EMPTY;
        private DeletionTime deletion = DeletionTime.LIVE;
        private final List<Cell> cells = new ArrayList<>();
        private final Map<String, DeletionTime> complex = new TreeMap<>();

        private Builder(Clustering clustering) {
            this.clustering = requireNonNull(clustering, "clustering is null");
        }

        public Builder liveness(LivenessInfo info) {
            this.liveness = winner(info, liveness);
            return this;
        }

        public Builder delete(DeletionTime d) {
            this.deletion = DeletionTime.max(deletion, d);
            return this;
        }

        public Builder addCell(Cell cell) {
            cells.add(requireNonNull(cell, "cell is null"));
            return this;
        }

        /** Deletes a whole non-frozen collection / UDT column (as an overwrite or DELETE of the column does). */
        public Builder deleteComplex(String column, DeletionTime d) {
            complex.merge(column, d, DeletionTime::max);
            return this;
        }

        public Row build(CellOrder order) {
            List<Cell> sorted = new ArrayList<>(cells);
            sorted.sort(order);
            List<Cell> merged = new ArrayList<>(sorted.size());
            for (Cell c : sorted) {
                int last = merged.size() - 1;
                if (last >= 0 && order.compare(merged.get(last), c) == 0) {
                    merged.set(last, Cell.reconcile(merged.get(last), c));
                } else {
                    merged.add(c);
                }
            }
            return new Row(clustering, liveness, deletion, List.copyOf(merged),
                    Collections.unmodifiableMap(new TreeMap<>(complex))).purgeShadowed(DeletionTime.LIVE);
        }
    }
}
