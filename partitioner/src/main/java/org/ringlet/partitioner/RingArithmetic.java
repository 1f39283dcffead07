package org.ringlet.partitioner;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.ringlet.api.ring.Token;

/**
 * Arithmetic on a ring of integer positions {@code [0, size)}, shared by the partitioners. Stateless.
 */
final class RingArithmetic {
    private RingArithmetic() {
    }

    /**
     * The clockwise distance from {@code left} (exclusive) to {@code right} (inclusive). Equal positions are the
     * whole ring when the tokens wrap ({@code left >= right} as tokens) and nothing otherwise, so that the ranges
     * between consecutive ring tokens always add up to the whole ring, even when distinct tokens share a position.
     */
    static BigInteger distance(BigInteger left, BigInteger right, BigInteger size, boolean tokensWrap) {
        BigInteger d = right.subtract(left).mod(size);
        if (d.signum() == 0) {
            return tokensWrap ? size : BigInteger.ZERO;
        }
        return d;
    }

    /**
     * Cassandra's midpoint of {@code (left, right]} on a ring of {@code 2^sigbits} positions: the sum halved when
     * {@code left < right}, otherwise half the wrapping distance past {@code left}. Returns the midpoint and
     * whether a half position was dropped.
     */
    static Midpoint midpoint(BigInteger left, BigInteger right, int sigbits) {
        if (left.compareTo(right) < 0) {
            BigInteger sum = left.add(right);
            return new Midpoint(sum.shiftRight(1), sum.testBit(0));
        }
        BigInteger max = BigInteger.ONE.shiftLeft(sigbits);
        BigInteger distance = max.add(right).subtract(left);
        return new Midpoint(distance.shiftRight(1).add(left).mod(max), distance.testBit(0));
    }

    /** A midpoint and whether it was rounded down by half a position. */
    record Midpoint(BigInteger value, boolean remainder) {
    }

    /**
     * Checks a split ratio.
     *
     * @throws IllegalArgumentException when it is not in {@code [0, 1]}
     */
    static void checkRatio(double ratio) {
        if (!(ratio >= 0.0 && ratio <= 1.0)) {
            throw new IllegalArgumentException("split ratio must be in [0, 1], got " + ratio);
        }
    }

    /**
     * The share of the ring each token of a sorted, duplicate-free list owns: the size of the range from its
     * predecessor (the last token for the first) over the whole ring.
     *
     * @throws IllegalArgumentException when the list is empty, unsorted or has duplicates
     */
    static Map<Token, Double> ownership(List<Token> sorted,
                                        BiFunction<Token, Token, BigInteger> rangeSize,
                                        BigInteger whole) {
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("No tokens in the ring");
        }
        Map<Token, Double> out = new LinkedHashMap<>();
        Token previous = sorted.get(sorted.size() - 1);
        for (int i = 0; i < sorted.size(); i++) {
            Token t = sorted.get(i);
            if (i > 0 && sorted.get(i - 1).compareTo(t) >= 0) {
                throw new IllegalArgumentException("Tokens are not sorted and distinct at " + t);
            }
            out.put(t, fraction(rangeSize.apply(previous, t), whole));
            previous = t;
        }
        return Collections.unmodifiableMap(out);
    }

    /** {@code part / whole} as a double. */
    static double fraction(BigInteger part, BigInteger whole) {
        return new BigDecimal(part).divide(new BigDecimal(whole), MathContext.DECIMAL64).doubleValue();
    }
}
