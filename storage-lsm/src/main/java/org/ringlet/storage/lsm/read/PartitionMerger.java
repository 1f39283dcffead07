package org.ringlet.storage.lsm.read;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import org.ringlet.api.data.CellOrder;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.ClusteringComparator;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.RangeTombstone;
import org.ringlet.api.data.Row;
import org.ringlet.api.data.Slice;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.ClusteringFilter;
import org.ringlet.api.storage.ColumnFilter;
import org.ringlet.api.storage.ReadFilters;

/**
 * Reads one partition from its versions: merges the headers with {@link Partition#merge}, then streams the rows of
 * every source slice by slice, merges equal clusterings with {@link Row#merge}, removes what the merged deletions
 * shadow, and stops once the limit of live rows is reached. The result is exactly what
 * {@link org.ringlet.api.storage.ReadFilters#filter} returns for the merged partition: the column filter picks
 * the static columns, rows keep every regular column (which decide whether a row exists). Stateless.
 */
public final class PartitionMerger {
    /** The static row of a read that selects no static column (rows are immutable). */
    private static final Row NO_STATIC_ROW = Row.empty(Clustering.STATIC);

    private PartitionMerger() {
    }

    /**
     * A partition's read result.
     *
     * @param metadata    the table
     * @param key         the key
     * @param sources     the versions (at least one)
     * @param clustering  slices and order
     * @param columns     columns
     * @param rowLimit    the maximum number of live rows
     * @param distinct    only the static row and the first live row
     * @param resumeAfter rows up to and including this clustering (in read order) are skipped, or null
     * @param now         seconds deciding what has expired
     */
    public static Partition read(TableMetadata metadata, DecoratedKey key, List<PartitionSource> sources,
                                 ClusteringFilter clustering, ColumnFilter columns, int rowLimit, boolean distinct,
                                 Clustering resumeAfter, long now) {
        return read(metadata, ClusteringComparator.of(metadata), CellOrder.of(metadata), key, sources, clustering,
                columns, rowLimit, distinct, resumeAfter, now);
    }

    /** As {@link #read(TableMetadata, DecoratedKey, List, ClusteringFilter, ColumnFilter, int, boolean,
     * Clustering, long)}, with the table's comparators already built. */
    public static Partition read(TableMetadata metadata, ClusteringComparator comparator, CellOrder order,
                                 DecoratedKey key, List<PartitionSource> sources, ClusteringFilter clustering,
                                 ColumnFilter columns, int rowLimit, boolean distinct, Clustering resumeAfter,
                                 long now) {
        TableId table = metadata.id();
        if (sources.isEmpty()) {
            return Partition.empty(table, key);
        }
        DeletionTime pd = DeletionTime.LIVE;
        List<RangeTombstone> rts = List.of();
        Row mergedStatic = NO_STATIC_ROW;
        if (sources.size() > 1 || !sources.get(0).headerIsEmpty()) {
            Partition merged = mergeHeaders(metadata, sources);
            pd = merged.partitionDeletion();
            rts = merged.rangeTombstones();
            mergedStatic = merged.staticRow();
        }

        boolean wantsStatic = metadata.hasStaticColumns() && (columns.selectsAll()
                || metadata.staticColumns().stream().anyMatch(c -> columns.selects(c.name())));
        Row staticRow = wantsStatic
                ? ReadFilters.withoutDroppedData(mergedStatic, metadata).filter(columns::selects)
                : NO_STATIC_ROW;

        boolean reversed = clustering.reversed();
        int limit = distinct ? 1 : rowLimit;
        List<Row> out = new ArrayList<>();
        int live = 0;
        List<Slice> slices = clustering.slices().slices();
        if (reversed) {
            slices = new ArrayList<>(slices);
            Collections.reverse(slices);
        }
        Comparator<Row> rowOrder = null;
        if (sources.size() > 1) {
            rowOrder = (a, b) -> comparator.compare(a.clustering(), b.clustering());
            if (reversed) {
                rowOrder = rowOrder.reversed();
            }
        }
        for (Slice slice : slices) {
            if (live >= limit) {
                break;
            }
            Iterator<Row> single = null;
            MergeIterator<Row> merge = null;
            if (sources.size() == 1) {
                // one version: its rows are already in order and merged, no merge iterator needed
                single = sources.get(0).rows(slice, reversed);
            } else {
                List<Iterator<Row>> inputs = new ArrayList<>(sources.size());
                for (PartitionSource s : sources) {
                    inputs.add(s.rows(slice, reversed));
                }
                merge = new MergeIterator<>(inputs, rowOrder);
            }
            while (live < limit && (single != null ? single.hasNext() : merge.hasNext())) {
                Row r;
                if (single != null) {
                    r = single.next();
                } else {
                    List<Row> group = merge.next();
                    r = group.get(0);
                    for (int i = 1; i < group.size(); i++) {
                        r = Row.merge(r, group.get(i), order);
                    }
                }
                Row purged = ReadFilters.withoutDroppedData(
                        r.purgeShadowed(covering(comparator, pd, rts, r.clustering())), metadata);
                if (purged.isEmpty()) {
                    continue;
                }
                if (resumeAfter != null) {
                    int c = comparator.compare(purged.clustering(), resumeAfter);
                    if (reversed ? c >= 0 : c <= 0) {
                        continue;
                    }
                }
                if (purged.hasLiveData(now)) {
                    live++;
                }
                out.add(purged);
            }
        }
        List<RangeTombstone> outRts = rts.isEmpty() ? List.of() : new ArrayList<>();
        for (RangeTombstone rt : rts) {
            for (Slice s : clustering.slices()) {
                if (s.intersects(comparator, rt.slice())) {
                    outRts.add(rt);
                    break;
                }
            }
        }
        return Partition.of(table, key, pd, staticRow, out, outRts);
    }

    /** The merged header of the sources: partition deletion, static row and range tombstones, purged. */
    public static Partition mergeHeaders(TableMetadata metadata, List<PartitionSource> sources) {
        if (sources.size() == 1) {
            Partition h = sources.get(0).header();
            if (h.partitionDeletion().isLive() && h.rangeTombstones().isEmpty() && h.staticRow().isEmpty()
                    && h.rows().isEmpty()) {
                return h; // nothing in it can shadow anything
            }
            return h.purgeShadowed(metadata);
        }
        List<Partition> headers = new ArrayList<>(sources.size());
        for (PartitionSource s : sources) {
            headers.add(s.header());
        }
        return Partition.merge(headers, metadata);
    }

    /** The deletion covering a row: the partition deletion or the latest range tombstone including it. */
    public static DeletionTime covering(ClusteringComparator comparator, DeletionTime pd, List<RangeTombstone> rts,
                                        Clustering c) {
        DeletionTime d = pd;
        for (RangeTombstone rt : rts) {
            if (rt.slice().includes(comparator, c)) {
                d = DeletionTime.max(d, rt.deletion());
            }
        }
        return d;
    }
}
