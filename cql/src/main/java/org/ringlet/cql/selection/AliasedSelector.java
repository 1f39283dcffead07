package org.ringlet.cql.selection;

import java.util.Set;

import org.ringlet.api.query.BoundValues;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.types.CqlType;

import static java.util.Objects.requireNonNull;

/**
 * A selector seen under another name and type: a type hint {@code (int) x} or a parenthesized expression
 * {@code (x)}.
 */
public final class AliasedSelector extends SelectorFactory {
    private final SelectorFactory delegate;
    private final String name;
    private final CqlType type;

    public AliasedSelector(SelectorFactory delegate, String name, CqlType type) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.name = requireNonNull(name, "name is null");
        this.type = requireNonNull(type, "type is null");
    }

    @Override
    public String columnName() {
        return name;
    }

    @Override
    public CqlType type() {
        return type;
    }

    @Override
    public boolean isAggregate() {
        return delegate.isAggregate();
    }

    @Override
    public void collectColumns(Set<ColumnMetadata> columns) {
        delegate.collectColumns(columns);
    }

    @Override
    public Selector newInstance(BoundValues values) {
        return delegate.newInstance(values);
    }
}
