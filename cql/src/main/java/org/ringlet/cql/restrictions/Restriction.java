package org.ringlet.cql.restrictions;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.types.CollectionCodec;
import org.ringlet.api.types.CqlType;
import org.ringlet.cql.terms.Term;

/** A restriction on one column: equality, IN, or a slice (one or two bounds). */
public sealed interface Restriction permits Restriction.Eq, Restriction.In, Restriction.Slice {

    ColumnMetadata column();

    /** {@code column = value}. */
    record Eq(ColumnMetadata column, Term value) implements Restriction {
    }

    /**
     * {@code column IN (v1, v2)} (values) or {@code column IN ?} (a marker binding a list).
     */
    record In(ColumnMetadata column, List<Term> values, Term listMarker) implements Restriction {
        /** The distinct values, sorted by the column's type. */
        public List<ByteBuffer> bind(BoundValues bound) {
            List<ByteBuffer> raw = new ArrayList<>();
            if (listMarker != null) {
                if (listMarker.isUnset(bound)) {
                    throw new InvalidRequestException("Invalid unset value for column " + column.name());
                }
                ByteBuffer list = listMarker.bind(bound);
                if (list == null) {
                    throw new InvalidRequestException("Invalid null value for column " + column.name());
                }
                raw.addAll(CollectionCodec.unpackCollection(list, 1, "list"));
            } else {
                for (Term t : values) {
                    raw.add(Restrictions.bindNonNull(t, bound, column));
                }
            }
            CqlType type = column.type();
            raw.sort(type);
            List<ByteBuffer> out = new ArrayList<>(raw.size());
            for (ByteBuffer v : raw) {
                if (out.isEmpty() || type.compare(out.get(out.size() - 1), v) != 0) {
                    out.add(v);
                }
            }
            return out;
        }
    }

    /**
     * {@code column > a AND column <= b}: either bound may be absent (null).
     */
    record Slice(ColumnMetadata column, Term lower, boolean lowerInclusive, Term upper, boolean upperInclusive)
            implements Restriction {
    }
}
