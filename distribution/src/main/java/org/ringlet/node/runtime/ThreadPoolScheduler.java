package org.ringlet.node.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.ringlet.api.Service;
import org.ringlet.api.runtime.Cancellable;
import org.ringlet.api.runtime.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The node's {@link Scheduler}: one timer thread for scheduled tasks, a compute pool, a bounded I/O pool, the read
 * stage ({@code concurrent_reads} threads for reads that may block on the disk, ADR 0160) and dedicated single-thread
 * executors, all with daemon threads named after the node ({@code ringlet-127.0.0.2-io-1})
 * so that several nodes in one JVM are told apart in thread dumps and logs. Threads start on first use.
 *
 * <p>A task that throws is logged and, if periodic, keeps its schedule. {@link #stop()} shuts everything down and
 * waits (bounded) for running tasks; afterwards scheduling does nothing and returns a cancelled handle, and
 * executors drop what they are given.
 *
 * <p>Thread-safe.
 */
public final class ThreadPoolScheduler implements Scheduler, Service {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadPoolScheduler.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final String prefix;
    private final ScheduledThreadPoolExecutor timer;
    private final ThreadPoolExecutor compute;
    private final ThreadPoolExecutor io;
    private final ThreadPoolExecutor read;
    private final List<ExecutorService> dedicated = new ArrayList<>();
    private volatile boolean stopped;

    /**
     * @param nodeName       names the threads
     * @param computeThreads the compute pool's size
     * @param ioThreads      the I/O pool's size
     */
    public ThreadPoolScheduler(String nodeName, int computeThreads, int ioThreads) {
        this(nodeName, computeThreads, ioThreads, ioThreads);
    }

    /**
     * @param nodeName       names the threads
     * @param computeThreads the compute pool's size
     * @param ioThreads      the I/O pool's size
     * @param readThreads    the read stage's size ({@code concurrent_reads})
     */
    public ThreadPoolScheduler(String nodeName, int computeThreads, int ioThreads, int readThreads) {
        requireNonNull(nodeName, "nodeName is null");
        if (computeThreads < 1 || ioThreads < 1 || readThreads < 1) {
            throw new IllegalArgumentException("pools need at least one thread: compute=" + computeThreads + ", io="
                    + ioThreads + ", read=" + readThreads);
        }
        this.prefix = "ringlet-" + nodeName;
        RejectedExecutionHandler dropAfterStop = (task, executor) -> {
            if (!executor.isShutdown()) {
                throw new RejectedExecutionException("executor of " + prefix + " rejected a task");
            }
            LOG.debug("Dropped a task submitted to {} after it stopped", prefix);
        };
        this.timer = new ScheduledThreadPoolExecutor(1, new NamedThreadFactory(prefix + "-timer"), dropAfterStop);
        this.timer.setRemoveOnCancelPolicy(true);
        this.timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.timer.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        this.compute = pool(computeThreads, prefix + "-compute", dropAfterStop);
        this.io = pool(ioThreads, prefix + "-io", dropAfterStop);
        this.read = pool(readThreads, prefix + "-read", dropAfterStop);
    }

    private static ThreadPoolExecutor pool(int threads, String name, RejectedExecutionHandler rejected) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory(name), rejected);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        requireNonNull(task, "task is null");
        requireNonNull(delay, "delay is null");
        if (stopped) {
            return cancelled();
        }
        return handle(timer.schedule(guarded(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS));
    }

    @Override
    public Cancellable scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay) {
        requireNonNull(task, "task is null");
        requireNonNull(initialDelay, "initialDelay is null");
        requireNonNull(delay, "delay is null");
        if (delay.isZero() || delay.isNegative()) {
            throw new IllegalArgumentException("a periodic task needs a positive delay: " + delay);
        }
        if (stopped) {
            return cancelled();
        }
        return handle(timer.scheduleWithFixedDelay(guarded(task), Math.max(0, initialDelay.toNanos()),
                delay.toNanos(), TimeUnit.NANOSECONDS));
    }

    @Override
    public Executor computeExecutor() {
        return task -> compute.execute(guarded(task));
    }

    @Override
    public Executor ioExecutor() {
        return task -> io.execute(guarded(task));
    }

    @Override
    public Executor readExecutor() {
        return task -> read.execute(guarded(task));
    }

    /** The read stage's size ({@code concurrent_reads}). */
    public int readThreads() {
        return read.getMaximumPoolSize();
    }

    @Override
    public Executor dedicatedExecutor(String name) {
        requireNonNull(name, "name is null");
        ExecutorService executor = Executors.newSingleThreadExecutor(new NamedThreadFactory(prefix + "-" + name));
        synchronized (dedicated) {
            if (stopped) {
                executor.shutdown();
            } else {
                dedicated.add(executor);
            }
        }
        return task -> {
            try {
                executor.execute(guarded(task));
            } catch (RejectedExecutionException e) {
                LOG.debug("Dropped a task submitted to {}-{} after it stopped", prefix, name);
            }
        };
    }

    @Override
    public void start() {
        LOG.debug("Scheduler {} ready", prefix);
    }

    @Override
    public void stop() throws InterruptedException {
        stopped = true;
        List<ExecutorService> all = new ArrayList<>(List.of(timer, compute, io, read));
        synchronized (dedicated) {
            all.addAll(dedicated);
        }
        all.forEach(ExecutorService::shutdown);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (ExecutorService e : all) {
            long left = deadline - System.nanoTime();
            if (!e.awaitTermination(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                LOG.warn("{}: tasks still running {} after stop; interrupting them", prefix, STOP_TIMEOUT);
                e.shutdownNow();
            }
        }
    }

    /** Whether {@link #stop()} was called. */
    public boolean isStopped() {
        return stopped;
    }

    @Override
    public String serviceName() {
        return "scheduler";
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("A task of {} failed", prefix, e);
            } catch (Error e) {
                LOG.error("A task of {} failed with an error", prefix, e);
                throw e;
            }
        };
    }

    private static Cancellable handle(ScheduledFuture<?> future) {
        return new Cancellable() {
            @Override
            public void cancel() {
                future.cancel(false);
            }

            @Override
            public boolean isCancelled() {
                return future.isCancelled();
            }
        };
    }

    private static Cancellable cancelled() {
        return new Cancellable() {
            @Override
            public void cancel() {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
    }
}
