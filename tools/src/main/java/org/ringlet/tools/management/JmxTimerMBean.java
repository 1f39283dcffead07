package org.ringlet.tools.management;

/**
 * A latency distribution (Cassandra's {@code JmxTimerMBean}): count, extremes and percentiles in
 * {@link #getDurationUnit()} (microseconds). Ringlet computes them from the HdrHistogram recorders of the read and
 * write paths.
 */
public interface JmxTimerMBean {
    long getCount();

    double getMin();

    double getMax();

    double getMean();

    double get50thPercentile();

    double get75thPercentile();

    double get95thPercentile();

    double get98thPercentile();

    double get99thPercentile();

    double get999thPercentile();

    /** {@code microseconds}. */
    String getDurationUnit();
}
