package org.ringlet.tools.stress;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DurationsTest {

    @Test
    void unitsAndPlainSeconds() {
        assertEquals(Duration.ofSeconds(30), Durations.parse("30"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("1.5"));
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
        assertEquals(Duration.ofHours(1), Durations.parse("1h"));
    }

    @Test
    void badDurations() {
        assertEquals("bad duration 'soon': use e.g. 30, 30s, 500ms, 2m or 1h",
                assertThrows(IllegalArgumentException.class, () -> Durations.parse("soon")).getMessage());
        assertEquals("bad duration '-1': must not be negative",
                assertThrows(IllegalArgumentException.class, () -> Durations.parse("-1")).getMessage());
    }
}
