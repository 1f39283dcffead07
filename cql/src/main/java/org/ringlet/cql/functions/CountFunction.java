package org.ringlet.cql.functions;

import java.nio.ByteBuffer;
import java.util.List;

import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.NativeType;

import static java.util.Objects.requireNonNull;

/**
 * {@code count(x)}: the number of rows where x is not null, as a bigint; {@link #rows()} is {@code count(*)}
 * (and {@code count(1)}), which counts every row.
 */
public final class CountFunction implements AggregateFunction {
    private static final FunctionName NAME = FunctionName.system("count");

    private final CqlType argumentType;
    private final boolean countsRows;

    private CountFunction(CqlType argumentType, boolean countsRows) {
        this.argumentType = requireNonNull(argumentType, "argumentType is null");
        this.countsRows = countsRows;
    }

    /** {@code count(x)} for an argument of the given type. */
    public static CountFunction of(CqlType argumentType) {
        return new CountFunction(argumentType, false);
    }

    /** {@code count(*)}. */
    public static CountFunction rows() {
        return new CountFunction(NativeType.INT, true);
    }

    /** Whether this counts rows (count(*)) rather than non-null values. */
    public boolean countsRows() {
        return countsRows;
    }

    @Override
    public FunctionName name() {
        return NAME;
    }

    @Override
    public List<CqlType> argumentTypes() {
        return countsRows ? List.of() : List.of(argumentType);
    }

    @Override
    public CqlType returnType() {
        return NativeType.BIGINT;
    }

    @Override
    public String columnName(List<String> arguments) {
        return countsRows ? "count" : AggregateFunction.super.columnName(arguments);
    }

    @Override
    public String toString() {
        return signature();
    }

    @Override
    public Accumulator newAccumulator() {
        return new Accumulator() {
            private long count;

            @Override
            public void add(List<ByteBuffer> arguments) {
                if (countsRows || arguments.get(0) != null) {
                    count++;
                }
            }

            @Override
            public ByteBuffer result() {
                return NativeType.BIGINT.decompose(count);
            }
        };
    }
}
