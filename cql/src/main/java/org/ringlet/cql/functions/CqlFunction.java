package org.ringlet.cql.functions;

import java.util.List;

import org.ringlet.api.types.CqlType;

/** A function that a statement can call. Implementations are immutable and thread-safe. */
public interface CqlFunction {

    FunctionName name();

    /** The types of the arguments. */
    List<CqlType> argumentTypes();

    CqlType returnType();

    /** Whether this is an aggregate (computed over all selected rows). */
    default boolean isAggregate() {
        return false;
    }
}
