package org.ringlet.api.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.ClusteringComparator;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.RangeTombstone;
import org.ringlet.api.data.Row;
import org.ringlet.api.data.Slice;
import org.ringlet.api.schema.DroppedColumn;
import org.ringlet.api.schema.TableMetadata;

/**
 * The reference semantics of a read applied to a whole, merged partition: which rows, cells and tombstones a
 * slice read returns and how limits count. Engines may stream instead of materializing, but must return the
 * same result; the in-memory engine of the test-jar uses this directly.
 *
 * <p>As in Cassandra, a row exists when any of its regular columns is live, whichever columns the query selects,
 * so reads return the cells of every regular column (the query layer projects the selected ones); replicas'
 * answers then merge to the right liveness. The column filter chooses the static columns.
 */
public final class ReadFilters {
    private ReadFilters() {
    }

    /**
     * The part of a merged partition a read returns.
     *
     * @param merged       the partition with deletions applied ({@link Partition#merge})
     * @param clustering   the slices and order
     * @param columns      the columns the query selects: the static row holds only the selected static columns;
     *                     rows keep every regular column, which decides whether a row exists
     * @param rowLimit     the maximum number of live rows to return
     * @param distinct     only the static row and the first live row (to prove the partition is live)
     * @param resumeAfter  rows up to and including this clustering (in read order) are skipped, or null
     * @param nowInSeconds now
     * @return the filtered partition, rows in read order
     */
    public static Partition filter(Partition merged, TableMetadata table, ClusteringFilter clustering,
                                   ColumnFilter columns, int rowLimit, boolean distinct, Clustering resumeAfter,
                                   long nowInSeconds) {
        ClusteringComparator comparator = ClusteringComparator.of(table);
        boolean wantsStatic = table.hasStaticColumns()
                && (columns.selectsAll() || table.staticColumns().stream().anyMatch(c -> columns.selects(c.name())));
        Row staticRow = wantsStatic ? withoutDroppedData(merged.staticRow(), table).filter(columns::selects)
                : Row.empty(Clustering.STATIC);
        List<Row> source = merged.rows();
        List<Row> out = new ArrayList<>();
        int live = 0;
        int limit = distinct ? 1 : rowLimit;
        int n = source.size();
        for (int k = 0; k < n && live < limit; k++) {
            Row r = source.get(clustering.reversed() ? n - 1 - k : k);
            if (!clustering.slices().selects(comparator, r.clustering())) {
                continue;
            }
            r = withoutDroppedData(r, table);
            if (resumeAfter != null) {
                int c = comparator.compare(r.clustering(), resumeAfter);
                if (clustering.reversed() ? c >= 0 : c <= 0) {
                    continue;
                }
            }
            if (r.hasLiveData(nowInSeconds)) {
                live++;
            }
            out.add(r);
        }
        List<RangeTombstone> rts = new ArrayList<>();
        for (RangeTombstone rt : merged.rangeTombstones()) {
            for (Slice s : clustering.slices()) {
                if (s.intersects(comparator, rt.slice())) {
                    rts.add(rt);
                    break;
                }
            }
        }
        return Partition.of(merged.table(), merged.key(), merged.partitionDeletion(), staticRow, out, rts);
    }

    /**
     * The row without the cells a dropped column held when it was dropped: as Cassandra, a cell of a column with a
     * {@linkplain TableMetadata#droppedColumns() drop record} is ignored when written at or before the drop, even
     * if a column of that name was added again since. Reads apply this before deciding whether a row is live.
     */
    public static Row withoutDroppedData(Row row, TableMetadata table) {
        Map<String, DroppedColumn> dropped = table.droppedColumns();
        if (dropped.isEmpty() || row.cells().isEmpty()) {
            return row;
        }
        return row.filter(c -> {
            DroppedColumn d = dropped.get(c.column());
            return d == null || c.timestamp() > d.droppedTimeMicros();
        });
    }

    /**
     * How many rows a filtered partition counts for against a limit: its live rows, or 1 when it has none but
     * a live static row (a query then returns one row for the partition).
     */
    public static int liveRowCount(Partition filtered, long nowInSeconds) {
        int count = 0;
        for (Row r : filtered.rows()) {
            if (r.hasLiveData(nowInSeconds)) {
                count++;
            }
        }
        if (count == 0 && filtered.staticRow().hasLiveData(nowInSeconds)) {
            return 1;
        }
        return count;
    }
}
