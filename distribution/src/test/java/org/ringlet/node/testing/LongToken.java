package org.ringlet.node.testing;

import org.ringlet.api.ring.Token;

/** A token that is a long, ordered as signed longs. */
public record LongToken(long value) implements Token {
    @Override
    public int compareTo(Token other) {
        return Long.compare(value, ((LongToken) other).value);
    }
}
