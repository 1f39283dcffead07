package org.ringlet.cql.functions;

import java.nio.ByteBuffer;
import java.util.List;

/** A function of one row's values. */
public interface ScalarFunction extends CqlFunction {

    /**
     * Computes the result.
     *
     * @param arguments serialized arguments, null for null
     * @return the serialized result, or null
     */
    ByteBuffer execute(List<ByteBuffer> arguments);

    /** Whether a call on null arguments returns null without running. */
    default boolean returnsNullOnNullInput() {
        return true;
    }

    /** Whether a call with the same arguments always gives the same result (so it can be computed once). */
    default boolean isDeterministic() {
        return true;
    }
}
