package org.ringlet.api.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ringlet.api.runtime.Cancellable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeterministicSchedulerTest {
    private final DeterministicScheduler scheduler = new DeterministicScheduler(new ManualClock(0));
    private final List<String> log = new ArrayList<>();

    @Test
    void nothingRunsUntilTheTestDrivesIt() {
        scheduler.schedule(() -> log.add("timer"), Duration.ofSeconds(1));
        scheduler.ioExecutor().execute(() -> log.add("io"));
        assertEquals(List.of(), log);
        assertEquals(2, scheduler.pendingTasks());

        assertEquals(1, scheduler.runUntilIdle());
        assertEquals(List.of("io"), log);
        assertEquals(Optional.of(Duration.ofSeconds(1)), scheduler.nextTaskDelay());

        scheduler.advance(Duration.ofMillis(999));
        assertEquals(List.of("io"), log);
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(List.of("io", "timer"), log);
        assertEquals(1_000_000_000L, scheduler.clock().nanoTime());
    }

    @Test
    void tasksRunInDueTimeThenSubmissionOrderWithTheClockAtTheirDueTime() {
        List<Long> seenAt = new ArrayList<>();
        scheduler.schedule(() -> log.add("b@20"), Duration.ofMillis(20));
        scheduler.schedule(() -> log.add("a@10"), Duration.ofMillis(10));
        scheduler.schedule(() -> {
            log.add("c@10");
            seenAt.add(scheduler.clock().nanoTime());
            scheduler.computeExecutor().execute(() -> log.add("d@10"));
        }, Duration.ofMillis(10));
        scheduler.dedicatedExecutor("sync").execute(() -> log.add("e@0"));

        assertEquals(5, scheduler.advance(Duration.ofMillis(30)));
        assertEquals(List.of("e@0", "a@10", "c@10", "d@10", "b@20"), log);
        assertEquals(List.of(10_000_000L), seenAt);
        assertEquals(30_000_000L, scheduler.clock().nanoTime(), "the clock ends at the target");
    }

    @Test
    void periodicTasksKeepTheirScheduleAfterFailingAndStopWhenCancelled() {
        int[] runs = {0};
        Cancellable handle = scheduler.scheduleWithFixedDelay(() -> {
            runs[0]++;
            throw new IllegalStateException("boom " + runs[0]);
        }, Duration.ofMillis(5), Duration.ofMillis(10));

        scheduler.advance(Duration.ofMillis(35));
        assertEquals(4, runs[0], "runs at 5, 15, 25 and 35 ms");
        assertEquals(4, scheduler.failures().size());
        assertThrows(AssertionError.class, scheduler::assertNoFailures);

        handle.cancel();
        assertTrue(handle.isCancelled());
        scheduler.advance(Duration.ofMillis(100));
        assertEquals(4, runs[0]);
        assertEquals(0, scheduler.pendingTasks());
    }

    @Test
    void runNextTaskJumpsToTheNextDueTime() {
        scheduler.schedule(() -> log.add("late"), Duration.ofHours(1));
        assertTrue(scheduler.runNextTask());
        assertEquals(Duration.ofHours(1).toNanos(), scheduler.clock().nanoTime());
        assertFalse(scheduler.runNextTask());
    }

    @Test
    void afterShutdownSchedulingDoesNothing() {
        scheduler.schedule(() -> log.add("dropped"), Duration.ZERO);
        scheduler.shutdown();
        Cancellable late = scheduler.schedule(() -> log.add("late"), Duration.ZERO);
        scheduler.ioExecutor().execute(() -> log.add("io"));
        assertTrue(late.isCancelled());
        assertEquals(0, scheduler.runUntilIdle());
        assertEquals(List.of(), log);
    }

    @Test
    void runUntilIdleDetectsWorkThatNeverSettles() {
        Runnable[] self = new Runnable[1];
        self[0] = () -> scheduler.computeExecutor().execute(self[0]);
        scheduler.computeExecutor().execute(self[0]);
        assertThrows(IllegalStateException.class, scheduler::runUntilIdle);
    }
}
