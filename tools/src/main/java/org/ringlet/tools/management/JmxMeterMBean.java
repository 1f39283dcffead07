package org.ringlet.tools.management;

/** A rate (Cassandra's {@code JmxMeterMBean}): a count and its rates per second, e.g. {@code TotalCompactionsCompleted}. */
public interface JmxMeterMBean {
    long getCount();

    double getMeanRate();

    double getOneMinuteRate();

    double getFiveMinuteRate();

    double getFifteenMinuteRate();
}
