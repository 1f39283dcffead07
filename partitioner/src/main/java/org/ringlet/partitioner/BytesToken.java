package org.ringlet.partitioner;

import java.util.Arrays;
import java.util.HexFormat;

import org.ringlet.api.ring.Token;

import static java.util.Objects.requireNonNull;

/**
 * A {@link ByteOrderedPartitioner} token: a byte string, ordered as unsigned bytes, a prefix before its
 * extensions. The empty string is the minimum token. Immutable (the bytes are copied in and out).
 */
public final class BytesToken implements Token {
    private final byte[] bytes;

    public BytesToken(byte[] bytes) {
        this.bytes = requireNonNull(bytes, "bytes is null").clone();
    }

    /** A copy of the token's bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    int length() {
        return bytes.length;
    }

    byte[] unsafeBytes() {
        return bytes;
    }

    /**
     * Compares as unsigned byte strings.
     *
     * @throws ClassCastException when {@code other} is a token of another partitioner
     */
    @Override
    public int compareTo(Token other) {
        return Arrays.compareUnsigned(bytes, ((BytesToken) other).bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BytesToken other && Arrays.equals(other.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The bytes in lowercase hex, as Cassandra prints them. */
    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
