package org.ringlet.api.storage;

import java.util.Optional;

import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.ring.Token;

/**
 * The partitions a scan covers, in token order: tokens from {@code start} to {@code end} (each inclusive or not;
 * a null bound is unbounded), never wrapping around the ring (the coordinator splits wrapping ranges). For
 * paging, {@code resumeAfter} skips every partition up to and including that key, unless
 * {@code resumeWithin} is set, in which case that key's partition continues after the given clustering.
 *
 * @param start          the lowest token, or null for the start of the ring
 * @param startInclusive whether keys with token {@code start} are in the range
 * @param end            the highest token, or null for the end of the ring
 * @param endInclusive   whether keys with token {@code end} are in the range
 * @param resumeAfter    the last key already returned, or null
 * @param resumeWithin   the last clustering already returned within {@code resumeAfter}'s partition, or null
 */
public record KeyRange(Token start, boolean startInclusive, Token end, boolean endInclusive,
                       DecoratedKey resumeAfter, Clustering resumeWithin) {

    /** The whole ring. */
    public static KeyRange all() {
        return new KeyRange(null, true, null, true, null, null);
    }

    /** Tokens in {@code (start, end]}, the form of ring ranges; a null bound is unbounded. */
    public static KeyRange ofTokens(Token start, Token end) {
        return new KeyRange(start, false, end, true, null, null);
    }

    /** A copy resuming after a key (and, if given, after a clustering within it). */
    public KeyRange resumingAfter(DecoratedKey key, Clustering within) {
        return new KeyRange(start, startInclusive, end, endInclusive, key, within);
    }

    public Optional<DecoratedKey> resumeKey() {
        return Optional.ofNullable(resumeAfter);
    }

    /** Whether a partition key lies in the range (ignoring resumption). */
    public boolean containsToken(Token token) {
        if (start != null) {
            int c = token.compareTo(start);
            if (c < 0 || (c == 0 && !startInclusive)) {
                return false;
            }
        }
        if (end != null) {
            int c = token.compareTo(end);
            if (c > 0 || (c == 0 && !endInclusive)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the scan returns (part of) this key's partition, resumption included. */
    public boolean includes(DecoratedKey key) {
        if (!containsToken(key.token())) {
            return false;
        }
        if (resumeAfter == null) {
            return true;
        }
        int c = key.compareTo(resumeAfter);
        return c > 0 || (c == 0 && resumeWithin != null);
    }
}
