package org.ringlet.cql.functions;

import java.nio.ByteBuffer;
import java.util.List;

/** A function computed over all selected rows (or each group). */
public interface AggregateFunction extends CqlFunction {

    @Override
    default boolean isAggregate() {
        return true;
    }

    /** A fresh accumulator for one result. */
    Accumulator newAccumulator();

    /** Accumulates the arguments of each row. Not thread-safe; one per result. */
    interface Accumulator {
        /** Adds one row's arguments (serialized, null for null). */
        void add(List<ByteBuffer> arguments);

        /** The serialized result, or null. */
        ByteBuffer result();
    }
}
