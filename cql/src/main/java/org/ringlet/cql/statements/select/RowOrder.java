package org.ringlet.cql.statements.select;

import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.List;

import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.cql.selection.RowView;

/**
 * The order ORDER BY asks for when rows of several partitions (IN on the partition key) must be sorted after they
 * are read: by the ordering clustering columns in clustering order, or all reversed. Rows without clustering (a
 * partition's static values only) come first. Immutable.
 *
 * @param columns  the ordering columns, in ORDER BY order
 * @param descending whether the order is the reverse of the clustering order
 */
record RowOrder(List<ColumnMetadata> columns, boolean descending) implements Comparator<RowView> {
    RowOrder {
        columns = List.copyOf(columns);
    }

    @Override
    public int compare(RowView a, RowView b) {
        int c = 0;
        for (int i = 0; c == 0 && i < columns.size(); i++) {
            ColumnMetadata column = columns.get(i);
            ByteBuffer x = a.value(column);
            ByteBuffer y = b.value(column);
            if (x == null || y == null) {
                c = x == null ? (y == null ? 0 : -1) : 1;
            } else {
                c = column.comparisonType().compare(x, y);
            }
        }
        return descending ? -c : c;
    }
}
