package org.ringlet.api.data;

import java.nio.ByteBuffer;
import java.util.Objects;

import static java.util.Objects.requireNonNull;

/**
 * One value of one column of a row (or one element of a non-frozen collection or UDT, identified by its
 * {@linkplain #path() cell path}). A cell is live, expiring (a TTL and an expiration time), a tombstone (no value
 * and a local deletion time), or a counter (a {@link CounterContext} value, merged rather than overwritten).
 * Immutable.
 */
public final class Cell {
    /** The local deletion time of a live, non-expiring cell. */
    public static final long NO_DELETION_TIME = Long.MAX_VALUE;

    private final String column;
    private final ByteBuffer path;
    private final ByteBuffer value;
    private final long timestamp;
    private final int ttl;
    private final long localDeletionTime;
    private final boolean counter;

    private Cell(String column, ByteBuffer path, ByteBuffer value, long timestamp, int ttl, long localDeletionTime,
                 boolean counter) {
        this.column = requireNonNull(column, "column is null");
        this.path = path == null ? null : path.asReadOnlyBuffer();
        this.value = requireNonNull(value, "value is null").asReadOnlyBuffer();
        this.timestamp = timestamp;
        if (ttl < 0) {
            throw new IllegalArgumentException("negative ttl " + ttl);
        }
        this.ttl = ttl;
        this.localDeletionTime = localDeletionTime;
        this.counter = counter;
    }

    /** A cell from all its parts, as read from a file or a message. */
    public static Cell of(String column, ByteBuffer path, ByteBuffer value, long timestamp, int ttl,
                          long localDeletionTime, boolean counter) {
        return new Cell(column, path, value, timestamp, ttl, localDeletionTime, counter);
    }

    /** A live cell. */
    public static Cell live(String column, ByteBuffer path, ByteBuffer value, long timestamp) {
        return new Cell(column, path, value, timestamp, 0, NO_DELETION_TIME, false);
    }

    /** A cell that expires {@code ttl} seconds after {@code nowInSeconds} (a live cell when ttl is 0). */
    public static Cell expiring(String column, ByteBuffer path, ByteBuffer value, long timestamp, int ttl,
                                long nowInSeconds) {
        if (ttl == 0) {
            return live(column, path, value, timestamp);
        }
        return new Cell(column, path, value, timestamp, ttl, nowInSeconds + ttl, false);
    }

    /** A tombstone deleting the column (or the element at {@code path}) as of {@code timestamp}. */
    public static Cell tombstone(String column, ByteBuffer path, long timestamp, long nowInSeconds) {
        return new Cell(column, path, ByteBuffer.allocate(0).asReadOnlyBuffer(), timestamp, 0, nowInSeconds, false);
    }

    /** A counter cell holding a {@link CounterContext}. */
    public static Cell counter(String column, ByteBuffer context, long timestamp) {
        return new Cell(column, null, context, timestamp, 0, NO_DELETION_TIME, true);
    }

    /** The column's name. */
    public String column() {
        return column;
    }

    /** The cell path (collection element key, list timeuuid, UDT field index), or null for a simple column. */
    public ByteBuffer path() {
        return path == null ? null : path.duplicate();
    }

    public boolean hasPath() {
        return path != null;
    }

    /** The value (empty for a tombstone); a view the caller may reposition. */
    public ByteBuffer value() {
        return value.duplicate();
    }

    public long timestamp() {
        return timestamp;
    }

    public int ttl() {
        return ttl;
    }

    /** Expiration time of an expiring cell, deletion time of a tombstone, {@link #NO_DELETION_TIME} otherwise. */
    public long localDeletionTime() {
        return localDeletionTime;
    }

    public boolean isCounter() {
        return counter;
    }

    public boolean isTombstone() {
        return ttl == 0 && localDeletionTime != NO_DELETION_TIME;
    }

    public boolean isExpiring() {
        return ttl > 0;
    }

    /** Whether the cell has a value at {@code nowInSeconds} (not a tombstone, not expired). */
    public boolean isLive(long nowInSeconds) {
        return ttl == 0 ? localDeletionTime == NO_DELETION_TIME : nowInSeconds < localDeletionTime;
    }

    /** The size of the data this cell holds, for memory and flush accounting. */
    public int dataSize() {
        return column.length() + (path == null ? 0 : path.remaining()) + value.remaining() + 20;
    }

    /**
     * Reconciles two versions of the same cell (same column and path) exactly as Cassandra does: the higher
     * timestamp wins; at equal timestamps a tombstone beats an expiring cell, which beats a live cell; then the
     * later local deletion time wins; then the greater value. Counter cells that are not tombstones merge their
     * contexts, and a counter tombstone always wins.
     */
    public static Cell reconcile(Cell a, Cell b) {
        if (a.counter || b.counter) {
            boolean at = a.isTombstone();
            boolean bt = b.isTombstone();
            if (at != bt) {
                return at ? a : b;
            }
            if (!at && a.counter && b.counter) {
                ByteBuffer merged = CounterContext.merge(a.value, b.value);
                return counter(a.column, merged, Math.max(a.timestamp, b.timestamp));
            }
        }
        if (a.timestamp != b.timestamp) {
            return a.timestamp > b.timestamp ? a : b;
        }
        boolean at = a.isTombstone();
        boolean bt = b.isTombstone();
        if (at != bt) {
            return at ? a : b;
        }
        if (a.isExpiring() != b.isExpiring()) {
            return a.isExpiring() ? a : b;
        }
        if (a.localDeletionTime != b.localDeletionTime) {
            return a.localDeletionTime > b.localDeletionTime ? a : b;
        }
        int c = Bytes.compareUnsigned(a.value, b.value);
        if (c != 0) {
            return c > 0 ? a : b;
        }
        // Cassandra keeps either one here; pick by the remaining fields so that reconciling is commutative
        if (a.ttl != b.ttl) {
            return a.ttl > b.ttl ? a : b;
        }
        if (a.counter != b.counter) {
            return a.counter ? a : b;
        }
        return a;
    }

    /** A copy for another column name (RENAME of a clustering-free column is not allowed; used by tests). */
    public Cell withColumn(String newColumn) {
        return new Cell(newColumn, path, value, timestamp, ttl, localDeletionTime, counter);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Cell c)) {
            return false;
        }
        return c.timestamp == timestamp && c.ttl == ttl && c.localDeletionTime == localDeletionTime
                && c.counter == counter && c.column.equals(column) && Objects.equals(c.path, path)
                && c.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(column, path, value, timestamp, ttl, localDeletionTime, counter);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(column);
        if (path != null) {
            sb.append('[').append(Bytes.toHex(path)).append(']');
        }
        if (isTombstone()) {
            sb.append("=<tombstone>");
        } else {
            sb.append('=').append(Bytes.toHex(value));
        }
        sb.append("@").append(timestamp);
        if (ttl > 0) {
            sb.append(" ttl=").append(ttl).append(" exp=").append(localDeletionTime);
        } else if (isTombstone()) {
            sb.append(" ldt=").append(localDeletionTime);
        }
        return sb.toString();
    }
}
