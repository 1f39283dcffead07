package org.ringlet.api.storage;

import java.util.Set;

import org.ringlet.api.data.Cell;

/**
 * Which static and regular columns a query selects. Reads return the selected static columns, and every regular
 * column of each row with its liveness and deletions (as Cassandra fetches them), because a row exists when any
 * of its regular columns is live even if the selected ones are all null; see
 * {@link ReadFilters#filter ReadFilters.filter}.
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
