package org.ringlet.node.runtime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.ringlet.api.runtime.Cancellable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadPoolSchedulerTest {

    @Test
    void runsTasksOnNamedDaemonThreads() throws Exception {
        ThreadPoolScheduler scheduler = new ThreadPoolScheduler("127.0.0.9", 2, 2);
        try {
            AtomicReference<Thread> io = new AtomicReference<>();
            AtomicReference<Thread> dedicated = new AtomicReference<>();
            AtomicReference<Thread> timer = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(3);
            scheduler.ioExecutor().execute(() -> {
                io.set(Thread.currentThread());
                done.countDown();
            });
            scheduler.dedicatedExecutor("commitlog-sync").execute(() -> {
                dedicated.set(Thread.currentThread());
                done.countDown();
            });
            scheduler.schedule(() -> {
                timer.set(Thread.currentThread());
                done.countDown();
            }, Duration.ofMillis(1));
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertTrue(io.get().getName().startsWith("ringlet-127.0.0.9-io-"), io.get().getName());
            assertEquals("ringlet-127.0.0.9-commitlog-sync-1", dedicated.get().getName());
            assertTrue(timer.get().getName().startsWith("ringlet-127.0.0.9-timer-"));
            assertTrue(io.get().isDaemon() && dedicated.get().isDaemon() && timer.get().isDaemon());
        } finally {
            scheduler.stop();
        }
    }

    @Test
    void theReadStageRunsAsManyBlockingReadsAtOnceAsItHasThreadsAndNoMore() throws Exception {
        ThreadPoolScheduler scheduler = new ThreadPoolScheduler("127.0.0.8", 1, 1, 4);
        try {
            assertEquals(4, scheduler.readThreads());
            CountDownLatch started = new CountDownLatch(4);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            AtomicReference<String> name = new AtomicReference<>();
            CountDownLatch finished = new CountDownLatch(6);
            for (int i = 0; i < 6; i++) {
                scheduler.readExecutor().execute(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    name.set(Thread.currentThread().getName());
                    started.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    finished.countDown();
                });
            }
            // four reads block at once: more than the single compute and I/O threads could hold
            assertTrue(started.await(10, TimeUnit.SECONDS), "four reads in flight");
            assertEquals(4, running.get());
            release.countDown();
            assertTrue(finished.await(10, TimeUnit.SECONDS));
            assertEquals(4, most.get(), "never more than concurrent_reads at once");
            assertTrue(name.get().startsWith("ringlet-127.0.0.8-read-"), name.get());
        } finally {
            scheduler.stop();
        }
    }

    @Test
    void aFailingPeriodicTaskKeepsItsSchedule() throws Exception {
        ThreadPoolScheduler scheduler = new ThreadPoolScheduler("p", 1, 1);
        try {
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch three = new CountDownLatch(3);
            Cancellable handle = scheduler.scheduleWithFixedDelay(() -> {
                runs.incrementAndGet();
                three.countDown();
                throw new IllegalStateException("expected in this test");
            }, Duration.ZERO, Duration.ofMillis(1));
            assertTrue(three.await(10, TimeUnit.SECONDS), "ran " + runs.get() + " times");
            handle.cancel();
            assertTrue(handle.isCancelled());
        } finally {
            scheduler.stop();
        }
    }

    @Test
    void stopEndsEveryThreadAndLaterSchedulingDoesNothing() throws Exception {
        ThreadPoolScheduler scheduler = new ThreadPoolScheduler("stopping", 1, 1);
        CountDownLatch started = new CountDownLatch(2);
        scheduler.ioExecutor().execute(started::countDown);
        scheduler.dedicatedExecutor("loop").execute(started::countDown);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        scheduler.stop();
        assertTrue(scheduler.isStopped());
        assertTrue(scheduler.schedule(() -> { }, Duration.ZERO).isCancelled());
        scheduler.ioExecutor().execute(() -> { });
        scheduler.dedicatedExecutor("late").execute(() -> { });
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("ringlet-stopping-")).toList();
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertEquals(List.of(), threads.stream().filter(Thread::isAlive).map(Thread::getName).toList());
    }
}
