package org.ringlet.cql.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.ringlet.api.runtime.Cancellable;
import org.ringlet.api.runtime.Scheduler;

/** A scheduler on real threads, for tests with the LSM storage engine. Close it to stop its threads. */
public final class ThreadScheduler implements Scheduler, AutoCloseable {
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("timer"));
    private final ExecutorService compute = Executors.newFixedThreadPool(2, daemon("compute"));
    private final ExecutorService io = Executors.newFixedThreadPool(4, daemon("io"));
    private final List<ExecutorService> dedicated = new CopyOnWriteArrayList<>();

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, "test-" + name);
            t.setDaemon(true);
            return t;
        };
    }

    private static Cancellable handle(ScheduledFuture<?> f) {
        return new Cancellable() {
            @Override
            public void cancel() {
                f.cancel(false);
            }

            @Override
            public boolean isCancelled() {
                return f.isCancelled();
            }
        };
    }

    private static Runnable logged(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                System.err.println("scheduled task failed: " + e);
            }
        };
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        return handle(timers.schedule(logged(task), delay.toNanos(), TimeUnit.NANOSECONDS));
    }

    @Override
    public Cancellable scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay) {
        return handle(timers.scheduleWithFixedDelay(logged(task), initialDelay.toNanos(), delay.toNanos(),
                TimeUnit.NANOSECONDS));
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
        ExecutorService e = Executors.newSingleThreadExecutor(daemon(name));
        dedicated.add(e);
        return e;
    }

    @Override
    public void close() {
        timers.shutdownNow();
        compute.shutdownNow();
        io.shutdownNow();
        dedicated.forEach(ExecutorService::shutdownNow);
    }
}
