package org.ringlet.cql.functions;

import java.util.List;

import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CqlType;

/**
 * Makes functions whose signature depends on the arguments (such as {@code to_json(any)}) or on where the result
 * goes ({@code from_json}). Immutable and thread-safe.
 */
public interface FunctionFactory {

    /** The function name the factory answers to. */
    FunctionName name();

    /**
     * The function for a call, or null when the factory makes none for these arguments.
     *
     * @param arguments    the arguments of the call
     * @param receiverType the type the result is assigned to, or null when unknown (in a selection)
     * @param table        the statement's table, or null
     * @throws org.ringlet.api.error.InvalidRequestException with Cassandra's message when the call is invalid
     */
    CqlFunction create(List<? extends Assignable> arguments, CqlType receiverType, TableMetadata table);
}
