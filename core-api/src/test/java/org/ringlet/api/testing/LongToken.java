package org.ringlet.api.testing;

import org.ringlet.api.ring.Token;

/**
 * A token that is a signed 64-bit integer, ordered as a {@code long}: the shape of Murmur3 tokens, for tests of
 * modules that cannot depend on the partitioner module (replication strategies, the ring). Immutable.
 *
 * @param value the token's value
 */
public record LongToken(long value) implements Token {

    /** A token of that value. */
    public static LongToken of(long value) {
        return new LongToken(value);
    }

    /** The value itself: it orders these tokens completely. */
    @Override
    public long orderPrefix() {
        return value;
    }

    @Override
    public int compareTo(Token other) {
        return Long.compare(value, ((LongToken) other).value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
