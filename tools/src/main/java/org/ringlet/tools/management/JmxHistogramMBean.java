package org.ringlet.tools.management;

/**
 * A distribution (Cassandra's {@code JmxHistogramMBean}): percentiles of the recorded values. Ringlet computes them
 * from HdrHistogram recorders.
 */
public interface JmxHistogramMBean {
    long getCount();

    long getMin();

    long getMax();

    double getMean();

    double get50thPercentile();

    double get75thPercentile();

    double get95thPercentile();

    double get98thPercentile();

    double get99thPercentile();

    double get999thPercentile();
}
