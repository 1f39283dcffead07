package org.ringlet.node.config;

/**
 * A throughput in bytes per second, written in configuration as {@code <n>B/s}, {@code <n>KiB/s} or
 * {@code <n>MiB/s} (Cassandra 5.0's {@code DataRateSpec} units). Zero means unthrottled where Cassandra says so.
 *
 * @param bytesPerSecond the rate; never negative
 */
public record DataRate(long bytesPerSecond) {
    public DataRate {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("rate must not be negative: " + bytesPerSecond);
        }
    }

    /** The rate in the largest unit that represents it exactly, e.g. {@code 64MiB/s}. */
    @Override
    public String toString() {
        String[] units = {"B/s", "KiB/s", "MiB/s"};
        long value = bytesPerSecond;
        int unit = 0;
        while (unit < units.length - 1 && value != 0 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return value + units[unit];
    }
}
