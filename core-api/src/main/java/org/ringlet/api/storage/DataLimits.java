package org.ringlet.api.storage;

/**
 * How much a read returns. Only rows with live data count against the limits; tombstones met on the way are
 * returned too but not counted.
 *
 * @param rows              the maximum number of live rows in total
 * @param rowsPerPartition  the maximum number of live rows per partition
 * @param distinct          whether only partition keys (and static rows) are wanted: each partition counts as one
 *                          row and no regular rows are returned
 */
public record DataLimits(int rows, int rowsPerPartition, boolean distinct) {
    /** No limit. */
    public static final int NO_LIMIT = Integer.MAX_VALUE;
    /** No limits at all. */
    public static final DataLimits NONE = new DataLimits(NO_LIMIT, NO_LIMIT, false);

    public DataLimits {
        if (rows <= 0 || rowsPerPartition <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + rows + ", " + rowsPerPartition);
        }
    }

    public static DataLimits rows(int limit) {
        return new DataLimits(limit, NO_LIMIT, false);
    }

    public DataLimits withRows(int limit) {
        return new DataLimits(limit, rowsPerPartition, distinct);
    }
}
