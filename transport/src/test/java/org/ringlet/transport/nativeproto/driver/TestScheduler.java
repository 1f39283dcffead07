package org.ringlet.transport.nativeproto.driver;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.ringlet.api.runtime.Cancellable;
import org.ringlet.api.runtime.Scheduler;

/** A real-thread scheduler standing in for the node's, owned and shut down by the test. */
final class TestScheduler implements Scheduler, AutoCloseable {
    private final ScheduledExecutorService executor = new ScheduledThreadPoolExecutor(2);

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        return handle(executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS));
    }

    @Override
    public Cancellable scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay) {
        return handle(executor.scheduleWithFixedDelay(task, initialDelay.toNanos(), delay.toNanos(),
                TimeUnit.NANOSECONDS));
    }

    @Override
    public Executor computeExecutor() {
        return executor;
    }

    @Override
    public Executor ioExecutor() {
        return executor;
    }

    @Override
    public Executor dedicatedExecutor(String name) {
        throw new UnsupportedOperationException("not needed by the transport");
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

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
