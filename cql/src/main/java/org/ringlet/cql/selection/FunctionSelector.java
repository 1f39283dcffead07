package org.ringlet.cql.selection;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.ringlet.api.query.BoundValues;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.cql.functions.ScalarFunction;

import static java.util.Objects.requireNonNull;

/** A scalar function of other selectors, named {@code system.f(arg, ...)}. */
public final class FunctionSelector extends SelectorFactory {
    private final ScalarFunction function;
    private final List<SelectorFactory> arguments;

    public FunctionSelector(ScalarFunction function, List<SelectorFactory> arguments) {
        this.function = requireNonNull(function, "function is null");
        this.arguments = List.copyOf(arguments);
    }

    @Override
    public String columnName() {
        return function.columnName(arguments.stream().map(SelectorFactory::columnName).toList());
    }

    @Override
    public CqlType type() {
        return function.returnType();
    }

    /** The function. */
    public ScalarFunction function() {
        return function;
    }

    @Override
    public boolean isAggregate() {
        return arguments.stream().anyMatch(SelectorFactory::isAggregate);
    }

    @Override
    public void collectColumns(Set<ColumnMetadata> columns) {
        arguments.forEach(a -> a.collectColumns(columns));
    }

    @Override
    public Selector newInstance(BoundValues values) {
        List<Selector> args = new ArrayList<>(arguments.size());
        arguments.forEach(a -> args.add(a.newInstance(values)));
        return new Selector() {
            @Override
            public void addInput(RowView row) {
                args.forEach(a -> a.addInput(row));
            }

            @Override
            public ByteBuffer output() {
                List<ByteBuffer> values = new ArrayList<>(args.size());
                boolean anyNull = false;
                for (Selector a : args) {
                    ByteBuffer v = a.output();
                    anyNull |= v == null;
                    values.add(v);
                }
                if (anyNull && function.returnsNullOnNullInput()) {
                    return null;
                }
                return function.execute(values);
            }

            @Override
            public void reset() {
                args.forEach(Selector::reset);
            }
        };
    }
}
