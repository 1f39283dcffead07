package org.ringlet.api.data;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One end of a clustering slice: a prefix of clustering values and whether the end is inclusive. A bound whose
 * prefix is shorter than the clustering covers every clustering starting with that prefix. Immutable.
 */
public final class ClusteringBound {

    /** The four kinds of bound; the ids are persisted and never change. */
    public enum Kind {
        INCL_START(0),
        EXCL_START(1),
        INCL_END(2),
        EXCL_END(3);

        private final int id;

        Kind(int id) {
            this.id = id;
        }

        public int id() {
            return id;
        }

        public static Kind fromId(int id) {
            for (Kind k : values()) {
                if (k.id == id) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown bound kind " + id);
        }

        public boolean isStart() {
            return this == INCL_START || this == EXCL_START;
        }

        public boolean isInclusive() {
            return this == INCL_START || this == INCL_END;
        }
    }

    /** The start of everything. */
    public static final ClusteringBound BOTTOM = new ClusteringBound(Kind.INCL_START, new ByteBuffer[0]);
    /** The end of everything. */
    public static final ClusteringBound TOP = new ClusteringBound(Kind.INCL_END, new ByteBuffer[0]);

    private final Kind kind;
    private final ByteBuffer[] prefix;

    private ClusteringBound(Kind kind, ByteBuffer[] prefix) {
        this.kind = kind;
        this.prefix = prefix;
    }

    public static ClusteringBound create(Kind kind, List<ByteBuffer> prefix) {
        requireNonNull(kind, "kind is null");
        ByteBuffer[] p = new ByteBuffer[prefix.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = requireNonNull(prefix.get(i), "bound value is null").asReadOnlyBuffer();
        }
        return new ClusteringBound(kind, p);
    }

    public static ClusteringBound inclusiveStart(Clustering c) {
        return create(Kind.INCL_START, c.values());
    }

    public static ClusteringBound exclusiveStart(Clustering c) {
        return create(Kind.EXCL_START, c.values());
    }

    public static ClusteringBound inclusiveEnd(Clustering c) {
        return create(Kind.INCL_END, c.values());
    }

    public static ClusteringBound exclusiveEnd(Clustering c) {
        return create(Kind.EXCL_END, c.values());
    }

    public Kind kind() {
        return kind;
    }

    public boolean isStart() {
        return kind.isStart();
    }

    public boolean isInclusive() {
        return kind.isInclusive();
    }

    public int size() {
        return prefix.length;
    }

    public ByteBuffer get(int i) {
        return prefix[i].duplicate();
    }

    public List<ByteBuffer> values() {
        return Arrays.stream(prefix).map(ByteBuffer::duplicate).toList();
    }

    /** Whether this is {@link #BOTTOM} or {@link #TOP}: an empty prefix, covering everything. */
    public boolean isUnbounded() {
        return prefix.length == 0;
    }

    /** The same prefix with the opposite inclusiveness and direction (the end that stops where this starts). */
    public ClusteringBound invert() {
        Kind k = switch (kind) {
            case INCL_START -> Kind.EXCL_END;
            case EXCL_START -> Kind.INCL_END;
            case INCL_END -> Kind.EXCL_START;
            case EXCL_END -> Kind.INCL_START;
        };
        return new ClusteringBound(k, prefix);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClusteringBound b && b.kind == kind && Arrays.equals(prefix, b.prefix);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(prefix) * 31 + kind.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind.name()).append('(');
        for (int i = 0; i < prefix.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(Bytes.toHex(prefix[i]));
        }
        return sb.append(')').toString();
    }
}
