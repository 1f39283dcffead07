package org.ringlet.storage.lsm.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.ringlet.api.runtime.Cancellable;
import org.ringlet.api.runtime.Scheduler;

/**
 * A scheduler for storage tests on real threads. With {@code manualTimers}, scheduled tasks do not run by
 * themselves: {@link #runTimers()} runs every live periodic or delayed task once, so tests decide when a periodic
 * commit log sync happens. Close it to stop its threads.
 */
public final class TestScheduler implements Scheduler, AutoCloseable {
    private final boolean manualTimers;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
    private final ExecutorService io = Executors.newFixedThreadPool(4);
    private final ExecutorService compute = Executors.newFixedThreadPool(2);
    private final List<ExecutorService> dedicated = new CopyOnWriteArrayList<>();
    private final List<Timer> manual = new CopyOnWriteArrayList<>();

    private static final class Timer implements Cancellable {
        final Runnable task;
        final boolean periodic;
        final AtomicBoolean cancelled = new AtomicBoolean();
        volatile ScheduledFuture<?> future;

        Timer(Runnable task, boolean periodic) {
            this.task = task;
            this.periodic = periodic;
        }

        @Override
        public void cancel() {
            cancelled.set(true);
            if (future != null) {
                future.cancel(false);
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    }

    public TestScheduler(boolean manualTimers) {
        this.manualTimers = manualTimers;
    }

    public TestScheduler() {
        this(false);
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        Timer t = new Timer(task, false);
        if (manualTimers) {
            manual.add(t);
        } else {
            t.future = timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
        return t;
    }

    @Override
    public Cancellable scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay) {
        Timer t = new Timer(task, true);
        if (manualTimers) {
            manual.add(t);
        } else {
            t.future = timers.scheduleWithFixedDelay(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // a periodic task that throws keeps its schedule, as the Scheduler contract says
                }
            }, initialDelay.toNanos(), delay.toNanos(), TimeUnit.NANOSECONDS);
        }
        return t;
    }

    /** Runs every live manual timer once (one-shot timers are then gone). */
    public void runTimers() {
        for (Timer t : manual) {
            if (!t.isCancelled()) {
                t.task.run();
                if (!t.periodic) {
                    manual.remove(t);
                }
            }
        }
    }

    @Override
    public Executor computeExecutor() {
        return compute;
    }

    @Override
    public Executor ioExecutor() {
        return io;
    }

    @Override
    public Executor dedicatedExecutor(String name) {
        ExecutorService e = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        dedicated.add(e);
        return e;
    }

    @Override
    public void close() {
        timers.shutdownNow();
        io.shutdown();
        compute.shutdown();
        dedicated.forEach(ExecutorService::shutdown);
        try {
            io.awaitTermination(10, TimeUnit.SECONDS);
            for (ExecutorService e : dedicated) {
                e.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
