package org.ringlet.node.management;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.ringlet.tools.management.JmxTimerMBean;

/**
 * The node's latency recorders (HdrHistogram, microseconds) by name, e.g. the coordinator's {@code Read} and
 * {@code Write} (nodetool proxyhistograms) and each table's local reads and writes (tablehistograms). The read and
 * write paths record into them; the MBeans report percentiles of everything recorded so far.
 *
 * <p>Two significant digits (values within 1 %, finer than the ~20 % buckets of Cassandra's own histograms): a
 * histogram over an hour in microseconds then takes about 20 KiB instead of about 165 KiB with three digits. A
 * node has three per timer and two timers per table, so with three digits the metrics of the system tables alone
 * held 70 MiB of heap at idle (see docs/performance.md).
 *
 * <p>Thread-safe.
 */
public final class LatencyRecorders {
    private static final long MAX_MICROS = 3_600_000_000L;
    private static final int SIGNIFICANT_DIGITS = 2;

    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /** The recorder of a name, created on first use. */
    public Timer timer(String name) {
        return timers.computeIfAbsent(name, n -> new Timer());
    }

    /** One latency distribution, and its view as Cassandra's {@code JmxTimerMBean}. */
    public static final class Timer implements JmxTimerMBean {
        private final Recorder recorder = new Recorder(MAX_MICROS, SIGNIFICANT_DIGITS);
        private final Histogram total = new Histogram(MAX_MICROS, SIGNIFICANT_DIGITS);
        private Histogram interval;

        /** Records one latency. */
        public void record(long micros) {
            recorder.recordValue(Math.max(0, Math.min(MAX_MICROS, micros)));
        }

        private synchronized Histogram snapshot() {
            interval = recorder.getIntervalHistogram(interval);
            total.add(interval);
            return total.copy();
        }

        @Override public long getCount() { return snapshot().getTotalCount(); }
        @Override public double getMin() { Histogram h = snapshot(); return h.getTotalCount() == 0 ? 0 : h.getMinValue(); }
        @Override public double getMax() { return snapshot().getMaxValue(); }
        @Override public double getMean() { Histogram h = snapshot(); return h.getTotalCount() == 0 ? Double.NaN : h.getMean(); }
        @Override public double get50thPercentile() { return snapshot().getValueAtPercentile(50); }
        @Override public double get75thPercentile() { return snapshot().getValueAtPercentile(75); }
        @Override public double get95thPercentile() { return snapshot().getValueAtPercentile(95); }
        @Override public double get98thPercentile() { return snapshot().getValueAtPercentile(98); }
        @Override public double get99thPercentile() { return snapshot().getValueAtPercentile(99); }
        @Override public double get999thPercentile() { return snapshot().getValueAtPercentile(99.9); }
        @Override public String getDurationUnit() { return "microseconds"; }
    }
}
