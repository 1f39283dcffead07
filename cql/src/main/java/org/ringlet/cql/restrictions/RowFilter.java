package org.ringlet.cql.restrictions;

import java.nio.ByteBuffer;
import java.util.List;

import org.ringlet.cql.selection.RowView;

/**
 * The conditions rows must meet that the read itself cannot apply (ALLOW FILTERING), with their values bound.
 * Immutable.
 */
public final class RowFilter {
    /** Keeps every row. */
    public static final RowFilter NONE = new RowFilter(List.of());

    /** One bound condition. */
    record Condition(org.ringlet.api.schema.ColumnMetadata column, Restriction restriction, ByteBuffer eq,
                     List<ByteBuffer> in, ByteBuffer lower, boolean lowerInclusive, ByteBuffer upper,
                     boolean upperInclusive) {

        boolean test(RowView row) {
            ByteBuffer v = row.value(column);
            if (v == null) {
                return false;
            }
            var type = column.type();
            if (eq != null) {
                return type.compare(v, eq) == 0;
            }
            if (in != null) {
                for (ByteBuffer candidate : in) {
                    if (type.compare(v, candidate) == 0) {
                        return true;
                    }
                }
                return false;
            }
            if (lower != null) {
                int c = type.compare(v, lower);
                if (c < 0 || (c == 0 && !lowerInclusive)) {
                    return false;
                }
            }
            if (upper != null) {
                int c = type.compare(v, upper);
                return c < 0 || (c == 0 && upperInclusive);
            }
            return true;
        }
    }

    private final List<Condition> conditions;

    RowFilter(List<Condition> conditions) {
        this.conditions = List.copyOf(conditions);
    }

    public boolean isEmpty() {
        return conditions.isEmpty();
    }

    /** Whether a row meets every condition. */
    public boolean test(RowView row) {
        for (Condition c : conditions) {
            if (!c.test(row)) {
                return false;
            }
        }
        return true;
    }
}
