package org.ringlet.partitioner;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
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
 * The order-preserving partitioner: a key's token is the key's bytes, so the ring is sorted by key (unsigned
 * bytes). The empty byte string is the minimum token; there is no maximum. Token strings are lowercase hex, and
 * midpoints are Cassandra's ({@code org.apache.cassandra.dht.ByteOrderedPartitioner}). The {@code token()}
 * function returns a {@code blob}.
 *
 * <p>Cassandra defines neither split nor range sizes for this partitioner (its ownership counts stored keys).
 * Here a token is read as a fraction of the ring, its bytes being base-256 digits after the point: sizes and
 * ownership are measured in units of {@code 2^-128} of the ring (the first 16 bytes), and splits are computed at
 * the precision of the longer bound.
 *
 * <p>Immutable and thread-safe.
 */
public final class ByteOrderedPartitioner implements Partitioner {
    /** The minimum token: no bytes. */
    public static final BytesToken MINIMUM = new BytesToken(new byte[0]);

    private static final int SIZE_BYTES = 16;
    private static final BigInteger RING_SIZE = BigInteger.ONE.shiftLeft(8 * SIZE_BYTES);

    @Override
    public BytesToken token(ByteBuffer key) {
        requireNonNull(key, "key is null");
        if (!key.hasRemaining()) {
            return MINIMUM;
        }
        byte[] b = new byte[key.remaining()];
        key.duplicate().get(b);
        return new BytesToken(b);
    }

    @Override
    public BytesToken minimumToken() {
        return MINIMUM;
    }

    /**
     * {@inheritDoc}
     *
     * @throws UnsupportedOperationException always: byte-ordered tokens have no upper bound
     */
    @Override
    public Token maximumToken() {
        throw new UnsupportedOperationException("ByteOrderedPartitioner tokens have no maximum");
    }

    /** The token's bytes as an unsigned integer of {@code sigbytes} bytes, zero-padded on the right. */
    private static BigInteger atPrecision(BytesToken token, int sigbytes) {
        byte[] b = token.unsafeBytes();
        return new BigInteger(1, b.length == sigbytes ? b : Arrays.copyOf(b, sigbytes));
    }

    /** The low {@code sigbytes} bytes of {@code value}, big-endian, plus a {@code 0x80} byte for a half. */
    private static byte[] bytesOf(BigInteger value, int sigbytes, boolean half) {
        byte[] out = new byte[sigbytes + (half ? 1 : 0)];
        byte[] magnitude = value.toByteArray();
        for (int i = 0; i < sigbytes; i++) {
            int from = magnitude.length - sigbytes + i;
            out[i] = from >= 0 ? magnitude[from] : 0;
        }
        if (half) {
            out[sigbytes] = (byte) 0x80;
        }
        return out;
    }

    @Override
    public BytesToken midpoint(Token left, Token right) {
        BytesToken l = bytes(left);
        BytesToken r = bytes(right);
        int sigbytes = Math.max(l.length(), r.length());
        BigInteger lv = atPrecision(l, sigbytes);
        BigInteger rv = atPrecision(r, sigbytes);
        if (lv.equals(rv) && l.compareTo(r) < 0) {
            // r only extends l with zero bytes: nothing lies strictly between them. (Cassandra would treat this
            // tiny range as the whole ring.)
            return r;
        }
        RingArithmetic.Midpoint mid = RingArithmetic.midpoint(lv, rv, 8 * sigbytes);
        return new BytesToken(bytesOf(mid.value(), sigbytes, mid.remainder()));
    }

    @Override
    public BytesToken split(Token left, Token right, double ratio) {
        RingArithmetic.checkRatio(ratio);
        BytesToken l = bytes(left);
        BytesToken r = bytes(right);
        if (ratio == 0.0) {
            return l;
        }
        if (ratio == 1.0) {
            return r;
        }
        int sigbytes = Math.max(1, Math.max(l.length(), r.length()));
        BigInteger size = BigInteger.ONE.shiftLeft(8 * sigbytes);
        BigInteger lv = atPrecision(l, sigbytes);
        BigInteger rv = atPrecision(r, sigbytes);
        BigInteger distance = RingArithmetic.distance(lv, rv, size, l.compareTo(r) >= 0);
        BigInteger step = new BigDecimal(distance).multiply(BigDecimal.valueOf(ratio)).toBigInteger();
        if (step.signum() == 0) {
            return l;
        }
        if (step.compareTo(distance) >= 0) {
            return r;
        }
        return new BytesToken(bytesOf(lv.add(step).mod(size), sigbytes, false));
    }

    @Override
    public BytesToken randomToken(RandomSource random) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return new BytesToken(b);
    }

    @Override
    public boolean preservesOrder() {
        return true;
    }

    @Override
    public String toString(Token token) {
        return bytes(token).toString();
    }

    /**
     * {@inheritDoc} An odd number of hex digits gets a leading {@code 0}, as in Cassandra.
     */
    @Override
    public BytesToken fromString(String string) {
        requireNonNull(string, "string is null");
        String hex = string.length() % 2 == 1 ? "0" + string : string;
        try {
            return new BytesToken(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Token " + hex + " contains non-hex digits");
        }
    }

    @Override
    public ByteBuffer toBytes(Token token) {
        return ByteBuffer.wrap(bytes(token).bytes());
    }

    @Override
    public BytesToken fromBytes(ByteBuffer bytes) {
        return token(bytes);
    }

    @Override
    public CqlType tokenType() {
        return NativeType.BLOB;
    }

    @Override
    public ByteBuffer tokenValue(Token token) {
        return toBytes(token);
    }

    @Override
    public BigInteger rangeSize(Token left, Token right) {
        BytesToken l = bytes(left);
        BytesToken r = bytes(right);
        return RingArithmetic.distance(atPrecision(truncated(l), SIZE_BYTES), atPrecision(truncated(r), SIZE_BYTES),
                RING_SIZE, l.compareTo(r) >= 0);
    }

    private static BytesToken truncated(BytesToken t) {
        return t.length() <= SIZE_BYTES ? t : new BytesToken(Arrays.copyOf(t.unsafeBytes(), SIZE_BYTES));
    }

    @Override
    public Map<Token, Double> describeOwnership(List<Token> sortedTokens) {
        return RingArithmetic.ownership(sortedTokens, this::rangeSize, RING_SIZE);
    }

    private static BytesToken bytes(Token token) {
        return (BytesToken) requireNonNull(token, "token is null");
    }

    @Override
    public String toString() {
        return "ByteOrderedPartitioner";
    }
}
