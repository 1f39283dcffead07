package org.ringlet.cql.functions;

import java.util.ArrayList;
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

    /** The name of a result column computed by this function on arguments with the given names. */
    default String columnName(List<String> arguments) {
        return name() + "(" + String.join(", ", arguments) + ")";
    }

    /** The signature as Cassandra's messages list it: {@code system.abs : (int) -> int}. */
    default String signature() {
        List<String> args = new ArrayList<>(argumentTypes().size());
        argumentTypes().forEach(t -> args.add(t.cqlName()));
        String n = name().name();
        String quoted = n.matches("[a-z][a-z0-9_]*") ? n : "\"" + n.replace("\"", "\"\"") + "\"";
        return name().keyspace() + "." + quoted + " : (" + String.join(", ", args) + ") -> "
                + returnType().cqlName();
    }
}
