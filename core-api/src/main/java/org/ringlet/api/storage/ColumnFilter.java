package org.ringlet.api.storage;

import java.util.Set;

import org.ringlet.api.data.Cell;

/**
 * Which static and regular columns a read returns. Rows' liveness and deletions are always returned, so a row
 * whose selected columns are all null still exists.
 *
 * @param columns the column names, or null for every column
 */
public record ColumnFilter(Set<String> columns) {
    /** Every column. */
    public static final ColumnFilter ALL = new ColumnFilter(null);

    public ColumnFilter {
        columns = columns == null ? null : Set.copyOf(columns);
    }

    public static ColumnFilter of(Set<String> columns) {
        return new ColumnFilter(columns);
    }

    public boolean selectsAll() {
        return columns == null;
    }

    public boolean selects(String column) {
        return columns == null || columns.contains(column);
    }

    public boolean selects(Cell cell) {
        return selects(cell.column());
    }
}
