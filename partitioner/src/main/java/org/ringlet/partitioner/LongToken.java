package org.ringlet.partitioner;

import org.ringlet.api.ring.Token;

/**
 * A {@link Murmur3Partitioner} token: a signed 64-bit integer, ordered as a {@code long}. Immutable.
 */
public final class LongToken implements Token {
    private final long value;

    public LongToken(long value) {
        this.value = value;
    }

    /** The token's value. */
    public long value() {
        return value;
    }

    /**
     * Compares by value.
     *
     * @throws ClassCastException when {@code other} is a token of another partitioner
     */
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
    public boolean equals(Object o) {
        return o instanceof LongToken other && other.value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
