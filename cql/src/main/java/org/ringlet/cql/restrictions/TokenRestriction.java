package org.ringlet.cql.restrictions;

import java.nio.ByteBuffer;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.Token;
import org.ringlet.api.storage.KeyRange;
import org.ringlet.api.types.CqlType;
import org.ringlet.cql.terms.Term;

/**
 * A restriction on {@code token(partition key)}: an equality or up to two bounds.
 *
 * @param equal the value of {@code token(...) = x}, or null
 */
public record TokenRestriction(Term equal, Term lower, boolean lowerInclusive, Term upper, boolean upperInclusive) {

    /** The token range this restriction selects. */
    KeyRange range(BoundValues values, Partitioner partitioner) {
        if (equal != null) {
            Token t = token(equal, values, partitioner);
            return new KeyRange(t, true, t, true, null, null);
        }
        Token lo = lower == null ? null : token(lower, values, partitioner);
        Token hi = upper == null ? null : token(upper, values, partitioner);
        return new KeyRange(lo, lo == null || lowerInclusive, hi, hi == null || upperInclusive, null, null);
    }

    private static Token token(Term term, BoundValues values, Partitioner partitioner) {
        if (term.isUnset(values)) {
            throw new InvalidRequestException("Invalid unset value for partition key token");
        }
        ByteBuffer v = term.bind(values);
        if (v == null) {
            throw new InvalidRequestException("Invalid null value for partition key token");
        }
        CqlType type = partitioner.tokenType();
        Object value = type.compose(v);
        String text = value instanceof ByteBuffer b ? hex(b) : String.valueOf(value);
        return partitioner.fromString(text);
    }

    private static String hex(ByteBuffer b) {
        StringBuilder sb = new StringBuilder();
        for (int i = b.position(); i < b.limit(); i++) {
            sb.append(String.format("%02x", b.get(i)));
        }
        return sb.toString();
    }
}
