package org.ringlet.api.ring;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ringlet.api.error.InvalidRequestException;

import static java.util.Objects.requireNonNull;

/**
 * The serialized form of a partition key, as Cassandra builds it and as drivers compute it for token-aware
 * routing: a single-column key is the column's serialized value as is; a composite key (several partition key
 * columns) is, for each component in order, a 2-byte big-endian unsigned length, the component's bytes, and one
 * {@code 0x00} end-of-component byte.
 *
 * <p>Stateless and thread-safe. Never changes the position or limit of the buffers it is given.
 */
public final class PartitionKeys {
    /** The greatest length of a serialized partition key, and of one component of a composite key. */
    public static final int MAX_KEY_LENGTH = 0xFFFF;

    private PartitionKeys() {
    }

    /**
     * The serialized partition key of these component values: the value itself for one component, the composite
     * form for two or more.
     *
     * @param components the serialized values of the partition key columns, in key order; at least one
     * @return for one component a duplicate of it (sharing its bytes), otherwise a new buffer positioned at 0
     * @throws InvalidRequestException when a component, or the whole key, is longer than {@link #MAX_KEY_LENGTH}
     */
    public static ByteBuffer serialize(List<ByteBuffer> components) {
        requireNonNull(components, "components is null");
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a partition key has at least one component");
        }
        if (components.size() == 1) {
            ByteBuffer single = requireNonNull(components.get(0), "component 0 is null");
            checkLength(single.remaining());
            return single.duplicate();
        }
        return composite(components);
    }

    /**
     * The composite form of these components, even when there is only one (Cassandra's {@code CompositeType}
     * encoding).
     *
     * @throws InvalidRequestException when a component, or the whole key, is longer than {@link #MAX_KEY_LENGTH}
     */
    public static ByteBuffer composite(List<ByteBuffer> components) {
        requireNonNull(components, "components is null");
        int size = 0;
        for (int i = 0; i < components.size(); i++) {
            ByteBuffer c = requireNonNull(components.get(i), "component " + i + " is null");
            checkLength(c.remaining());
            size += 2 + c.remaining() + 1;
        }
        checkLength(size);
        ByteBuffer out = ByteBuffer.allocate(size);
        for (ByteBuffer c : components) {
            out.putShort((short) c.remaining());
            out.put(c.duplicate());
            out.put((byte) 0);
        }
        out.flip();
        return out;
    }

    /**
     * Splits a serialized partition key into its components.
     *
     * @param key   the serialized key
     * @param count the number of partition key columns; 1 returns the key itself (a duplicate)
     * @return views of the components (sharing the key's bytes), in order
     * @throws IllegalArgumentException when the key is not a well-formed composite of {@code count} components
     */
    public static List<ByteBuffer> split(ByteBuffer key, int count) {
        requireNonNull(key, "key is null");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        if (count == 1) {
            return List.of(key.duplicate());
        }
        ByteBuffer in = key.duplicate();
        List<ByteBuffer> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (in.remaining() < 2) {
                throw malformed(key, count, "component " + i + " has no length");
            }
            int length = in.getShort() & 0xFFFF;
            if (in.remaining() < length + 1) {
                throw malformed(key, count, "component " + i + " is truncated");
            }
            ByteBuffer c = in.slice();
            c.limit(length);
            out.add(c);
            in.position(in.position() + length);
            byte eoc = in.get();
            if (eoc != 0) {
                throw malformed(key, count, "component " + i + " ends with byte " + eoc + " instead of 0");
            }
        }
        if (in.hasRemaining()) {
            throw malformed(key, count, in.remaining() + " bytes follow the last component");
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Checks a serialized key's length.
     *
     * @throws InvalidRequestException when it is longer than {@link #MAX_KEY_LENGTH}
     */
    public static void validateLength(ByteBuffer key) {
        checkLength(requireNonNull(key, "key is null").remaining());
    }

    private static void checkLength(int length) {
        if (length > MAX_KEY_LENGTH) {
            throw new InvalidRequestException(
                    "Key length of " + length + " is longer than maximum of " + MAX_KEY_LENGTH);
        }
    }

    private static IllegalArgumentException malformed(ByteBuffer key, int count, String why) {
        return new IllegalArgumentException("Not a composite partition key of " + count + " components ("
                + key.remaining() + " bytes): " + why);
    }
}
