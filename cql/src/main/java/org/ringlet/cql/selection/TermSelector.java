package org.ringlet.cql.selection;

import java.nio.ByteBuffer;
import java.util.Set;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.cql.terms.Term;

import static java.util.Objects.requireNonNull;

/** Selects a term: a constant, or a bind marker whose type the selection decides. */
public final class TermSelector extends SelectorFactory {
    private final String text;
    private final Term term;
    private final CqlType type;

    /**
     * @param text the term as written, which names the column
     * @param term the prepared term
     */
    public TermSelector(String text, Term term, CqlType type) {
        this.text = requireNonNull(text, "text is null");
        this.term = requireNonNull(term, "term is null");
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
    public Selector newInstance(BoundValues values) {
        if (term.isUnset(values)) {
            throw new InvalidRequestException("Invalid unset value for " + text);
        }
        ByteBuffer value = term.bind(values);
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
