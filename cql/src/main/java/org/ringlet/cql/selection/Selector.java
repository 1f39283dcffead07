package org.ringlet.cql.selection;

import java.nio.ByteBuffer;

/**
 * Computes one result column. Rows are added one at a time; a non-aggregate selector outputs the value of the row
 * added since the last reset, an aggregate one the value over every row added. Not thread-safe: one per result.
 */
public interface Selector {

    /** Adds a row. */
    void addInput(RowView row);

    /** The serialized value, or null. */
    ByteBuffer output();

    /** Forgets the rows added. */
    void reset();
}
