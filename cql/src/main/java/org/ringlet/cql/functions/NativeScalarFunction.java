package org.ringlet.cql.functions;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;

import org.ringlet.api.types.CqlType;

import static java.util.Objects.requireNonNull;

/**
 * A native scalar function made of its signature and a body. Immutable and thread-safe (the body must be too).
 */
public class NativeScalarFunction implements ScalarFunction {

    /** Computes a function's result from its serialized arguments. */
    @FunctionalInterface
    public interface Body {
        /**
         * @param arguments serialized arguments (null for null, unless the function returns null on null input)
         * @return the serialized result, or null
         */
        ByteBuffer execute(List<ByteBuffer> arguments);
    }

    private final FunctionName name;
    private final CqlType returnType;
    private final List<CqlType> argumentTypes;
    private final Body body;
    private final boolean pure;
    private final boolean nullOnNull;
    private final Function<List<String>, String> columnName;

    NativeScalarFunction(FunctionName name, CqlType returnType, List<CqlType> argumentTypes, Body body, boolean pure,
                         boolean nullOnNull, Function<List<String>, String> columnName) {
        this.name = requireNonNull(name, "name is null");
        this.returnType = requireNonNull(returnType, "returnType is null");
        this.argumentTypes = List.copyOf(argumentTypes);
        this.body = requireNonNull(body, "body is null");
        this.pure = pure;
        this.nullOnNull = nullOnNull;
        this.columnName = columnName;
    }

    /** A pure function of the {@code system} keyspace that returns null when an argument is null. */
    public static NativeScalarFunction of(String name, CqlType returnType, List<CqlType> argumentTypes, Body body) {
        return new NativeScalarFunction(FunctionName.system(name), returnType, argumentTypes, body, true, true, null);
    }

    /** The same function under another name (Cassandra keeps the pre-5.0 names as aliases). */
    public NativeScalarFunction renamed(String newName) {
        return new NativeScalarFunction(FunctionName.system(newName), returnType, argumentTypes, body, pure,
                nullOnNull, columnName);
    }

    /** The same function, giving a different result at each call ({@code now()}, {@code uuid()}). */
    public NativeScalarFunction impure() {
        return new NativeScalarFunction(name, returnType, argumentTypes, body, false, nullOnNull, columnName);
    }

    /** The same function, also called on null arguments. */
    public NativeScalarFunction calledOnNull() {
        return new NativeScalarFunction(name, returnType, argumentTypes, body, pure, false, columnName);
    }

    /** The same function with its own way of naming result columns. */
    public NativeScalarFunction namedAs(Function<List<String>, String> namer) {
        return new NativeScalarFunction(name, returnType, argumentTypes, body, pure, nullOnNull, namer);
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
    public ByteBuffer execute(List<ByteBuffer> arguments) {
        return body.execute(arguments);
    }

    @Override
    public boolean returnsNullOnNullInput() {
        return nullOnNull;
    }

    @Override
    public boolean isDeterministic() {
        return pure;
    }

    @Override
    public String columnName(List<String> arguments) {
        return columnName != null ? columnName.apply(arguments) : ScalarFunction.super.columnName(arguments);
    }

    @Override
    public String toString() {
        return signature();
    }
}
