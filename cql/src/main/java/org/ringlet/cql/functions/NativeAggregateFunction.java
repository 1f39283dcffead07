package org.ringlet.cql.functions;

import java.util.List;
import java.util.function.Supplier;

import org.ringlet.api.types.CqlType;

import static java.util.Objects.requireNonNull;

/** A native aggregate made of its signature and an accumulator factory. Immutable and thread-safe. */
public final class NativeAggregateFunction implements AggregateFunction {
    private final FunctionName name;
    private final CqlType returnType;
    private final List<CqlType> argumentTypes;
    private final Supplier<Accumulator> accumulators;

    NativeAggregateFunction(String name, CqlType returnType, List<CqlType> argumentTypes,
                            Supplier<Accumulator> accumulators) {
        this.name = FunctionName.system(requireNonNull(name, "name is null"));
        this.returnType = requireNonNull(returnType, "returnType is null");
        this.argumentTypes = List.copyOf(argumentTypes);
        this.accumulators = requireNonNull(accumulators, "accumulators is null");
    }

    @Override
    public FunctionName name() {
        return name;
    }

    @Override
    public List<CqlType> argumentTypes() {
        return argumentTypes;
    }

    @Override
    public CqlType returnType() {
        return returnType;
    }

    @Override
    public Accumulator newAccumulator() {
        return accumulators.get();
    }

    @Override
    public String toString() {
        return signature();
    }
}
