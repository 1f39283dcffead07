package org.ringlet.cql.selection;

import java.nio.ByteBuffer;
import java.util.Set;

import org.ringlet.api.query.BoundValues;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.types.CqlType;

import static java.util.Objects.requireNonNull;

/** Selects a column's value; in an aggregate query, the value of the first row. */
public final class ColumnSelector extends SelectorFactory {
    private final ColumnMetadata column;

    public ColumnSelector(ColumnMetadata column) {
        this.column = requireNonNull(column, "column is null");
    }

    public ColumnMetadata column() {
        return column;
    }

    @Override
    public String columnName() {
        return column.name();
    }

    @Override
    public CqlType type() {
        return column.type();
    }

    @Override
    public void collectColumns(Set<ColumnMetadata> columns) {
        columns.add(column);
    }

    @Override
    public Selector newInstance(BoundValues values) {
        return new Selector() {
            private ByteBuffer current;
            private boolean set;

            @Override
            public void addInput(RowView row) {
                if (!set) {
                    set = true;
                    current = row.value(column);
                }
            }

            @Override
            public ByteBuffer output() {
                return current;
            }

            @Override
            public void reset() {
                set = false;
                current = null;
            }
        };
    }
}
