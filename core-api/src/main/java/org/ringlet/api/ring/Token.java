package org.ringlet.api.ring;

/**
 * A position on the ring. Tokens of one partitioner are totally ordered; tokens of different partitioners are
 * never compared. Implementations are immutable values with {@code equals}/{@code hashCode}.
 */
public interface Token extends Comparable<Token> {
    /**
     * A number that orders tokens as far as it can, for sorted structures that keep it next to their links
     * (the storage engine's memtable) and so compare most tokens without reaching this object: when
     * {@code a.orderPrefix() < b.orderPrefix()} (signed), {@code a < b}; when greater, {@code a > b}; when equal,
     * {@link #compareTo} decides. The default, 0 for every token, orders nothing.
     */
    default long orderPrefix() {
        return 0;
    }
}
