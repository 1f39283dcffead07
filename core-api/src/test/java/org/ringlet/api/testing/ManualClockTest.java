package org.ringlet.api.testing;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ManualClockTest {

    @Test
    void startsAtTheGivenInstantAndMovesOnlyWhenAdvanced() {
        ManualClock clock = new ManualClock(5_000);
        assertEquals(5_000, clock.currentTimeMillis());
        assertEquals(5_000_000, clock.currentTimeMicros());
        assertEquals(0, clock.nanoTime());

        clock.advance(Duration.ofMillis(1500));
        assertEquals(6_500, clock.currentTimeMillis());
        assertEquals(6, clock.currentTimeSeconds());
        assertEquals(1_500_000_000L, clock.nanoTime());
    }

    @Test
    void microsNeverGoBackwardsAfterABackwardStep() {
        ManualClock clock = new ManualClock(10_000);
        long before = clock.currentTimeMicros();
        clock.stepWallClock(Duration.ofSeconds(-5));
        assertEquals(5_000, clock.currentTimeMillis(), "millis follow the step");
        assertEquals(before, clock.currentTimeMicros(), "micros hold at the last value");
        assertEquals(0, clock.nanoTime(), "monotonic time is not stepped");
        clock.advance(Duration.ofSeconds(6));
        assertEquals(11_000_000, clock.currentTimeMicros());
    }

    @Test
    void rejectsNegativeAdvance() {
        ManualClock clock = new ManualClock();
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofMillis(-1)));
        clock.advanceTo(100);
        clock.advanceTo(50);
        assertEquals(100, clock.nanoTime(), "advanceTo never moves backwards");
    }
}
