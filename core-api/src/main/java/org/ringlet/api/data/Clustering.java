package org.ringlet.api.data;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The clustering of a row: one value per clustering column. A table without clustering columns has the single
 * {@link #EMPTY} clustering; the static row has {@link #STATIC}. Immutable.
 */
public final class Clustering {
    /** The clustering of every row of a table without clustering columns. */
    public static final Clustering EMPTY = new Clustering(new ByteBuffer[0], false);
    /** The clustering of a partition's static row. */
    public static final Clustering STATIC = new Clustering(new ByteBuffer[0], true);

    private final ByteBuffer[] values;
    private final boolean isStatic;

    private Clustering(ByteBuffer[] values, boolean isStatic) {
        this.values = values;
        this.isStatic = isStatic;
    }

    /** A clustering of the given values (copied; read-only views are kept). */
    public static Clustering of(ByteBuffer... values) {
        if (values.length == 0) {
            return EMPTY;
        }
        ByteBuffer[] copy = new ByteBuffer[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = requireNonNull(values[i], "clustering value is null").asReadOnlyBuffer();
        }
        return new Clustering(copy, false);
    }

    public static Clustering of(List<ByteBuffer> values) {
        return of(values.toArray(new ByteBuffer[0]));
    }

    public int size() {
        return values.length;
    }

    /** The i-th value (a read-only view; its position may be changed by the caller). */
    public ByteBuffer get(int i) {
        return values[i].duplicate();
    }

    public List<ByteBuffer> values() {
        return Arrays.stream(values).map(ByteBuffer::duplicate).toList();
    }

    public boolean isStatic() {
        return isStatic;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Clustering c && c.isStatic == isStatic && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + (isStatic ? 1 : 0);
    }

    @Override
    public String toString() {
        if (isStatic) {
            return "STATIC";
        }
        StringBuilder sb = new StringBuilder("Clustering[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(Bytes.toHex(values[i]));
        }
        return sb.append(']').toString();
    }
}
