package org.ringlet.cql.selection;

import java.nio.ByteBuffer;
import java.util.Set;

import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.types.CqlType;

import static java.util.Objects.requireNonNull;

/** Selects a constant (a function argument written as a literal). */
public final class TermSelector extends SelectorFactory {
    private final String text;
    private final ByteBuffer value;
    private final CqlType type;

    /**
     * @param text  the constant as written, which names the column
     * @param value the serialized value, or null
     */
    public TermSelector(String text, ByteBuffer value, CqlType type) {
        this.text = requireNonNull(text, "text is null");
        this.value = value == null ? null : value.asReadOnlyBuffer();
        this.type = requireNonNull(type, "type is null");
    }

    @Override
    public String columnName() {
        return text;
    }

    @Override
    public CqlType type() {
        return type;
    }

    @Override
    public void collectColumns(Set<ColumnMetadata> columns) {
    }

    @Override
    public Selector newInstance() {
        return new Selector() {
            @Override
            public void addInput(RowView row) {
            }

            @Override
            public ByteBuffer output() {
                return value == null ? null : value.duplicate();
            }

            @Override
            public void reset() {
            }
        };
    }
}
