package org.ringlet.cql.restrictions;

import java.nio.ByteBuffer;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.cql.terms.Term;

/** Helpers shared by restrictions. */
final class Restrictions {
    /** Cassandra's message when a query would filter rows without ALLOW FILTERING. */
    static final String REQUIRES_ALLOW_FILTERING = "Cannot execute this query as it might involve data filtering "
            + "and thus may have unpredictable performance. If you want to execute this query despite the "
            + "performance unpredictability, use ALLOW FILTERING";

    private Restrictions() {
    }

    /** A restricting value, which may be neither null nor unset. */
    static ByteBuffer bindNonNull(Term t, BoundValues values, ColumnMetadata column) {
        if (t.isUnset(values)) {
            throw new InvalidRequestException("Invalid unset value for column " + column.name());
        }
        ByteBuffer v = t.bind(values);
        if (v == null) {
            throw new InvalidRequestException("Invalid null value in condition for column " + column.name());
        }
        return v;
    }
}
