package org.ringlet.api.testing.storage;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.Token;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.NativeType;

/**
 * A small partitioner for storage tests: a 64-bit FNV-1a hash of the key, mixed, as a signed long token (the
 * empty key has the minimum token). Not token-compatible with any Cassandra partitioner. Stateless.
 */
public final class HashPartitioner implements Partitioner {

    /** A long token. */
    public record LongToken(long value) implements Token {
        /** The value itself: it orders these tokens completely. */
        @Override
        public long orderPrefix() {
            return value;
        }

        @Override
        public int compareTo(Token o) {
            return Long.compare(value, ((LongToken) o).value);
        }

        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    private static final LongToken MIN = new LongToken(Long.MIN_VALUE);
    private static final LongToken MAX = new LongToken(Long.MAX_VALUE);

    /** The token of a key, as {@link #token} computes it. */
    public static long hash(ByteBuffer key) {
        long h = 0xcbf29ce484222325L;
        for (int i = key.position(); i < key.limit(); i++) {
            h ^= key.get(i) & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == Long.MIN_VALUE ? Long.MAX_VALUE : h;
    }

    @Override
    public Token token(ByteBuffer key) {
        return key.remaining() == 0 ? MIN : new LongToken(hash(key));
    }

    @Override
    public Token minimumToken() {
        return MIN;
    }

    @Override
    public Token maximumToken() {
        return MAX;
    }

    @Override
    public Token midpoint(Token left, Token right) {
        return split(left, right, 0.5);
    }

    @Override
    public Token split(Token left, Token right, double ratio) {
        BigInteger l = BigInteger.valueOf(((LongToken) left).value);
        BigInteger size = rangeSize(left, right);
        BigInteger offset = new java.math.BigDecimal(size).multiply(java.math.BigDecimal.valueOf(ratio))
                .toBigInteger();
        BigInteger v = l.add(offset);
        BigInteger span = BigInteger.ONE.shiftLeft(64);
        BigInteger min = BigInteger.valueOf(Long.MIN_VALUE);
        v = v.subtract(min).mod(span).add(min);
        return new LongToken(v.longValue());
    }

    @Override
    public Token randomToken(RandomSource random) {
        long v;
        do {
            v = random.nextLong();
        } while (v == Long.MIN_VALUE);
        return new LongToken(v);
    }

    @Override
    public boolean preservesOrder() {
        return false;
    }

    @Override
    public String toString(Token token) {
        return Long.toString(((LongToken) token).value);
    }

    @Override
    public Token fromString(String string) {
        return new LongToken(Long.parseLong(string));
    }

    @Override
    public ByteBuffer toBytes(Token token) {
        return ByteBuffer.allocate(8).putLong(0, ((LongToken) token).value);
    }

    @Override
    public Token fromBytes(ByteBuffer bytes) {
        return new LongToken(bytes.getLong(bytes.position()));
    }

    @Override
    public CqlType tokenType() {
        return NativeType.BIGINT;
    }

    @Override
    public ByteBuffer tokenValue(Token token) {
        return toBytes(token);
    }

    @Override
    public BigInteger rangeSize(Token left, Token right) {
        BigInteger l = BigInteger.valueOf(((LongToken) left).value);
        BigInteger r = BigInteger.valueOf(((LongToken) right).value);
        BigInteger span = BigInteger.ONE.shiftLeft(64);
        BigInteger d = r.subtract(l);
        return d.signum() <= 0 ? d.add(span) : d;
    }

    @Override
    public Map<Token, Double> describeOwnership(List<Token> sortedTokens) {
        Map<Token, Double> out = new LinkedHashMap<>();
        BigInteger span = BigInteger.ONE.shiftLeft(64);
        for (int i = 0; i < sortedTokens.size(); i++) {
            Token prev = sortedTokens.get((i + sortedTokens.size() - 1) % sortedTokens.size());
            out.put(sortedTokens.get(i), sortedTokens.size() == 1 ? 1.0
                    : new java.math.BigDecimal(rangeSize(prev, sortedTokens.get(i)))
                    .divide(new java.math.BigDecimal(span), java.math.MathContext.DECIMAL64).doubleValue());
        }
        return out;
    }
}
