package org.ringlet.storage.lsm.sstable;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ringlet.api.data.Cell;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.ClusteringBound;
import org.ringlet.api.data.DataSerializer;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.LivenessInfo;
import org.ringlet.api.data.RangeTombstone;
import org.ringlet.api.data.Row;
import org.ringlet.api.data.Slice;
import org.ringlet.api.types.VInts;

import static org.ringlet.storage.lsm.sstable.SSTableFormat.CELL_COUNTER;
import static org.ringlet.storage.lsm.sstable.SSTableFormat.CELL_HAS_LDT;
import static org.ringlet.storage.lsm.sstable.SSTableFormat.CELL_HAS_PATH;
import static org.ringlet.storage.lsm.sstable.SSTableFormat.CELL_HAS_TTL;
import static org.ringlet.storage.lsm.sstable.SSTableFormat.CELL_HAS_VALUE;
import static org.ringlet.storage.lsm.sstable.SSTableFormat.ROW;
import static org.ringlet.storage.lsm.sstable.SSTableFormat.ROW_HAS_CELLS;
import static org.ringlet.storage.lsm.sstable.SSTableFormat.ROW_HAS_COMPLEX_DELETIONS;
import static org.ringlet.storage.lsm.sstable.SSTableFormat.ROW_HAS_DELETION;
import static org.ringlet.storage.lsm.sstable.SSTableFormat.ROW_HAS_LIVENESS;
import static org.ringlet.storage.lsm.sstable.SSTableFormat.ROW_LIVENESS_EXPIRING;

/**
 * The encoding of rows and partition headers in the data stream (see {@code docs/format/sstable.md}). Column
 * names are replaced by ids of a per-SSTable dictionary; cell timestamps are deltas from the row's base
 * timestamp. Stateless, except for the writer's dictionary.
 */
final class RowSerializer {
    private RowSerializer() {
    }

    /** The writer's column dictionary: ids in order of first use. Not thread-safe. */
    static final class Dictionary {
        /** Beyond this many names, a name given as bytes is looked up by its string rather than compared. */
        private static final int LINEAR = 16;
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> names = new ArrayList<>();
        private final List<byte[]> encoded = new ArrayList<>();

        int id(String column) {
            Integer id = ids.get(column);
            if (id == null) {
                id = names.size();
                ids.put(column, id);
                names.add(column);
                encoded.add(column.getBytes(StandardCharsets.UTF_8));
            }
            return id;
        }

        /** The id of the column whose name is the UTF-8 bytes {@code [offset, offset + length)} of {@code b}. */
        int id(byte[] b, int offset, int length) {
            int n = encoded.size();
            if (n <= LINEAR) {
                for (int i = 0; i < n; i++) {
                    byte[] e = encoded.get(i);
                    if (e.length == length && Arrays.equals(e, 0, length, b, offset, offset + length)) {
                        return i;
                    }
                }
            }
            return id(new String(b, offset, length, StandardCharsets.UTF_8));
        }

        List<String> names() {
            return names;
        }
    }

    /** Writes a row: flags, body size, body (clustering unless static, then content). */
    static void writeRow(Row r, OutputBuffer out, Dictionary dict, OutputBuffer scratch) {
        scratch.reset();
        int flags = ROW;
        LivenessInfo l = r.primaryKeyLiveness();
        List<Cell> cells = r.cells();
        if (!l.isEmpty()) {
            flags |= ROW_HAS_LIVENESS;
            if (l.isExpiring()) {
                flags |= ROW_LIVENESS_EXPIRING;
            }
        }
        if (!r.deletion().isLive()) {
            flags |= ROW_HAS_DELETION;
        }
        if (!r.complexDeletions().isEmpty()) {
            flags |= ROW_HAS_COMPLEX_DELETIONS;
        }
        if (!cells.isEmpty()) {
            flags |= ROW_HAS_CELLS;
        }
        if (!r.isStatic()) {
            Clustering c = r.clustering();
            scratch.writeUnsignedVInt(c.size());
            for (int i = 0; i < c.size(); i++) {
                scratch.writeWithVIntLength(c.get(i));
            }
        }
        long base = 0;
        if (!l.isEmpty() || !cells.isEmpty()) {
            base = !l.isEmpty() ? l.timestamp() : cells.get(0).timestamp();
            scratch.writeLong(base);
        }
        if (l.isExpiring()) {
            scratch.writeUnsignedVInt(l.ttl());
            scratch.writeLong(l.localExpirationTime());
        }
        if (!r.deletion().isLive()) {
            scratch.writeLong(r.deletion().markedForDeleteAt());
            scratch.writeLong(r.deletion().localDeletionTime());
        }
        if (!r.complexDeletions().isEmpty()) {
            scratch.writeUnsignedVInt(r.complexDeletions().size());
            for (Map.Entry<String, DeletionTime> e : r.complexDeletions().entrySet()) {
                scratch.writeUnsignedVInt(dict.id(e.getKey()));
                scratch.writeLong(e.getValue().markedForDeleteAt());
                scratch.writeLong(e.getValue().localDeletionTime());
            }
        }
        if (!cells.isEmpty()) {
            scratch.writeUnsignedVInt(cells.size());
            for (Cell c : cells) {
                writeCell(c, base, scratch, dict);
            }
        }
        out.writeByte(flags);
        out.writeUnsignedVInt(scratch.size());
        out.writeBytes(scratch);
    }

    // The memtable's row form, DataSerializer.writeRow (core-api): flags, then liveness (timestamp, vint ttl,
    // expiration when ttl > 0), deletion (two longs), complex deletions (vint count, then name and two longs each),
    // vint cell count and cells (flags, name, path, value, timestamp, ttl, deletion time).
    private static final int MT_ROW_HAS_LIVENESS = 0x01;
    private static final int MT_ROW_HAS_DELETION = 0x02;
    private static final int MT_ROW_HAS_COMPLEX_DELETIONS = 0x04;
    private static final int MT_CELL_HAS_PATH = 0x01;
    private static final int MT_CELL_COUNTER = 0x02;
    private static final int MT_CELL_HAS_TTL = 0x04;
    private static final int MT_CELL_HAS_LDT = 0x08;

    /**
     * Writes a row given in the memtable's form ({@code DataSerializer.writeRow}) as {@link #writeRow} writes the
     * decoded row, byte for byte, without decoding it into objects, and reports its parts to {@code stats} in
     * the order {@code StatsCollector.row(Row)} visits them.
     *
     * @return false, writing nothing, when the row is empty (as {@link Row#isEmpty()})
     */
    static boolean transcodeRow(ByteBuffer row, Clustering clustering, OutputBuffer out, Dictionary dict,
                                OutputBuffer scratch, StatsCollector stats) {
        // positions below are indexes into the array (the row may share it with others, from an offset)
        byte[] src = row.array();
        ByteBuffer in = ByteBuffer.wrap(src, row.arrayOffset() + row.position(), row.remaining());
        int memFlags = in.get() & 0xff;
        long lts = LivenessInfo.NO_TIMESTAMP;
        int lttl = 0;
        long lexp = Cell.NO_DELETION_TIME;
        if ((memFlags & MT_ROW_HAS_LIVENESS) != 0) {
            lts = in.getLong();
            lttl = (int) VInts.readUnsigned(in);
            if (lttl > 0) {
                lexp = in.getLong();
            }
        }
        boolean liveness = lts != LivenessInfo.NO_TIMESTAMP;
        long mfda = Long.MIN_VALUE;
        long ldt = Long.MAX_VALUE;
        if ((memFlags & MT_ROW_HAS_DELETION) != 0) {
            mfda = in.getLong();
            ldt = in.getLong();
        }
        boolean deleted = mfda != Long.MIN_VALUE || ldt != Long.MAX_VALUE;
        int complex = 0;
        int complexStart = in.position();
        if ((memFlags & MT_ROW_HAS_COMPLEX_DELETIONS) != 0) {
            complex = (int) VInts.readUnsigned(in);
            complexStart = in.position();
            for (int i = 0; i < complex; i++) {
                int len = (int) VInts.readUnsigned(in);
                in.position(in.position() + len + 16);
            }
        }
        int cells = (int) VInts.readUnsigned(in);
        if (!liveness && !deleted && complex == 0 && cells == 0) {
            return false;
        }
        scratch.reset();
        int flags = ROW;
        if (liveness) {
            flags |= ROW_HAS_LIVENESS;
            if (lttl > 0) {
                flags |= ROW_LIVENESS_EXPIRING;
            }
        }
        if (deleted) {
            flags |= ROW_HAS_DELETION;
        }
        if (complex > 0) {
            flags |= ROW_HAS_COMPLEX_DELETIONS;
        }
        if (cells > 0) {
            flags |= ROW_HAS_CELLS;
        }
        scratch.writeUnsignedVInt(clustering.size());
        for (int i = 0; i < clustering.size(); i++) {
            scratch.writeWithVIntLength(clustering.get(i));
        }
        stats.row();
        long base = 0;
        if (liveness || cells > 0) {
            base = liveness ? lts : firstCellTimestamp(in);
            scratch.writeLong(base);
        }
        if (liveness) {
            stats.liveness(lts, lttl, lexp);
        }
        if (lttl > 0) {
            scratch.writeUnsignedVInt(lttl);
            scratch.writeLong(lexp);
        }
        if (deleted) {
            scratch.writeLong(mfda);
            scratch.writeLong(ldt);
            stats.deletion(mfda, ldt);
        }
        if (complex > 0) {
            int cellsStart = in.position();
            in.position(complexStart);
            scratch.writeUnsignedVInt(complex);
            for (int i = 0; i < complex; i++) {
                int len = (int) VInts.readUnsigned(in);
                scratch.writeUnsignedVInt(dict.id(src, in.position(), len));
                in.position(in.position() + len);
                long cmfda = in.getLong();
                long cldt = in.getLong();
                scratch.writeLong(cmfda);
                scratch.writeLong(cldt);
                stats.deletion(cmfda, cldt);
            }
            in.position(cellsStart);
        }
        if (cells > 0) {
            scratch.writeUnsignedVInt(cells);
            for (int i = 0; i < cells; i++) {
                transcodeCell(src, in, base, scratch, dict, stats);
            }
        }
        out.writeByte(flags);
        out.writeUnsignedVInt(scratch.size());
        out.writeBytes(scratch);
        return true;
    }

    /** The timestamp of the cell at {@code in}'s position (which does not move). */
    private static long firstCellTimestamp(ByteBuffer in) {
        int p = in.position();
        int cellFlags = in.get() & 0xff;
        skipWithVIntLength(in);
        if ((cellFlags & MT_CELL_HAS_PATH) != 0) {
            skipWithVIntLength(in);
        }
        skipWithVIntLength(in);
        long ts = in.getLong();
        in.position(p);
        return ts;
    }

    private static void skipWithVIntLength(ByteBuffer in) {
        int len = (int) VInts.readUnsigned(in);
        in.position(in.position() + len);
    }

    private static void transcodeCell(byte[] src, ByteBuffer in, long base, OutputBuffer out, Dictionary dict,
                                      StatsCollector stats) {
        int memFlags = in.get() & 0xff;
        int nameLen = (int) VInts.readUnsigned(in);
        int nameAt = in.position();
        in.position(nameAt + nameLen);
        int pathLen = -1;
        int pathAt = 0;
        if ((memFlags & MT_CELL_HAS_PATH) != 0) {
            pathLen = (int) VInts.readUnsigned(in);
            pathAt = in.position();
            in.position(pathAt + pathLen);
        }
        int valueLen = (int) VInts.readUnsigned(in);
        int valueAt = in.position();
        in.position(valueAt + valueLen);
        long ts = in.getLong();
        int ttl = (memFlags & MT_CELL_HAS_TTL) != 0 ? (int) VInts.readUnsigned(in) : 0;
        long ldt = (memFlags & MT_CELL_HAS_LDT) != 0 ? in.getLong() : Cell.NO_DELETION_TIME;
        int flags = 0;
        if (pathLen >= 0) {
            flags |= CELL_HAS_PATH;
        }
        if ((memFlags & MT_CELL_COUNTER) != 0) {
            flags |= CELL_COUNTER;
        }
        if (ttl > 0) {
            flags |= CELL_HAS_TTL;
        }
        if (ldt != Cell.NO_DELETION_TIME) {
            flags |= CELL_HAS_LDT;
        }
        if (valueLen > 0) {
            flags |= CELL_HAS_VALUE;
        }
        out.writeByte(flags);
        out.writeUnsignedVInt(dict.id(src, nameAt, nameLen));
        if (pathLen >= 0) {
            out.writeUnsignedVInt(pathLen);
            out.writeBytes(src, pathAt, pathLen);
        }
        if (valueLen > 0) {
            out.writeUnsignedVInt(valueLen);
            out.writeBytes(src, valueAt, valueLen);
        }
        out.writeSignedVInt(ts - base);
        if (ttl > 0) {
            out.writeUnsignedVInt(ttl);
        }
        if (ldt != Cell.NO_DELETION_TIME) {
            out.writeLong(ldt);
        }
        stats.cell(ts, ttl, ldt);
    }

    private static void writeCell(Cell c, long base, OutputBuffer out, Dictionary dict) {
        int flags = 0;
        ByteBuffer value = c.value();
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
        if (value.hasRemaining()) {
            flags |= CELL_HAS_VALUE;
        }
        out.writeByte(flags);
        out.writeUnsignedVInt(dict.id(c.column()));
        if (c.hasPath()) {
            out.writeWithVIntLength(c.path());
        }
        if (value.hasRemaining()) {
            out.writeWithVIntLength(value);
        }
        out.writeSignedVInt(c.timestamp() - base);
        if (c.ttl() > 0) {
            out.writeUnsignedVInt(c.ttl());
        }
        if (c.localDeletionTime() != Cell.NO_DELETION_TIME) {
            out.writeLong(c.localDeletionTime());
        }
    }

    /** Reads only the clustering at the start of a (non-static) row body; {@code body}'s position advances. */
    static Clustering readClustering(ByteBuffer body) {
        int n = (int) VInts.readUnsigned(body);
        if (n == 0) {
            return Clustering.EMPTY;
        }
        ByteBuffer[] values = new ByteBuffer[n];
        for (int i = 0; i < n; i++) {
            values[i] = DataSerializer.readWithVIntLength(body);
        }
        return Clustering.of(values);
    }

    /** Reads the rest of a row body after its clustering. */
    static Row readRowContent(ByteBuffer body, int flags, Clustering clustering, List<String> columns) {
        LivenessInfo liveness = LivenessInfo.EMPTY;
        long base = 0;
        if ((flags & (ROW_HAS_LIVENESS | ROW_HAS_CELLS)) != 0) {
            base = body.getLong();
        }
        if ((flags & ROW_HAS_LIVENESS) != 0) {
            if ((flags & ROW_LIVENESS_EXPIRING) != 0) {
                int ttl = (int) VInts.readUnsigned(body);
                liveness = new LivenessInfo(base, ttl, body.getLong());
            } else {
                liveness = LivenessInfo.create(base);
            }
        }
        DeletionTime deletion = DeletionTime.LIVE;
        if ((flags & ROW_HAS_DELETION) != 0) {
            deletion = deletion(body.getLong(), body.getLong());
        }
        Map<String, DeletionTime> complex = Map.of();
        if ((flags & ROW_HAS_COMPLEX_DELETIONS) != 0) {
            int n = (int) VInts.readUnsigned(body);
            complex = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                String column = column(columns, VInts.readUnsigned(body));
                complex.put(column, deletion(body.getLong(), body.getLong()));
            }
        }
        List<Cell> cells = List.of();
        if ((flags & ROW_HAS_CELLS) != 0) {
            int n = (int) VInts.readUnsigned(body);
            if (n < 0 || n > body.remaining()) {
                throw new IllegalArgumentException("bad cell count " + n);
            }
            if (n == 1) {
                cells = List.of(readCell(body, base, columns)); // Row.of keeps an immutable list as it is
            } else {
                cells = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    cells.add(readCell(body, base, columns));
                }
            }
        }
        return Row.of(clustering, liveness, deletion, cells, complex);
    }

    private static Cell readCell(ByteBuffer in, long base, List<String> columns) {
        int flags = in.get() & 0xff;
        String column = column(columns, VInts.readUnsigned(in));
        ByteBuffer path = (flags & CELL_HAS_PATH) != 0 ? DataSerializer.readWithVIntLength(in) : null;
        ByteBuffer value = (flags & CELL_HAS_VALUE) != 0 ? DataSerializer.readWithVIntLength(in)
                : ByteBuffer.allocate(0);
        long ts = base + VInts.readSigned(in);
        int ttl = (flags & CELL_HAS_TTL) != 0 ? (int) VInts.readUnsigned(in) : 0;
        long ldt = (flags & CELL_HAS_LDT) != 0 ? in.getLong() : Cell.NO_DELETION_TIME;
        return Cell.of(column, path, value, ts, ttl, ldt, (flags & CELL_COUNTER) != 0);
    }

    private static String column(List<String> columns, long id) {
        if (id < 0 || id >= columns.size()) {
            throw new IllegalArgumentException("unknown column id " + id);
        }
        return columns.get((int) id);
    }

    private static DeletionTime deletion(long mfda, long ldt) {
        return mfda == Long.MIN_VALUE && ldt == Long.MAX_VALUE ? DeletionTime.LIVE : new DeletionTime(mfda, ldt);
    }

    /** Writes a partition header: flags, partition deletion, range tombstones, static row. */
    static void writeHeader(DeletionTime pd, Row staticRow, List<RangeTombstone> rts, OutputBuffer out,
                            Dictionary dict, OutputBuffer scratch) {
        int flags = 0;
        if (!pd.isLive()) {
            flags |= SSTableFormat.PARTITION_HAS_DELETION;
        }
        if (!rts.isEmpty()) {
            flags |= SSTableFormat.PARTITION_HAS_RANGE_TOMBSTONES;
        }
        if (!staticRow.isEmpty()) {
            flags |= SSTableFormat.PARTITION_HAS_STATIC_ROW;
        }
        out.writeByte(flags);
        if (!pd.isLive()) {
            out.writeLong(pd.markedForDeleteAt());
            out.writeLong(pd.localDeletionTime());
        }
        if (!rts.isEmpty()) {
            out.writeUnsignedVInt(rts.size());
            for (RangeTombstone rt : rts) {
                writeBound(rt.slice().start(), out);
                writeBound(rt.slice().end(), out);
                out.writeLong(rt.deletion().markedForDeleteAt());
                out.writeLong(rt.deletion().localDeletionTime());
            }
        }
        if (!staticRow.isEmpty()) {
            writeRow(staticRow, out, dict, scratch);
        }
    }

    private static void writeBound(ClusteringBound b, OutputBuffer out) {
        out.writeByte(b.kind().id());
        out.writeUnsignedVInt(b.size());
        for (int i = 0; i < b.size(); i++) {
            out.writeWithVIntLength(b.get(i));
        }
    }

    /** A decoded partition header. */
    record Header(DeletionTime partitionDeletion, Row staticRow, List<RangeTombstone> rangeTombstones) {
    }

    /** The header of a partition with no partition deletion, range tombstones or static row. */
    private static final Header EMPTY_HEADER = new Header(DeletionTime.LIVE, Row.empty(Clustering.STATIC), List.of());

    static Header readHeader(ByteBuffer in, List<String> columns) {
        int flags = in.get() & 0xff;
        if (flags == 0) {
            return EMPTY_HEADER;
        }
        DeletionTime pd = DeletionTime.LIVE;
        if ((flags & SSTableFormat.PARTITION_HAS_DELETION) != 0) {
            pd = deletion(in.getLong(), in.getLong());
        }
        List<RangeTombstone> rts = List.of();
        if ((flags & SSTableFormat.PARTITION_HAS_RANGE_TOMBSTONES) != 0) {
            int n = (int) VInts.readUnsigned(in);
            rts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ClusteringBound start = DataSerializer.readBound(in);
                ClusteringBound end = DataSerializer.readBound(in);
                rts.add(new RangeTombstone(new Slice(start, end), deletion(in.getLong(), in.getLong())));
            }
        }
        Row staticRow = Row.empty(Clustering.STATIC);
        if ((flags & SSTableFormat.PARTITION_HAS_STATIC_ROW) != 0) {
            int rowFlags = in.get() & 0xff;
            int size = (int) VInts.readUnsigned(in);
            ByteBuffer body = in.slice(in.position(), size);
            in.position(in.position() + size);
            staticRow = readRowContent(body, rowFlags, Clustering.STATIC, columns);
        }
        return new Header(pd, staticRow, rts);
    }
}
