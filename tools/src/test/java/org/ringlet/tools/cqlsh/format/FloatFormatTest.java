package org.ringlet.tools.cqlsh.format;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FloatFormatTest {

    /** Expected values computed with cqlsh's own rule in CPython (int(log10), widened precision, then '%.*g'). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.0|5|0", "-0.0|5|-0", "1.0|5|1", "0.5|5|0.5", "3.14159265358979|5|3.14159", "3.14159265358979|3|3.142",
        "3.14159265358979|10|3.1415926536", "1.1|5|1.1", "123.456|5|123.456", "12345.678|5|12345.678",
        "12345.678|3|1.23e+04", "123456.789|5|1.2346e+05", "123456.789|10|123456.789", "1e10|5|1e+10",
        "1e-5|5|1e-05", "0.0001234|5|0.000123", "0.0001234|3|0.0001", "0.05|5|0.05", "-2.5|5|-2.5",
        "1e-20|5|1e-20", "99999.5|5|99999.5", "99999.5|3|1e+05", "0.6666666666666666|5|0.666667",
        "1e100|5|1e+100", "-1234567.0|5|-1.2346e+06", "-1234567.0|10|-1234567", "0.30000000000000004|5|0.3",
    })
    void doublesAsCqlshShowsThem(double value, int precision, String expected) {
        assertEquals(expected, FloatFormat.cqlsh(value, precision));
    }

    @Test
    void floatsAreWidenedExactlyBeforeFormatting() {
        assertEquals("1.1", FloatFormat.cqlsh(1.1f, 5));
        assertEquals("3.3", FloatFormat.cqlsh(3.3f, 5));
        assertEquals("1e-07", FloatFormat.cqlsh(1e-7f, 5));
        assertEquals("1.6777e+07", FloatFormat.cqlsh(16777216f, 5));
    }

    @Test
    void specialValues() {
        assertEquals("NaN", FloatFormat.cqlsh(Double.NaN, 5));
        assertEquals("Infinity", FloatFormat.cqlsh(Double.POSITIVE_INFINITY, 5));
        assertEquals("-Infinity", FloatFormat.cqlsh(Double.NEGATIVE_INFINITY, 5));
    }

    @Test
    void percentGRoundsHalfToEvenOnTheExactBinaryValue() {
        assertEquals("0.2", FloatFormat.formatG(0.25, 1));
        assertEquals("2", FloatFormat.formatG(2.5, 1));
        assertEquals("0.1", FloatFormat.formatG(0.15, 1)); // 0.15 is 0.1499999... in binary
        assertEquals("1e+02", FloatFormat.formatG(100, 1));
        assertEquals("100", FloatFormat.formatG(100, 3));
        assertEquals("1.5e-05", FloatFormat.formatG(0.000015, 2));
    }
}
