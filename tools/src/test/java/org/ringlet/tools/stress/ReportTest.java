package org.ringlet.tools.stress;

import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportTest {

    private static Histogram latencies() {
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (int i = 1; i <= 1000; i++) {
            h.recordValue(i);
        }
        return h;
    }

    @Test
    void intervalLine() {
        assertEquals("[  3.0s] ops/s=12346 p50_us=500 p99_us=990 max_us=1000 errors=2",
                Report.interval(3.0, 12345.6, latencies(), 2));
    }

    @Test
    void summaryAndResultLine() {
        Map<String, String> result = Report.result("read", 1000, 0, 7, 2.0, latencies(), 32, 5000, "LOCAL_ONE",
                true, 9042);
        assertEquals("Results:\n"
                + "  Op rate          : 500.0 op/s\n"
                + "  Operations       : 1000 (0 errors, 7 misses) in 2.00 s\n"
                + "  Latency mean     : 501 us\n"
                + "  Latency p50      : 500 us\n"
                + "  Latency p90      : 900 us\n"
                + "  Latency p99      : 990 us\n"
                + "  Latency p99.9    : 999 us\n"
                + "  Latency max      : 1000 us\n"
                + "RESULT workload=read ops=1000 ops_per_s=500.0 errors=0 misses=7 p50_us=500 p90_us=900 p99_us=990 "
                + "p999_us=999 max_us=1000 mean_us=501 seconds=2.00 concurrency=32 keys=5000 cl=LOCAL_ONE "
                + "prepared=true port=9042\n", Report.summary(result).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void emptyRunHasZeroes() {
        Map<String, String> result = Report.result("write", 0, 0, 0, 0, new Histogram(3_600_000_000L, 3), 1, 1,
                "ONE", false, 9042);
        assertEquals("0.0", result.get("ops_per_s"));
        assertEquals("0", result.get("mean_us"));
    }
}
