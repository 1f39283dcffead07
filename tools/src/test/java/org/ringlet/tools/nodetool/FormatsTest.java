package org.ringlet.tools.nodetool;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatsTest {

    @Test
    void fileSizes() {
        assertEquals("0 bytes", Formats.fileSize(0));
        assertEquals("1023 bytes", Formats.fileSize(1023));
        assertEquals("1 KiB", Formats.fileSize(1024));
        assertEquals("103.67 KiB", Formats.fileSize(106158));
        assertEquals("2.93 MiB", Formats.fileSize(3072000));
        assertEquals("8 MiB", Formats.fileSize(8 * 1024 * 1024));
        assertEquals("1.5 GiB", Formats.fileSize(1.5 * 1024 * 1024 * 1024));
        assertEquals("2 TiB", Formats.fileSize(2.0 * 1024 * 1024 * 1024 * 1024));
    }

    @Test
    void percentages() {
        assertEquals("100.0%", Formats.percent1(1f));
        assertEquals("33.3%", Formats.percent1(1f / 3));
        assertEquals("0.0%", Formats.percent1(0f));
        assertEquals("33.33%", Formats.percent2(1f / 3));
    }

    @Test
    void tablesPadEveryColumn() {
        Formats.Table t = new Formats.Table("  ").add("--", "Address", "Rack").add("UN", "127.0.0.1", "rack1");
        assertEquals(List.of("--  Address    Rack ", "UN  127.0.0.1  rack1"), t.lines());
    }

    @Test
    void progressBars() {
        assertEquals("[..........]   0%  compacting ks", Formats.progressBar(0, 10, "compacting ks"));
        assertEquals("[#####.....]  50%  x", Formats.progressBar(0.5, 10, "x"));
        assertEquals("[##########] 100%  x", Formats.progressBar(1.7, 10, "x"));
        assertEquals("[..........]   0%  x", Formats.progressBar(Double.NaN, 10, "x"));
    }

    @Test
    void hostsWithoutPorts() {
        assertEquals("127.0.0.1", Ownership.hostOf("127.0.0.1:7000"));
        assertEquals("127.0.0.1", Ownership.hostOf("127.0.0.1"));
        assertEquals("::1", Ownership.hostOf("[::1]:7000"));
        assertEquals("::1", Ownership.hostOf("::1"));
    }

    @Test
    void estimatedHistogramOffsetsAndPercentiles() {
        assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 17, 20, 24, 29, 35, 42, 50, 60},
                EstimatedHistogram.offsets(19));
        long[] buckets = new long[151];
        buckets[17] = 3; // values up to 50
        buckets[18] = 1; // values up to 60
        EstimatedHistogram h = new EstimatedHistogram(buckets);
        assertEquals(4, h.count());
        assertEquals(50, h.percentile(0.5));
        assertEquals(50, h.percentile(0.75));
        assertEquals(60, h.percentile(0.95));
        assertEquals(43, h.min());
        assertEquals(60, h.max());
        assertArrayEquals(new double[7], new EstimatedHistogram(new long[151]).rows());
        buckets[150] = 1;
        EstimatedHistogram overflowed = new EstimatedHistogram(buckets);
        assertTrue(overflowed.isOverflowed());
        assertEquals(Long.MAX_VALUE, overflowed.max());
        assertThrows(IllegalStateException.class, () -> overflowed.percentile(0.5));
    }
}
