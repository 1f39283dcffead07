package org.ringlet.partitioner;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * Cassandra's original hashing partitioner: the token of a key is the absolute value of its MD5 digest read as a
 * signed 128-bit big-endian integer, so tokens lie in {@code [0, 2^127]}; {@code -1} is the minimum token. Tokens,
 * midpoints and splits are identical to Cassandra's {@code org.apache.cassandra.dht.RandomPartitioner}. The
 * {@code token()} function returns a {@code varint}.
 *
 * <p>Immutable and thread-safe.
 */
public final class RandomPartitioner implements Partitioner {
    /** The minimum token, which no key has (except the empty key). */
    public static final BigIntegerToken MINIMUM = new BigIntegerToken(BigInteger.ONE.negate());
    /** The greatest token value, {@code 2^127}. */
    public static final BigInteger MAXIMUM_VALUE = BigInteger.ONE.shiftLeft(127);

    private final MessageDigest md5Prototype;

    public RandomPartitioner() {
        try {
            this.md5Prototype = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no MD5 digest", e);
        }
    }

    @Override
    public BigIntegerToken token(ByteBuffer key) {
        requireNonNull(key, "key is null");
        if (!key.hasRemaining()) {
            return MINIMUM;
        }
        MessageDigest md5 = newDigest();
        md5.update(key.duplicate());
        return new BigIntegerToken(new BigInteger(md5.digest()).abs());
    }

    private MessageDigest newDigest() {
        try {
            return (MessageDigest) md5Prototype.clone();
        } catch (CloneNotSupportedException e) {
            try {
                return MessageDigest.getInstance(md5Prototype.getAlgorithm(), md5Prototype.getProvider());
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    @Override
    public BigIntegerToken minimumToken() {
        return MINIMUM;
    }

    @Override
    public BigIntegerToken maximumToken() {
        return new BigIntegerToken(MAXIMUM_VALUE);
    }

    /** The token's position on the ring: the minimum token counts as 0. */
    private static BigInteger position(Token token) {
        BigInteger v = value(token);
        return v.signum() < 0 ? BigInteger.ZERO : v;
    }

    @Override
    public BigIntegerToken midpoint(Token left, Token right) {
        return new BigIntegerToken(RingArithmetic.midpoint(position(left), position(right), 127).value());
    }

    @Override
    public BigIntegerToken split(Token left, Token right, double ratio) {
        RingArithmetic.checkRatio(ratio);
        BigDecimal l = new BigDecimal(position(left));
        BigDecimal r = new BigDecimal(position(right));
        BigDecimal fraction = BigDecimal.valueOf(ratio);
        if (l.compareTo(r) < 0) {
            return new BigIntegerToken(r.subtract(l).multiply(fraction).add(l).toBigInteger());
        }
        BigDecimal max = new BigDecimal(MAXIMUM_VALUE);
        return new BigIntegerToken(max.add(r).subtract(l).multiply(fraction).add(l).toBigInteger().mod(MAXIMUM_VALUE));
    }

    @Override
    public BigIntegerToken randomToken(RandomSource random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return new BigIntegerToken(new BigInteger(1, bytes).shiftRight(1));
    }

    @Override
    public boolean preservesOrder() {
        return false;
    }

    @Override
    public String toString(Token token) {
        return value(token).toString();
    }

    /**
     * {@inheritDoc}
     *
     * @throws ConfigurationException when the string is not an integer in {@code [0, 2^127]} (or {@code -1},
     *                                the minimum token)
     */
    @Override
    public BigIntegerToken fromString(String string) {
        requireNonNull(string, "string is null");
        BigInteger v;
        try {
            v = new BigInteger(string);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Invalid token for RandomPartitioner: '" + string + "' is not an integer");
        }
        if (v.equals(MINIMUM.value())) {
            return MINIMUM;
        }
        if (v.signum() < 0 || v.compareTo(MAXIMUM_VALUE) > 0) {
            throw new ConfigurationException("Token must be >= 0 and <= 2**127");
        }
        return new BigIntegerToken(v);
    }

    @Override
    public ByteBuffer toBytes(Token token) {
        return ByteBuffer.wrap(value(token).toByteArray());
    }

    @Override
    public BigIntegerToken fromBytes(ByteBuffer bytes) {
        if (!bytes.hasRemaining()) {
            throw new IllegalArgumentException("A RandomPartitioner token has at least one byte");
        }
        byte[] b = new byte[bytes.remaining()];
        bytes.duplicate().get(b);
        return new BigIntegerToken(new BigInteger(b));
    }

    @Override
    public CqlType tokenType() {
        return NativeType.VARINT;
    }

    @Override
    public ByteBuffer tokenValue(Token token) {
        return toBytes(token);
    }

    @Override
    public BigInteger rangeSize(Token left, Token right) {
        return RingArithmetic.distance(position(left), position(right), MAXIMUM_VALUE, left.compareTo(right) >= 0);
    }

    @Override
    public Map<Token, Double> describeOwnership(List<Token> sortedTokens) {
        return RingArithmetic.ownership(sortedTokens, this::rangeSize, MAXIMUM_VALUE);
    }

    private static BigInteger value(Token token) {
        return ((BigIntegerToken) requireNonNull(token, "token is null")).value();
    }

    @Override
    public String toString() {
        return "RandomPartitioner";
    }
}
