package org.ringlet.node.config;

/**
 * An amount of data in bytes, written in configuration as {@code <n>B}, {@code <n>KiB}, {@code <n>MiB} or
 * {@code <n>GiB} (Cassandra 5.0's {@code DataStorageSpec} units).
 *
 * @param bytes the size; never negative
 */
public record DataSize(long bytes) {
    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("size must not be negative: " + bytes);
        }
    }

    public static DataSize ofMebibytes(long mib) {
        return new DataSize(Math.multiplyExact(mib, 1024L * 1024L));
    }

    /** The size in the largest unit that represents it exactly, e.g. {@code 16MiB}. */
    @Override
    public String toString() {
        String[] units = {"B", "KiB", "MiB", "GiB"};
        long value = bytes;
        int unit = 0;
        while (unit < units.length - 1 && value != 0 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return value + units[unit];
    }
}
