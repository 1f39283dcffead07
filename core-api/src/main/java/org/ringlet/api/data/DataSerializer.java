package org.ringlet.api.data;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.types.VInts;

/**
 * The binary form of mutations and partitions, shared by the commit log and internode messages. The layout is
 * described in {@code docs/format/data-serialization.md}; {@link #VERSION} is written by containers (commit log
 * segment headers, message headers) and changes with any change of layout. The constants below are part of the
 * format and must never change.
 *
 * <p>Tokens are not written: a reader recomputes them with the cluster's partitioner. Stateless and thread-safe.
 */
public final class DataSerializer {
    /** The current layout version. */
    public static final int VERSION = 1;

    static final int CELL_HAS_PATH = 0x01;
    static final int CELL_COUNTER = 0x02;
    static final int CELL_HAS_TTL = 0x04;
    static final int CELL_HAS_LDT = 0x08;

    static final int ROW_HAS_LIVENESS = 0x01;
    static final int ROW_HAS_DELETION = 0x02;
    static final int ROW_HAS_COMPLEX_DELETIONS = 0x04;

    private DataSerializer() {
    }

    /** Serializes a mutation. */
    public static ByteBuffer serialize(Mutation m) {
        ByteOutput out = new ByteOutput(64 + m.dataSize());
        write(m, out);
        return out.toByteBuffer();
    }

    /** Writes a mutation. */
    public static void write(Mutation m, ByteOutput out) {
        out.writeUtf8(m.keyspace());
        out.writeWithVIntLength(m.key().key());
        out.writeUnsignedVInt(m.partitions().size());
        for (Partition p : m.partitions().values()) {
            writePartitionBody(p, out);
        }
    }

    /** Reads a mutation written by {@link #write}. */
    public static Mutation readMutation(ByteBuffer in, Partitioner partitioner) {
        try {
            String ks = readUtf8(in);
            ByteBuffer key = readWithVIntLength(in);
            DecoratedKey dk = new DecoratedKey(partitioner.token(key), key);
            int n = readCount(in, "partition");
            if (n == 0) {
                throw new IllegalArgumentException("a mutation has at least one partition, got 0");
            }
            List<Partition> parts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                parts.add(readPartitionBody(in, dk));
            }
            return Mutation.of(ks, parts);
        } catch (BufferUnderflowException e) {
            throw truncated("mutation", e);
        }
    }

    /** Serializes a partition (key included). */
    public static void writePartition(Partition p, ByteOutput out) {
        out.writeWithVIntLength(p.key().key());
        writePartitionBody(p, out);
    }

    /** Reads a partition written by {@link #writePartition}. */
    public static Partition readPartition(ByteBuffer in, Partitioner partitioner) {
        try {
            ByteBuffer key = readWithVIntLength(in);
            return readPartitionBody(in, new DecoratedKey(partitioner.token(key), key));
        } catch (BufferUnderflowException e) {
            throw truncated("partition", e);
        }
    }

    private static void writePartitionBody(Partition p, ByteOutput out) {
        UUID id = p.table().uuid();
        out.writeLong(id.getMostSignificantBits()).writeLong(id.getLeastSignificantBits());
        writeDeletion(p.partitionDeletion(), out);
        writeRow(p.staticRow(), out);
        out.writeUnsignedVInt(p.rows().size());
        for (Row r : p.rows()) {
            writeClustering(r.clustering(), out);
            writeRow(r, out);
        }
        out.writeUnsignedVInt(p.rangeTombstones().size());
        for (RangeTombstone rt : p.rangeTombstones()) {
            writeBound(rt.slice().start(), out);
            writeBound(rt.slice().end(), out);
            writeDeletion(rt.deletion(), out);
        }
    }

    private static Partition readPartitionBody(ByteBuffer in, DecoratedKey key) {
        TableId table = new TableId(new UUID(in.getLong(), in.getLong()));
        DeletionTime pd = readDeletion(in);
        Row staticRow = readRow(in, Clustering.STATIC);
        int nRows = readCount(in, "row");
        List<Row> rows = new ArrayList<>(Math.min(nRows, 1024));
        for (int i = 0; i < nRows; i++) {
            Clustering c = readClustering(in);
            rows.add(readRow(in, c));
        }
        int nRts = readCount(in, "range tombstone");
        List<RangeTombstone> rts = new ArrayList<>(Math.min(nRts, 1024));
        for (int i = 0; i < nRts; i++) {
            ClusteringBound start = readBound(in);
            ClusteringBound end = readBound(in);
            rts.add(new RangeTombstone(new Slice(start, end), readDeletion(in)));
        }
        return Partition.of(table, key, pd, staticRow, rows, rts);
    }

    /** Writes a clustering: the number of values, then each with a vint length. */
    public static void writeClustering(Clustering c, ByteOutput out) {
        out.writeUnsignedVInt(c.size());
        for (int i = 0; i < c.size(); i++) {
            out.writeWithVIntLength(c.get(i));
        }
    }

    /** Reads a clustering written by {@link #writeClustering}. */
    public static Clustering readClustering(ByteBuffer in) {
        try {
            int n = readCount(in, "clustering value");
            if (n == 0) {
                return Clustering.EMPTY;
            }
            ByteBuffer[] values = new ByteBuffer[n];
            for (int i = 0; i < n; i++) {
                values[i] = readWithVIntLength(in);
            }
            return Clustering.of(values);
        } catch (BufferUnderflowException e) {
            throw truncated("clustering", e);
        }
    }

    /** Writes a clustering bound: its kind id, then its prefix like a clustering. */
    public static void writeBound(ClusteringBound b, ByteOutput out) {
        out.writeByte(b.kind().id());
        out.writeUnsignedVInt(b.size());
        for (int i = 0; i < b.size(); i++) {
            out.writeWithVIntLength(b.get(i));
        }
    }

    /** Reads a bound written by {@link #writeBound}. */
    public static ClusteringBound readBound(ByteBuffer in) {
        try {
            ClusteringBound.Kind kind = ClusteringBound.Kind.fromId(in.get());
            int n = readCount(in, "bound value");
            List<ByteBuffer> prefix = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                prefix.add(readWithVIntLength(in));
            }
            return ClusteringBound.create(kind, prefix);
        } catch (BufferUnderflowException e) {
            throw truncated("clustering bound", e);
        }
    }

    /** Writes a row's body (not its clustering). */
    public static void writeRow(Row r, ByteOutput out) {
        int flags = 0;
        if (!r.primaryKeyLiveness().isEmpty()) {
            flags |= ROW_HAS_LIVENESS;
        }
        if (!r.deletion().isLive()) {
            flags |= ROW_HAS_DELETION;
        }
        if (!r.complexDeletions().isEmpty()) {
            flags |= ROW_HAS_COMPLEX_DELETIONS;
        }
        out.writeByte(flags);
        if ((flags & ROW_HAS_LIVENESS) != 0) {
            LivenessInfo l = r.primaryKeyLiveness();
            out.writeLong(l.timestamp()).writeUnsignedVInt(l.ttl());
            if (l.ttl() > 0) {
                out.writeLong(l.localExpirationTime());
            }
        }
        if ((flags & ROW_HAS_DELETION) != 0) {
            writeDeletion(r.deletion(), out);
        }
        if ((flags & ROW_HAS_COMPLEX_DELETIONS) != 0) {
            out.writeUnsignedVInt(r.complexDeletions().size());
            for (Map.Entry<String, DeletionTime> e : r.complexDeletions().entrySet()) {
                out.writeUtf8(e.getKey());
                writeDeletion(e.getValue(), out);
            }
        }
        out.writeUnsignedVInt(r.cells().size());
        for (Cell c : r.cells()) {
            writeCell(c, out);
        }
    }

    /** Reads a row body written by {@link #writeRow}. */
    public static Row readRow(ByteBuffer in, Clustering clustering) {
        try {
            return readRowBody(in, clustering);
        } catch (BufferUnderflowException e) {
            throw truncated("row", e);
        }
    }

    private static Row readRowBody(ByteBuffer in, Clustering clustering) {
        int flags = in.get() & 0xff;
        LivenessInfo liveness = LivenessInfo.EMPTY;
        if ((flags & ROW_HAS_LIVENESS) != 0) {
            long ts = in.getLong();
            int ttl = readTtl(in);
            long exp = ttl > 0 ? in.getLong() : Cell.NO_DELETION_TIME;
            liveness = new LivenessInfo(ts, ttl, exp);
        }
        DeletionTime deletion = (flags & ROW_HAS_DELETION) != 0 ? readDeletion(in) : DeletionTime.LIVE;
        Map<String, DeletionTime> complex = Map.of();
        if ((flags & ROW_HAS_COMPLEX_DELETIONS) != 0) {
            int n = readCount(in, "complex deletion");
            complex = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                complex.put(readUtf8(in), readDeletion(in));
            }
        }
        int nCells = readCount(in, "cell");
        List<Cell> cells = new ArrayList<>(Math.min(nCells, 1024));
        for (int i = 0; i < nCells; i++) {
            cells.add(readCell(in));
        }
        return Row.of(clustering, liveness, deletion, cells, complex);
    }

    /** Writes a cell. */
    public static void writeCell(Cell c, ByteOutput out) {
        int flags = 0;
        if (c.hasPath()) {
            flags |= CELL_HAS_PATH;
        }
        if (c.isCounter()) {
            flags |= CELL_COUNTER;
        }
        if (c.ttl() > 0) {
            flags |= CELL_HAS_TTL;
        }
        if (c.localDeletionTime() != Cell.NO_DELETION_TIME) {
            flags |= CELL_HAS_LDT;
        }
        out.writeByte(flags);
        out.writeUtf8(c.column());
        if (c.hasPath()) {
            out.writeWithVIntLength(c.path());
        }
        out.writeWithVIntLength(c.value());
        out.writeLong(c.timestamp());
        if ((flags & CELL_HAS_TTL) != 0) {
            out.writeUnsignedVInt(c.ttl());
        }
        if ((flags & CELL_HAS_LDT) != 0) {
            out.writeLong(c.localDeletionTime());
        }
    }

    /** Reads a cell written by {@link #writeCell}. */
    public static Cell readCell(ByteBuffer in) {
        try {
            return readCellBody(in);
        } catch (BufferUnderflowException e) {
            throw truncated("cell", e);
        }
    }

    private static Cell readCellBody(ByteBuffer in) {
        int flags = in.get() & 0xff;
        String column = readUtf8(in);
        ByteBuffer path = (flags & CELL_HAS_PATH) != 0 ? readWithVIntLength(in) : null;
        ByteBuffer value = readWithVIntLength(in);
        long ts = in.getLong();
        int ttl = (flags & CELL_HAS_TTL) != 0 ? readTtl(in) : 0;
        long ldt = (flags & CELL_HAS_LDT) != 0 ? in.getLong() : Cell.NO_DELETION_TIME;
        return Cell.of(column, path, value, ts, ttl, ldt, (flags & CELL_COUNTER) != 0);
    }

    /** Writes a deletion time as two longs. */
    public static void writeDeletion(DeletionTime d, ByteOutput out) {
        out.writeLong(d.markedForDeleteAt()).writeLong(d.localDeletionTime());
    }

    /** Reads a deletion time. */
    public static DeletionTime readDeletion(ByteBuffer in) {
        if (in.remaining() < 16) {
            throw new IllegalArgumentException("truncated deletion time: " + in.remaining() + " bytes left");
        }
        long mfda = in.getLong();
        long ldt = in.getLong();
        return mfda == Long.MIN_VALUE && ldt == Long.MAX_VALUE ? DeletionTime.LIVE : new DeletionTime(mfda, ldt);
    }

    /** Reads bytes preceded by an unsigned vint length, as a slice of {@code in}. */
    public static ByteBuffer readWithVIntLength(ByteBuffer in) {
        long len;
        try {
            len = VInts.readUnsigned(in);
        } catch (BufferUnderflowException e) {
            throw truncated("length", e);
        }
        if (len < 0 || len > in.remaining()) {
            throw new IllegalArgumentException("length " + len + " exceeds the " + in.remaining()
                    + " remaining bytes");
        }
        ByteBuffer out = in.slice(in.position(), (int) len);
        in.position(in.position() + (int) len);
        return out;
    }

    /**
     * Reads a count of items that each take at least one byte, so a count beyond the remaining bytes (or beyond
     * an int) is corrupt input rather than a reason to allocate.
     */
    private static int readCount(ByteBuffer in, String what) {
        long n = VInts.readUnsigned(in);
        if (n < 0 || n > in.remaining()) {
            throw new IllegalArgumentException("invalid " + what + " count " + Long.toUnsignedString(n) + " with "
                    + in.remaining() + " bytes left");
        }
        return (int) n;
    }

    private static int readTtl(ByteBuffer in) {
        long ttl = VInts.readUnsigned(in);
        if (ttl < 0 || ttl > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("invalid ttl " + Long.toUnsignedString(ttl));
        }
        return (int) ttl;
    }

    private static IllegalArgumentException truncated(String what, BufferUnderflowException e) {
        return new IllegalArgumentException("truncated " + what, e);
    }

    /** Reads a UTF-8 string preceded by an unsigned vint length. */
    public static String readUtf8(ByteBuffer in) {
        ByteBuffer b = readWithVIntLength(in);
        return StandardCharsets.UTF_8.decode(b).toString();
    }
}
