package org.ringlet.api.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * Merges two rows in their serialized form ({@link DataSerializer#writeRow}) without decoding them into
 * {@link Row} and {@link Cell} objects: the cells of both are walked in {@link CellOrder}, the winner of each
 * pair is reconciled from the serialized fields with {@link Cell#reconcile}'s rules, and the winning cells'
 * bytes are copied. The result is byte for byte the serialized form of {@link Row#merge}.
 *
 * <p>Only the common case is handled: rows without a row deletion or complex deletions (so nothing is shadowed),
 * without counter cells and without cells at {@link Long#MIN_VALUE} (which {@link Row#merge} purges). For anything
 * else {@link #merge} answers null and the caller merges decoded rows. Stateless and thread-safe.
 */
public final class SerializedRows {
    /** Room before the cells for the row's flags, liveness (timestamp, TTL, expiration) and cell count. */
    private static final int HEADER_MAX = 1 + 8 + 5 + 8 + 5;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private SerializedRows() {
    }

    /**
     * The serialized form of {@code Row.merge(decode(a), decode(b), order)}, or null when either row holds what
     * this merge does not handle (see the class comment). Returns {@code b} itself when the merge is {@code b}
     * (the usual case of an update that overwrites every cell of the older row). Neither array is modified; both
     * must hold one row each as {@link DataSerializer#writeRow} wrote it.
     *
     * @param a     the older version (its cells win ties that are not resolved by their content)
     * @param b     the newer version
     * @param order the table's cell order
     */
    public static byte[] merge(byte[] a, byte[] b, CellOrder order) {
        return merge(a, 0, a.length, b, 0, b.length, order);
    }

    /**
     * {@link #merge(byte[], byte[], CellOrder)} of rows held in parts of arrays ({@code a[aOffset, aOffset +
     * aLength)} and the same for {@code b}): the result is a new array, or {@code b} itself when the merge is
     * {@code b} and {@code b} is a whole array.
     */
    public static byte[] merge(byte[] a, int aOffset, int aLength, byte[] b, int bOffset, int bLength,
                               CellOrder order) {
        requireNonNull(order, "order is null");
        Cursor x = Cursor.open(requireNonNull(a, "a is null"), aOffset);
        Cursor y = Cursor.open(requireNonNull(b, "b is null"), bOffset);
        if (x == null || y == null) {
            return null;
        }
        // the liveness that wins (Row.merge's winner: on a complete tie both are the same bytes, so take b's)
        Cursor live = supersedes(x, y) ? x : y;
        // while every cell so far is b's, nothing is copied: the merge may turn out to be b itself
        int outLength = HEADER_MAX + aLength + bLength;
        byte[] out = live == y ? null : new byte[outLength];
        int pos = HEADER_MAX;
        int bCells = y.pos;
        int count = 0;
        boolean hasX = x.next();
        boolean hasY = y.next();
        while (hasX || hasY) {
            if (x.unsupported || y.unsupported) {
                return null;
            }
            int c = !hasX ? 1 : !hasY ? -1 : compare(x, y, order);
            boolean fromA = c < 0 || (c == 0 && reconcileKeepsA(x, y));
            if (fromA && out == null && (c < 0
                    || !Arrays.equals(a, x.cellStart, x.cellEnd, b, y.cellStart, y.cellEnd))) {
                // the first cell that is not b's: copy b's cells merged so far
                out = new byte[outLength];
                int copied = (hasY ? y.cellStart : y.pos) - bCells;
                System.arraycopy(b, bCells, out, pos, copied);
                pos += copied;
            }
            if (out != null) {
                pos = fromA ? x.copyCell(out, pos) : y.copyCell(out, pos);
            }
            if (c <= 0) {
                hasX = x.next();
            }
            if (c >= 0) {
                hasY = y.next();
            }
            count++;
        }
        if (x.unsupported || y.unsupported) {
            return null;
        }
        if (out == null) {
            return bOffset == 0 && bLength == b.length ? b : Arrays.copyOfRange(b, bOffset, bOffset + bLength);
        }
        int livenessLength = live.livenessEnd - live.livenessStart;
        int headerLength = 1 + livenessLength + sizeOfUnsignedVInt(count);
        int start = HEADER_MAX - headerLength;
        out[start] = (byte) (livenessLength > 0 ? DataSerializer.ROW_HAS_LIVENESS : 0);
        System.arraycopy(live.row, live.livenessStart, out, start + 1, livenessLength);
        writeUnsignedVInt(count, out, start + 1 + livenessLength);
        return Arrays.copyOfRange(out, start, pos);
    }

    /**
     * The lowest timestamp of a serialized row's marker and cells when the row alone decides its content against
     * older data: it has a row marker, no row deletion or complex deletions, and exactly one cell without a path
     * and not a counter for each of {@code columns} (UTF-8 names in {@link CellOrder}, the order of
     * {@link String#compareTo}). Any row, cell or deletion written at a lower timestamp then loses to it. Returns
     * {@link Long#MIN_VALUE} for any other row.
     */
    public static long coveringTimestamp(byte[] row, int offset, byte[][] columns) {
        Cursor c = Cursor.open(row, offset);
        if (c == null || c.livenessTimestamp == LivenessInfo.NO_TIMESTAMP || c.cellsLeft != columns.length) {
            return Long.MIN_VALUE;
        }
        long min = c.livenessTimestamp;
        for (byte[] column : columns) {
            c.next();
            if (c.unsupported || c.pathStart >= 0 || !Arrays.equals(row, c.columnStart,
                    c.columnStart + c.columnLength, column, 0, column.length)) {
                return Long.MIN_VALUE;
            }
            min = Math.min(min, c.timestamp);
        }
        return min;
    }

    /** {@link LivenessInfo#supersedes}, on the parsed fields. */
    private static boolean supersedes(Cursor a, Cursor b) {
        if (a.livenessTimestamp != b.livenessTimestamp) {
            return a.livenessTimestamp > b.livenessTimestamp;
        }
        if ((a.livenessTtl > 0) != (b.livenessTtl > 0)) {
            return a.livenessTtl > 0;
        }
        if (a.livenessExpiration != b.livenessExpiration) {
            return a.livenessExpiration > b.livenessExpiration;
        }
        return a.livenessTtl > b.livenessTtl;
    }

    /** {@link CellOrder#compare} of the two current cells. */
    private static int compare(Cursor x, Cursor y, CellOrder order) {
        int c = compareNames(x.row, x.columnStart, x.columnLength, y.row, y.columnStart, y.columnLength);
        if (c != 0) {
            return c;
        }
        boolean px = x.pathStart >= 0;
        boolean py = y.pathStart >= 0;
        if (!px || !py) {
            return Boolean.compare(px, py);
        }
        String column = new String(x.row, x.columnStart, x.columnLength, StandardCharsets.UTF_8);
        return order.comparePaths(column, ByteBuffer.wrap(x.row, x.pathStart, x.pathLength).slice(),
                ByteBuffer.wrap(y.row, y.pathStart, y.pathLength).slice());
    }

    /**
     * Orders two column names given as UTF-8 as {@link String#compareTo} orders them. Unsigned bytes give the
     * same order up to a first difference between two ASCII bytes (the bytes before it are whole characters in
     * both); any other first difference is settled by decoding the names.
     */
    static int compareNames(byte[] a, int aStart, int aLength, byte[] b, int bStart, int bLength) {
        int n = Math.min(aLength, bLength);
        int i = Arrays.mismatch(a, aStart, aStart + n, b, bStart, bStart + n);
        if (i < 0) {
            return Integer.compare(aLength, bLength);
        }
        int ca = a[aStart + i] & 0xff;
        int cb = b[bStart + i] & 0xff;
        if (ca < 0x80 && cb < 0x80) {
            return ca - cb;
        }
        return new String(a, aStart, aLength, StandardCharsets.UTF_8)
                .compareTo(new String(b, bStart, bLength, StandardCharsets.UTF_8));
    }

    /** {@link Cell#reconcile} of two cells that are not counters: whether {@code x} (the older row's) wins. */
    private static boolean reconcileKeepsA(Cursor x, Cursor y) {
        if (x.timestamp != y.timestamp) {
            return x.timestamp > y.timestamp;
        }
        boolean xt = x.ttl == 0 && x.localDeletionTime != Cell.NO_DELETION_TIME;
        boolean yt = y.ttl == 0 && y.localDeletionTime != Cell.NO_DELETION_TIME;
        if (xt != yt) {
            return xt;
        }
        if ((x.ttl > 0) != (y.ttl > 0)) {
            return x.ttl > 0;
        }
        if (x.localDeletionTime != y.localDeletionTime) {
            return x.localDeletionTime > y.localDeletionTime;
        }
        int c = Arrays.compareUnsigned(x.row, x.valueStart, x.valueStart + x.valueLength,
                y.row, y.valueStart, y.valueStart + y.valueLength);
        if (c != 0) {
            return c > 0;
        }
        return x.ttl >= y.ttl;
    }

    private static int sizeOfUnsignedVInt(long value) {
        int magnitude = Long.numberOfLeadingZeros(value | 1);
        return (639 - magnitude * 9) >> 6;
    }

    /** Writes an unsigned vint (the layout of {@code VInts}) at {@code pos}. */
    private static void writeUnsignedVInt(long value, byte[] out, int pos) {
        int size = sizeOfUnsignedVInt(value);
        if (size == 1) {
            out[pos] = (byte) value;
            return;
        }
        int extra = size - 1;
        for (int i = size - 1; i >= 0; i--) {
            out[pos + i] = (byte) value;
            value >>>= 8;
        }
        out[pos] |= (byte) (~(0xff >> extra));
    }

    /** A position in one serialized row and the fields of its current cell. */
    private static final class Cursor {
        final byte[] row;
        int pos;
        int cellsLeft;
        long livenessTimestamp = LivenessInfo.NO_TIMESTAMP;
        int livenessTtl;
        long livenessExpiration = Cell.NO_DELETION_TIME;
        /** The liveness's bytes (timestamp, TTL, expiration), empty when the row has none. */
        int livenessStart;
        int livenessEnd;
        /** A cell this merge leaves to {@link Row#merge} (a counter, or a timestamp Row.merge purges). */
        boolean unsupported;
        int cellStart;
        int cellEnd;
        int columnStart;
        int columnLength;
        int pathStart;
        int pathLength;
        int valueStart;
        int valueLength;
        long timestamp;
        int ttl;
        long localDeletionTime;

        private Cursor(byte[] row) {
            this.row = row;
        }

        /** Reads the row's header; null for a row with a row deletion or complex deletions. */
        static Cursor open(byte[] row, int offset) {
            Cursor c = new Cursor(row);
            int flags = row[offset] & 0xff;
            if ((flags & (DataSerializer.ROW_HAS_DELETION | DataSerializer.ROW_HAS_COMPLEX_DELETIONS)) != 0) {
                return null;
            }
            c.pos = offset + 1;
            c.livenessStart = offset + 1;
            if ((flags & DataSerializer.ROW_HAS_LIVENESS) != 0) {
                c.livenessTimestamp = c.readLong();
                c.livenessTtl = (int) c.readUnsignedVInt();
                if (c.livenessTtl > 0) {
                    c.livenessExpiration = c.readLong();
                }
            }
            c.livenessEnd = c.pos;
            c.cellsLeft = (int) c.readUnsignedVInt();
            return c;
        }

        /** Parses the next cell; false when there is none. */
        boolean next() {
            if (cellsLeft == 0) {
                return false;
            }
            cellsLeft--;
            cellStart = pos;
            int flags = row[pos++] & 0xff;
            columnLength = (int) readUnsignedVInt();
            columnStart = pos;
            pos += columnLength;
            if ((flags & DataSerializer.CELL_HAS_PATH) != 0) {
                pathLength = (int) readUnsignedVInt();
                pathStart = pos;
                pos += pathLength;
            } else {
                pathStart = -1;
                pathLength = 0;
            }
            valueLength = (int) readUnsignedVInt();
            valueStart = pos;
            pos += valueLength;
            timestamp = readLong();
            ttl = (flags & DataSerializer.CELL_HAS_TTL) != 0 ? (int) readUnsignedVInt() : 0;
            localDeletionTime = (flags & DataSerializer.CELL_HAS_LDT) != 0 ? readLong() : Cell.NO_DELETION_TIME;
            cellEnd = pos;
            if ((flags & DataSerializer.CELL_COUNTER) != 0 || timestamp == Long.MIN_VALUE) {
                unsupported = true;
            }
            return true;
        }

        int copyCell(byte[] out, int at) {
            int length = cellEnd - cellStart;
            System.arraycopy(row, cellStart, out, at, length);
            return at + length;
        }

        private long readLong() {
            long v = (long) LONGS.get(row, pos);
            pos += 8;
            return v;
        }

        private long readUnsignedVInt() {
            int first = row[pos++];
            if (first >= 0) {
                return first;
            }
            int extra = Integer.numberOfLeadingZeros(~first) - 24;
            long value = first & (0xff >> extra);
            for (int i = 0; i < extra; i++) {
                value = (value << 8) | (row[pos++] & 0xff);
            }
            return value;
        }
    }
}
