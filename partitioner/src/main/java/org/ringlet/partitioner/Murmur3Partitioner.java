package org.ringlet.partitioner;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.Token;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.NativeType;

import static java.util.Objects.requireNonNull;

/**
 * Cassandra's default partitioner: the token of a key is the first 64-bit half of its MurmurHash3 x64 128-bit
 * hash (seed 0, Cassandra's sign-extended tail), with {@code Long.MIN_VALUE} reserved for the minimum token (a
 * key hashing to it gets {@code Long.MAX_VALUE}). Tokens, midpoints and splits are bit-identical to Cassandra's
 * {@code org.apache.cassandra.dht.Murmur3Partitioner}. The {@code token()} function returns a {@code bigint}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Murmur3Partitioner implements Partitioner {
    /** The minimum token, which no key has (except the empty key). */
    public static final LongToken MINIMUM = new LongToken(Long.MIN_VALUE);
    /** The maximum token. */
    public static final LongToken MAXIMUM = new LongToken(Long.MAX_VALUE);

    private static final BigInteger RING_SIZE = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    @Override
    public LongToken token(ByteBuffer key) {
        requireNonNull(key, "key is null");
        if (!key.hasRemaining()) {
            return MINIMUM;
        }
        return new LongToken(normalize(MurmurHash3.hash64(key)));
    }

    /** The token of a raw hash value: {@code Long.MIN_VALUE} becomes {@code Long.MAX_VALUE}. */
    private static long normalize(long hash) {
        return hash == Long.MIN_VALUE ? Long.MAX_VALUE : hash;
    }

    @Override
    public LongToken minimumToken() {
        return MINIMUM;
    }

    @Override
    public LongToken maximumToken() {
        return MAXIMUM;
    }

    @Override
    public LongToken midpoint(Token left, Token right) {
        BigInteger l = BigInteger.valueOf(value(left));
        BigInteger r = BigInteger.valueOf(value(right));
        BigInteger mid;
        if (l.compareTo(r) < 0) {
            mid = l.add(r).shiftRight(1);
        } else {
            // Cassandra measures the wrapping range as (max - min) + r - l, one short of 2^64.
            mid = MAX.subtract(MIN).add(l).add(r).shiftRight(1);
            if (mid.compareTo(MAX) > 0) {
                mid = MIN.add(mid.subtract(MAX));
            }
        }
        return new LongToken(mid.longValue());
    }

    @Override
    public LongToken split(Token left, Token right, double ratio) {
        RingArithmetic.checkRatio(ratio);
        BigDecimal l = BigDecimal.valueOf(value(left));
        BigDecimal r = BigDecimal.valueOf(value(right));
        BigDecimal fraction = BigDecimal.valueOf(ratio);
        if (l.compareTo(r) < 0) {
            return new LongToken(r.subtract(l).multiply(fraction).add(l).toBigInteger().longValue());
        }
        BigInteger t = new BigDecimal(MAX).subtract(new BigDecimal(MIN)).add(r).subtract(l).multiply(fraction).add(l)
                .toBigInteger();
        if (t.compareTo(MAX) <= 0) {
            return new LongToken(t.longValue());
        }
        return new LongToken(MIN.add(t.subtract(MAX)).longValue());
    }

    @Override
    public LongToken randomToken(RandomSource random) {
        return new LongToken(normalize(random.nextLong()));
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
    public LongToken fromString(String string) {
        requireNonNull(string, "string is null");
        try {
            return new LongToken(Long.parseLong(string));
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Invalid token for Murmur3Partitioner. Got " + string
                    + " but expected a long value (unsigned 8 bytes integer).");
        }
    }

    @Override
    public ByteBuffer toBytes(Token token) {
        return ByteBuffer.allocate(Long.BYTES).putLong(0, value(token));
    }

    @Override
    public LongToken fromBytes(ByteBuffer bytes) {
        if (bytes.remaining() != Long.BYTES) {
            throw new IllegalArgumentException("A Murmur3 token has 8 bytes, got " + bytes.remaining());
        }
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
        return RingArithmetic.distance(BigInteger.valueOf(value(left)), BigInteger.valueOf(value(right)), RING_SIZE,
                left.compareTo(right) >= 0);
    }

    @Override
    public Map<Token, Double> describeOwnership(List<Token> sortedTokens) {
        return RingArithmetic.ownership(sortedTokens, this::rangeSize, RING_SIZE);
    }

    private static long value(Token token) {
        return ((LongToken) requireNonNull(token, "token is null")).value();
    }

    @Override
    public String toString() {
        return "Murmur3Partitioner";
    }
}
