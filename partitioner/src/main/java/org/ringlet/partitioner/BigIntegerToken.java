package org.ringlet.partitioner;

import java.math.BigInteger;

import org.ringlet.api.ring.Token;

import static java.util.Objects.requireNonNull;

/**
 * A {@link RandomPartitioner} token: an integer in {@code [0, 2^127]}, or {@code -1} for the minimum token.
 * Immutable.
 */
public final class BigIntegerToken implements Token {
    private final BigInteger value;

    public BigIntegerToken(BigInteger value) {
        this.value = requireNonNull(value, "value is null");
    }

    /** The token's value. */
    public BigInteger value() {
        return value;
    }

    /**
     * Compares by value.
     *
     * @throws ClassCastException when {@code other} is a token of another partitioner
     */
    @Override
    public int compareTo(Token other) {
        return value.compareTo(((BigIntegerToken) other).value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BigIntegerToken other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
