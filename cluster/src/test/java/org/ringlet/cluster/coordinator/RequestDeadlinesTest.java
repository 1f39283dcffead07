package org.ringlet.cluster.coordinator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.ringlet.api.testing.DeterministicScheduler;
import org.ringlet.api.testing.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestDeadlinesTest {
    private static final Duration TICK = Duration.ofMillis(10);

    private final ManualClock clock = new ManualClock();
    private final DeterministicScheduler scheduler = new DeterministicScheduler(clock);
    private final RequestDeadlines deadlines = new RequestDeadlines(scheduler, clock, TICK);

    /** A request the test finishes, counting how often it was expired. */
    private static final class Request implements RequestDeadlines.Pending {
        volatile boolean done;
        final AtomicInteger expired = new AtomicInteger();

        @Override
        public boolean isDone() {
            return done;
        }

        @Override
        public void expire() {
            if (!done) {
                expired.incrementAndGet();
                done = true;
            }
        }
    }

    @Test
    void aRequestExpiresExactlyAtItsDeadlineEvenBetweenTicks() {
        scheduler.advance(Duration.ofMillis(3)); // not aligned with anything
        Request r = new Request();
        deadlines.register(r, Duration.ofMillis(2_005));
        scheduler.advance(Duration.ofMillis(2_004));
        assertEquals(0, r.expired.get(), "not before its deadline");
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(1, r.expired.get(), "at its deadline");
        scheduler.advance(Duration.ofSeconds(5));
        assertEquals(1, r.expired.get(), "once");
        assertEquals(0, scheduler.pendingTasks(), "the sweep stops once nothing waits");
    }

    @Test
    void finishedRequestsLeaveWithinATickAndAreNeverExpired() {
        Request done = new Request();
        Request waiting = new Request();
        deadlines.register(done, Duration.ofSeconds(2));
        deadlines.register(waiting, Duration.ofSeconds(2));
        done.done = true;
        assertEquals(2, deadlines.queued());
        scheduler.advance(TICK);
        assertEquals(1, deadlines.queued(), "the finished request is dropped by the first sweep");
        assertEquals(0, done.expired.get());
        waiting.done = true;
        scheduler.advance(TICK);
        assertEquals(0, deadlines.queued());
        assertEquals(0, scheduler.pendingTasks(), "no sweep is armed while nothing waits");
        scheduler.advance(Duration.ofSeconds(3));
        assertEquals(0, waiting.expired.get());
    }

    @Test
    void shortTimeoutsQueuedBehindLongOnesExpireOnTime() {
        Request slow = new Request();
        Request fast = new Request();
        deadlines.register(slow, Duration.ofSeconds(10));
        deadlines.register(fast, Duration.ofMillis(500));
        scheduler.advance(Duration.ofMillis(499));
        assertEquals(0, fast.expired.get());
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(1, fast.expired.get());
        assertEquals(0, slow.expired.get());
        scheduler.advance(Duration.ofMillis(9_500));
        assertEquals(1, slow.expired.get());
    }

    @Test
    void theSweepIsArmedAgainAfterItStopped() {
        Request first = new Request();
        deadlines.register(first, Duration.ofMillis(100));
        scheduler.advance(Duration.ofMillis(100));
        assertEquals(1, first.expired.get());
        assertEquals(0, scheduler.pendingTasks());
        Request second = new Request();
        deadlines.register(second, Duration.ofMillis(100));
        assertEquals(1, scheduler.pendingTasks());
        scheduler.advance(Duration.ofMillis(100));
        assertEquals(1, second.expired.get());
    }

    @Test
    void aFailingExpiryDoesNotStopTheOthers() {
        RequestDeadlines.Pending broken = new RequestDeadlines.Pending() {
            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public void expire() {
                throw new IllegalStateException("broken");
            }
        };
        Request r = new Request();
        deadlines.register(broken, Duration.ofMillis(50));
        deadlines.register(r, Duration.ofMillis(50));
        scheduler.advance(Duration.ofMillis(50));
        assertEquals(1, r.expired.get());
        assertEquals(0, deadlines.queued());
    }

    @Test
    void concurrentRegistrationsAreAllExpired() throws Exception {
        int threads = 4;
        int each = 2_000;
        List<Request> all = new ArrayList<>();
        for (int i = 0; i < threads * each; i++) {
            all.add(new Request());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int t = 0; t < threads; t++) {
                List<Request> mine = all.subList(t * each, (t + 1) * each);
                pool.execute(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    for (Request r : mine) {
                        deadlines.register(r, Duration.ofMillis(100));
                    }
                });
            }
            go.countDown();
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        scheduler.advance(Duration.ofMillis(100));
        assertFalse(all.stream().anyMatch(r -> r.expired.get() != 1), "every request expired once");
        assertEquals(0, deadlines.queued());
    }
}
