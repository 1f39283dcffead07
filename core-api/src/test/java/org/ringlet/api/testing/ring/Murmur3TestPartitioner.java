package org.ringlet.api.testing.ring;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.Token;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.NativeType;

/**
 * A partitioner for other modules' tests that computes exactly Cassandra's Murmur3 tokens (MurmurHash3 x64_128,
 * seed 0, first half, tail bytes sign-extended; {@code Long.MIN_VALUE} mapped to {@code Long.MAX_VALUE}), so that
 * tests can compare row orders and {@code token()} values with a real Cassandra. The production partitioner lives
 * in the {@code partitioner} module.
 */
public final class Murmur3TestPartitioner implements Partitioner {
    private static final BigInteger RING_SIZE = BigInteger.ONE.shiftLeft(64);

    /** A token of this partitioner. */
    public record LongToken(long value) implements Token {
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

    @Override
    public Token token(ByteBuffer key) {
        if (!key.hasRemaining()) {
            return minimumToken();
        }
        long h = hash(key);
        return new LongToken(h == Long.MIN_VALUE ? Long.MAX_VALUE : h);
    }

    /** The first 64 bits of Cassandra's MurmurHash3 x64_128 of the key, with seed 0. */
    public static long hash(ByteBuffer key) {
        int offset = key.position();
        int length = key.remaining();
        final long c1 = 0x87c37b91114253d5L;
        final long c2 = 0x4cf5ad432745937fL;
        long h1 = 0;
        long h2 = 0;
        int blocks = length >> 4;
        for (int i = 0; i < blocks; i++) {
            long k1 = block(key, offset + i * 16);
            long k2 = block(key, offset + i * 16 + 8);
            k1 *= c1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= c2;
            h1 ^= k1;
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            k2 *= c2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= c1;
            h2 ^= k2;
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int tail = offset + blocks * 16;
        long k1 = 0;
        long k2 = 0;
        int rest = length & 15;
        for (int i = rest - 1; i >= 8; i--) {
            k2 ^= ((long) key.get(tail + i)) << ((i - 8) * 8);
        }
        if (rest > 8) {
            k2 *= c2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= c1;
            h2 ^= k2;
        }
        for (int i = Math.min(rest, 8) - 1; i >= 0; i--) {
            k1 ^= ((long) key.get(tail + i)) << (i * 8);
        }
        if (rest > 0) {
            k1 *= c1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= c2;
            h1 ^= k1;
        }
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        return h1;
    }

    private static long block(ByteBuffer key, int index) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (key.get(index + i) & 0xffL);
        }
        return v;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    private static long value(Token t) {
        return ((LongToken) t).value;
    }

    @Override
    public Token minimumToken() {
        return new LongToken(Long.MIN_VALUE);
    }

    @Override
    public Token maximumToken() {
        return new LongToken(Long.MAX_VALUE);
    }

    private static BigInteger distance(Token left, Token right) {
        BigInteger d = BigInteger.valueOf(value(right)).subtract(BigInteger.valueOf(value(left)));
        return d.signum() <= 0 ? d.add(RING_SIZE) : d;
    }

    private static Token offset(Token from, BigInteger by) {
        return new LongToken(BigInteger.valueOf(value(from)).add(by).longValue());
    }

    @Override
    public Token midpoint(Token left, Token right) {
        return offset(left, distance(left, right).shiftRight(1));
    }

    @Override
    public Token split(Token left, Token right, double ratio) {
        if (ratio < 0 || ratio > 1) {
            throw new IllegalArgumentException("ratio out of [0, 1]: " + ratio);
        }
        java.math.BigDecimal d = new java.math.BigDecimal(distance(left, right)).multiply(
                java.math.BigDecimal.valueOf(ratio));
        return offset(left, d.toBigInteger());
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
        return Long.toString(value(token));
    }

    @Override
    public Token fromString(String string) {
        try {
            return new LongToken(Long.parseLong(string.trim()));
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Invalid token for Murmur3Partitioner. Got " + string
                    + " but expected a long value (unsigned 8 bytes integer).");
        }
    }

    @Override
    public ByteBuffer toBytes(Token token) {
        return ByteBuffer.allocate(8).putLong(0, value(token));
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
        return NativeType.BIGINT.decompose(value(token));
    }

    @Override
    public BigInteger rangeSize(Token left, Token right) {
        return distance(left, right);
    }

    @Override
    public Map<Token, Double> describeOwnership(List<Token> sortedTokens) {
        Map<Token, Double> out = new LinkedHashMap<>();
        if (sortedTokens.size() == 1) {
            out.put(sortedTokens.get(0), 1.0);
            return out;
        }
        for (int i = 0; i < sortedTokens.size(); i++) {
            Token prev = sortedTokens.get((i + sortedTokens.size() - 1) % sortedTokens.size());
            Token t = sortedTokens.get(i);
            out.put(t, new java.math.BigDecimal(distance(prev, t)).divide(new java.math.BigDecimal(RING_SIZE),
                    java.math.MathContext.DECIMAL64).doubleValue());
        }
        return out;
    }
}
