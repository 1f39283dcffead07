package org.ringlet.cql.selection;

import org.ringlet.api.query.BoundValues;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Set;

import org.ringlet.api.data.Cell;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.ast.RawSelectable;

import static java.util.Objects.requireNonNull;

/** {@code writetime(c)} (the cell's write timestamp) or {@code ttl(c)} (its remaining time to live). */
public final class WritetimeSelector extends SelectorFactory {
    private final ColumnMetadata column;
    private final RawSelectable.MetadataKind kind;

    public WritetimeSelector(ColumnMetadata column, RawSelectable.MetadataKind kind) {
        this.column = requireNonNull(column, "column is null");
        this.kind = requireNonNull(kind, "kind is null");
    }

    @Override
    public String columnName() {
        return kind.name().toLowerCase(Locale.ROOT) + "(" + column.name() + ")";
    }

    @Override
    public CqlType type() {
        return kind == RawSelectable.MetadataKind.TTL ? NativeType.INT : NativeType.BIGINT;
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
                if (set) {
                    return;
                }
                set = true;
                Cell c = row.cell(column);
                if (c == null) {
                    current = null;
                } else if (kind == RawSelectable.MetadataKind.TTL) {
                    current = c.isExpiring() ? NativeType.INT.decompose(
                            (int) Math.max(0, c.localDeletionTime() - row.nowInSeconds())) : null;
                } else {
                    current = NativeType.BIGINT.decompose(c.timestamp());
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
