package org.ringlet.cql.selection;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.ringlet.api.query.BoundValues;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.cql.functions.AggregateFunction;

import static java.util.Objects.requireNonNull;

/**
 * An aggregate over the rows, such as {@code count(*)} (named {@code count}) or {@code count(x)} (named
 * {@code system.count(x)}).
 */
public final class AggregateSelector extends SelectorFactory {
    private final AggregateFunction function;
    private final List<SelectorFactory> arguments;

    public AggregateSelector(AggregateFunction function, List<SelectorFactory> arguments) {
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

    @Override
    public boolean isAggregate() {
        return true;
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
            private AggregateFunction.Accumulator acc = function.newAccumulator();

            @Override
            public void addInput(RowView row) {
                List<ByteBuffer> values = new ArrayList<>(args.size());
                for (Selector a : args) {
                    a.reset();
                    a.addInput(row);
                    values.add(a.output());
                }
                acc.add(values);
            }

            @Override
            public ByteBuffer output() {
                return acc.result();
            }

            @Override
            public void reset() {
                acc = function.newAccumulator();
            }
        };
    }
}
