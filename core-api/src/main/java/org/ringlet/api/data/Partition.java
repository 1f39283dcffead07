package org.ringlet.api.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;

import static java.util.Objects.requireNonNull;

/**
 * The data of one partition of one table: what a write changes and what a read returns. Holds the partition
 * deletion, the static row, rows in clustering order and range tombstones (sorted by start). Immutable.
 *
 * <p>Read results keep tombstones so that replicas' answers can be merged; {@link #liveRows(long)} gives what a
 * query sees.
 */
public final class Partition {
    private final TableId table;
    private final DecoratedKey key;
    private final DeletionTime partitionDeletion;
    private final Row staticRow;
    private final List<Row> rows;
    private final List<RangeTombstone> rangeTombstones;

    private Partition(TableId table, DecoratedKey key, DeletionTime partitionDeletion, Row staticRow,
                      List<Row> rows, List<RangeTombstone> rangeTombstones) {
        this.table = requireNonNull(table, "table is null");
        this.key = requireNonNull(key, "key is null");
        this.partitionDeletion = requireNonNull(partitionDeletion, "partitionDeletion is null");
        this.staticRow = requireNonNull(staticRow, "staticRow is null");
        this.rows = rows;
        this.rangeTombstones = rangeTombstones;
    }

    /**
     * A partition from parts already in order (as a file or message holds them): rows sorted by clustering,
     * tombstones by start.
     */
    public static Partition of(TableId table, DecoratedKey key, DeletionTime partitionDeletion, Row staticRow,
                               List<Row> rows, List<RangeTombstone> rangeTombstones) {
        return new Partition(table, key, partitionDeletion, staticRow, List.copyOf(rows),
                List.copyOf(rangeTombstones));
    }

    /** A partition holding nothing. */
    public static Partition empty(TableId table, DecoratedKey key) {
        return new Partition(table, key, DeletionTime.LIVE, Row.empty(Clustering.STATIC), List.of(), List.of());
    }

    public static Builder builder(TableMetadata table, DecoratedKey key) {
        return new Builder(table, key);
    }

    public TableId table() {
        return table;
    }

    public DecoratedKey key() {
        return key;
    }

    public DeletionTime partitionDeletion() {
        return partitionDeletion;
    }

    /** The static row; an empty row when there is none. */
    public Row staticRow() {
        return staticRow;
    }

    /** The rows, in clustering order (or reversed order for a reversed read result). */
    public List<Row> rows() {
        return rows;
    }

    public List<RangeTombstone> rangeTombstones() {
        return rangeTombstones;
    }

    /** Whether the partition holds nothing at all. */
    public boolean isEmpty() {
        return partitionDeletion.isLive() && staticRow.isEmpty() && rows.isEmpty() && rangeTombstones.isEmpty();
    }

    /** The number of rows (live or not). */
    public int rowCount() {
        return rows.size();
    }

    /** The highest write timestamp in the partition, for statistics. */
    public long maxTimestamp() {
        long max = Math.max(partitionDeletion.markedForDeleteAt(), staticRow.maxTimestamp());
        for (Row r : rows) {
            max = Math.max(max, r.maxTimestamp());
        }
        for (RangeTombstone rt : rangeTombstones) {
            max = Math.max(max, rt.deletion().markedForDeleteAt());
        }
        return max;
    }

    /** An estimate of the data size, for memtable accounting. */
    public int dataSize() {
        int size = key.key().remaining() + 32 + staticRow.dataSize();
        for (Row r : rows) {
            size += r.dataSize();
        }
        return size + rangeTombstones.size() * 64;
    }

    /** The deletion covering a row at {@code clustering}: the partition deletion or the latest covering range. */
    public DeletionTime deletionCovering(ClusteringComparator comparator, Clustering clustering) {
        DeletionTime d = partitionDeletion;
        for (RangeTombstone rt : rangeTombstones) {
            if (rt.slice().includes(comparator, clustering)) {
                d = DeletionTime.max(d, rt.deletion());
            }
        }
        return d;
    }

    /**
     * Merges versions of the same partition (from memtables and files, or from replicas) and removes what their
     * deletions shadow. Commutative and associative. Rows come out in clustering order.
     */
    public static Partition merge(List<Partition> versions, TableMetadata metadata) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        if (versions.size() == 1) {
            return versions.get(0).purgeShadowed(metadata);
        }
        ClusteringComparator comparator = ClusteringComparator.of(metadata);
        CellOrder order = CellOrder.of(metadata);
        Partition first = versions.get(0);
        DeletionTime pd = DeletionTime.LIVE;
        Row staticRow = Row.empty(Clustering.STATIC);
        TreeMap<Clustering, Row> rows = new TreeMap<>(comparator);
        List<RangeTombstone> rts = new ArrayList<>();
        for (Partition p : versions) {
            if (!p.key.equals(first.key) || !p.table.equals(first.table)) {
                throw new IllegalArgumentException("cannot merge different partitions: " + first.key + " and "
                        + p.key);
            }
            pd = DeletionTime.max(pd, p.partitionDeletion);
            staticRow = Row.merge(staticRow, p.staticRow, order);
            for (Row r : p.rows) {
                rows.merge(r.clustering(), r, (x, y) -> Row.merge(x, y, order));
            }
            for (RangeTombstone rt : p.rangeTombstones) {
                if (!rts.contains(rt)) {
                    rts.add(rt);
                }
            }
        }
        rts.sort((a, b) -> {
            int c = comparator.compare(a.slice().start(), b.slice().start());
            if (c != 0) {
                return c;
            }
            c = comparator.compare(a.slice().end(), b.slice().end());
            if (c != 0) {
                return c;
            }
            c = Long.compare(a.deletion().markedForDeleteAt(), b.deletion().markedForDeleteAt());
            // a total order, so that the merged list does not depend on the order of the versions
            return c != 0 ? c : Long.compare(a.deletion().localDeletionTime(), b.deletion().localDeletionTime());
        });
        return new Partition(first.table, first.key, pd, staticRow, List.copyOf(rows.values()), List.copyOf(rts))
                .purgeShadowed(comparator);
    }

    /** This partition with everything its own deletions shadow removed. */
    public Partition purgeShadowed(TableMetadata metadata) {
        return purgeShadowed(ClusteringComparator.of(metadata));
    }

    private Partition purgeShadowed(ClusteringComparator comparator) {
        List<RangeTombstone> rts = new ArrayList<>(rangeTombstones.size());
        for (RangeTombstone rt : rangeTombstones) {
            if (rt.deletion().supersedes(partitionDeletion)) {
                rts.add(rt);
            }
        }
        Row st = staticRow.purgeShadowed(partitionDeletion);
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            DeletionTime outer = partitionDeletion;
            for (RangeTombstone rt : rts) {
                if (rt.slice().includes(comparator, r.clustering())) {
                    outer = DeletionTime.max(outer, rt.deletion());
                }
            }
            Row purged = r.purgeShadowed(outer);
            if (!purged.isEmpty()) {
                out.add(purged);
            }
        }
        return new Partition(table, key, partitionDeletion, st, List.copyOf(out), List.copyOf(rts));
    }

    /**
     * The rows a query sees at {@code nowInSeconds}: rows with live data, holding only live cells, in this
     * partition's row order. Deletions must already have been applied (as {@link #merge} does).
     */
    public List<Row> liveRows(long nowInSeconds) {
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Row live = r.liveView(nowInSeconds);
            if (live != null) {
                out.add(live);
            }
        }
        return out;
    }

    /** The live part of the static row, or null when it has no live cell. */
    public Row liveStaticRow(long nowInSeconds) {
        return staticRow.liveView(nowInSeconds);
    }

    /** A copy with other rows (same key, deletions and static row), e.g. a read result in reversed order. */
    public Partition withRows(List<Row> newRows) {
        return new Partition(table, key, partitionDeletion, staticRow, List.copyOf(newRows), rangeTombstones);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Partition p && p.table.equals(table) && p.key.equals(key)
                && p.partitionDeletion.equals(partitionDeletion) && p.staticRow.equals(staticRow)
                && p.rows.equals(rows) && p.rangeTombstones.equals(rangeTombstones);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + rows.hashCode();
    }

    @Override
    public String toString() {
        return "Partition{" + key + (partitionDeletion.isLive() ? "" : " del=" + partitionDeletion)
                + (staticRow.isEmpty() ? "" : " static=" + staticRow) + " rows=" + rows
                + (rangeTombstones.isEmpty() ? "" : " rts=" + rangeTombstones) + "}";
    }

    /** Builds a partition update. Not thread-safe. */
    public static final class Builder {
        private final TableMetadata metadata;
        private final DecoratedKey key;
        private DeletionTime partitionDeletion = DeletionTime.LIVE;
        private Row.Builder staticRow;
        private final Map<Clustering, Row.Builder> rows;
        private final List<RangeTombstone> rangeTombstones = new ArrayList<>();

        private Builder(TableMetadata metadata, DecoratedKey key) {
            this.metadata = requireNonNull(metadata, "metadata is null");
            this.key = requireNonNull(key, "key is null");
            this.rows = new TreeMap<>(ClusteringComparator.of(metadata));
        }

        public TableMetadata metadata() {
            return metadata;
        }

        /** Deletes the whole partition. */
        public Builder deletePartition(DeletionTime deletion) {
            partitionDeletion = DeletionTime.max(partitionDeletion, deletion);
            return this;
        }

        /** The builder of the static row. */
        public Row.Builder staticRow() {
            if (staticRow == null) {
                staticRow = Row.builder(Clustering.STATIC);
            }
            return staticRow;
        }

        /** The builder of the row at {@code clustering} (created on first use). */
        public Row.Builder row(Clustering clustering) {
            if (clustering.size() != metadata.clusteringColumns().size()) {
                throw new IllegalArgumentException("expected " + metadata.clusteringColumns().size()
                        + " clustering values, got " + clustering.size());
            }
            return rows.computeIfAbsent(clustering, Row::builder);
        }

        public Builder addRangeTombstone(RangeTombstone rt) {
            rangeTombstones.add(rt);
            return this;
        }

        public Partition build() {
            CellOrder order = CellOrder.of(metadata);
            Row st = staticRow == null ? Row.empty(Clustering.STATIC) : staticRow.build(order);
            List<Row> built = new ArrayList<>(rows.size());
            for (Row.Builder b : rows.values()) {
                built.add(b.build(order));
            }
            ClusteringComparator comparator = ClusteringComparator.of(metadata);
            List<RangeTombstone> rts = new ArrayList<>(rangeTombstones);
            rts.sort((a, b) -> comparator.compare(a.slice().start(), b.slice().start()));
            return new Partition(metadata.id(), key, partitionDeletion, st, List.copyOf(built), List.copyOf(rts));
        }
    }
}
