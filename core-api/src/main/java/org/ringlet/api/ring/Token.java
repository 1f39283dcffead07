package org.ringlet.api.ring;

/**
 * A position on the ring. Tokens of one partitioner are totally ordered; tokens of different partitioners are
 * never compared. Implementations are immutable values with {@code equals}/{@code hashCode}.
 */
public interface Token extends Comparable<Token> {
}
