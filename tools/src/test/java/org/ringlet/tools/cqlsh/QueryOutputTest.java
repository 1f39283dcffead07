package org.ringlet.tools.cqlsh;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QueryOutputTest {

    @Test
    void traceTimesAsPythonPrintsDatetimes() {
        assertEquals("2026-11-26 03:45:04.619000", QueryOutput.pythonDateTime(LocalDateTime.of(2026, 11, 26, 3, 45, 4,
                619_000_000)));
        assertEquals("2026-11-26 03:45:04", QueryOutput.pythonDateTime(LocalDateTime.of(2026, 11, 26, 3, 45, 4)));
        assertEquals("0999-01-02 00:00:00.000001", QueryOutput.pythonDateTime(LocalDateTime.of(999, 1, 2, 0, 0, 0,
                1000)));
    }
}
