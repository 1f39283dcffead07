package org.ringlet.api.ring;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.types.CqlType;

/**
 * Maps serialized partition keys to tokens, and does the token arithmetic the ring needs. Must be bit-identical
 * with its Cassandra counterpart, because drivers compute tokens on their side for routing.
 *
 * <p>Implementations are immutable and thread-safe. A composite partition key is serialized by the caller as
 * Cassandra does (per component: 2-byte big-endian length, the bytes, {@code 0x00}) before calling
 * {@link #token(ByteBuffer)}.
 */
public interface Partitioner {

    /** The number of tokens a node takes when {@code num_tokens} is not configured (Cassandra 5.0's default). */
    int DEFAULT_NUM_TOKENS = 16;

    /**
     * The token of a serialized partition key. The empty key has the {@linkplain #minimumToken() minimum token},
     * as in Cassandra.
     *
     * @param key the serialized key; its position and limit are not changed
     */
    Token token(ByteBuffer key);

    /** The token that sorts before the token of every key; the start and end of the ring. */
    Token minimumToken();

    /**
     * The greatest token a key can have.
     *
     * @throws UnsupportedOperationException for partitioners whose tokens have no upper bound (byte-ordered)
     */
    Token maximumToken();

    /**
     * The token halfway from {@code left} to {@code right} going clockwise (wrapping if {@code left >= right}).
     */
    Token midpoint(Token left, Token right);

    /**
     * The token at {@code ratio} (in {@code [0, 1]}) of the way from {@code left} to {@code right} clockwise
     * (wrapping if {@code left >= right}); ratio 0 is {@code left}.
     *
     * @throws IllegalArgumentException when the ratio is outside {@code [0, 1]}
     */
    Token split(Token left, Token right, double ratio);

    /** A uniformly random token (not the minimum), from the node's random source. */
    Token randomToken(RandomSource random);

    /**
     * {@code count} distinct random tokens that are not in {@code taken}, as a node without
     * {@code initial_token} picks its {@code num_tokens} tokens when it joins (balanced, replication-aware
     * allocation is a separate concern).
     *
     * @param count  how many tokens, at least 1
     * @param random the node's random source
     * @param taken  tokens already owned by other nodes; never returned
     * @return the tokens, sorted
     */
    default SortedSet<Token> randomTokens(int count, RandomSource random, Collection<? extends Token> taken) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        SortedSet<Token> out = new TreeSet<>();
        while (out.size() < count) {
            Token t = randomToken(random);
            if (!taken.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Whether the token order is the order of the keys (true only for order-preserving partitioners). */
    boolean preservesOrder();

    /** The token's string form, as {@code system.local.tokens} and {@code nodetool} show it. */
    String toString(Token token);

    /**
     * Parses a token's string form.
     *
     * @throws org.ringlet.api.error.ConfigurationException when the string is not a token of this partitioner
     */
    Token fromString(String string);

    /** The token's byte form, for files and messages. */
    ByteBuffer toBytes(Token token);

    /** Reads a token's byte form. */
    Token fromBytes(ByteBuffer bytes);

    /** The CQL type of the {@code token()} function's result: bigint, varint or blob. */
    CqlType tokenType();

    /** The serialized value of {@code token()} for this token, of {@link #tokenType()}. */
    ByteBuffer tokenValue(Token token);

    /**
     * The size of the ring from {@code left} (exclusive) to {@code right} (inclusive) going clockwise, in token
     * units; {@code left == right} is the whole ring. The sizes of the ranges between consecutive ring tokens
     * add up to the size of the whole ring.
     */
    BigInteger rangeSize(Token left, Token right);

    /**
     * The fraction of the ring each token owns, for a sorted list of the ring's tokens: each token owns the range
     * from its predecessor (exclusive) to itself (inclusive), the first token's range wrapping around from the
     * last. The fractions sum to 1 (up to rounding); a single token owns 1.
     *
     * @throws IllegalArgumentException when the list is empty
     */
    Map<Token, Double> describeOwnership(List<Token> sortedTokens);
}
