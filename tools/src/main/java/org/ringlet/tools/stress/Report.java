package org.ringlet.tools.stress;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * The lines stress prints: one per report interval while running, and the summary at the end (a readable part and
 * the {@code RESULT key=value …} line the peer load generator prints, with the same keys). Latencies are in
 * microseconds. Pure functions.
 */
public final class Report {
    private Report() {
    }

    /** {@code [  3.0s] ops/s=12345 p50_us=310 p99_us=1200 max_us=5400 errors=0}. */
    public static String interval(double elapsedSeconds, double opsPerSecond, Histogram interval, long errors) {
        return String.format(Locale.ROOT, "[%5.1fs] ops/s=%.0f p50_us=%d p99_us=%d max_us=%d errors=%d",
                elapsedSeconds, opsPerSecond, interval.getValueAtPercentile(50), interval.getValueAtPercentile(99),
                interval.getMaxValue(), errors);
    }

    /**
     * The summary's values, in the order of the peer load generator's {@code RESULT} line.
     *
     * @param seconds the measured time (issuing plus draining the last requests)
     */
    public static Map<String, String> result(String workload, long ok, long errors, long misses, double seconds,
                                             Histogram total, int concurrency, long keys, String cl,
                                             boolean prepared, int port) {
        Map<String, String> res = new LinkedHashMap<>();
        res.put("workload", workload);
        res.put("ops", Long.toString(ok));
        res.put("ops_per_s", String.format(Locale.ROOT, "%.1f", seconds > 0 ? ok / seconds : 0));
        res.put("errors", Long.toString(errors));
        res.put("misses", Long.toString(misses));
        res.put("p50_us", Long.toString(total.getValueAtPercentile(50)));
        res.put("p90_us", Long.toString(total.getValueAtPercentile(90)));
        res.put("p99_us", Long.toString(total.getValueAtPercentile(99)));
        res.put("p999_us", Long.toString(total.getValueAtPercentile(99.9)));
        res.put("max_us", Long.toString(total.getMaxValue()));
        res.put("mean_us", String.format(Locale.ROOT, "%.0f", total.getTotalCount() == 0 ? 0.0 : total.getMean()));
        res.put("seconds", String.format(Locale.ROOT, "%.2f", seconds));
        res.put("concurrency", Integer.toString(concurrency));
        res.put("keys", Long.toString(keys));
        res.put("cl", cl);
        res.put("prepared", Boolean.toString(prepared));
        res.put("port", Integer.toString(port));
        return res;
    }

    /** The readable summary lines followed by the {@code RESULT} line. */
    public static String summary(Map<String, String> result) {
        StringBuilder sb = new StringBuilder();
        sb.append("Results:\n");
        sb.append(String.format(Locale.ROOT, "  Op rate          : %s op/s%n", result.get("ops_per_s")));
        sb.append(String.format(Locale.ROOT, "  Operations       : %s (%s errors, %s misses) in %s s%n",
                result.get("ops"), result.get("errors"), result.get("misses"), result.get("seconds")));
        sb.append(String.format(Locale.ROOT, "  Latency mean     : %s us%n", result.get("mean_us")));
        sb.append(String.format(Locale.ROOT, "  Latency p50      : %s us%n", result.get("p50_us")));
        sb.append(String.format(Locale.ROOT, "  Latency p90      : %s us%n", result.get("p90_us")));
        sb.append(String.format(Locale.ROOT, "  Latency p99      : %s us%n", result.get("p99_us")));
        sb.append(String.format(Locale.ROOT, "  Latency p99.9    : %s us%n", result.get("p999_us")));
        sb.append(String.format(Locale.ROOT, "  Latency max      : %s us%n", result.get("max_us")));
        StringBuilder line = new StringBuilder("RESULT");
        result.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        return sb.append(line).append('\n').toString();
    }
}
