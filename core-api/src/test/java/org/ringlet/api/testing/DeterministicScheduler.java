package org.ringlet.api.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;

import org.ringlet.api.runtime.Cancellable;
import org.ringlet.api.runtime.Scheduler;

import static java.util.Objects.requireNonNull;

/**
 * A {@link Scheduler} that runs nothing on its own: tasks (timed tasks and tasks handed to its executors alike)
 * wait in one queue, ordered by due time and then by submission order, until the test runs them with
 * {@link #runUntilIdle()}, {@link #advance(Duration)} or {@link #runNextTask()}. Everything runs on the calling
 * thread, so a test (or a simulation) is reproducible step for step.
 *
 * <p>Executor tasks are due "now". A task that throws is recorded in {@link #failures()} (a periodic task keeps its
 * schedule, as the {@link Scheduler} contract says); {@link #assertNoFailures()} turns them into a test failure.
 *
 * <p>Thread-safe for scheduling; running is meant for one driving thread.
 */
public final class DeterministicScheduler implements Scheduler {
    /** How many tasks {@link #runUntilIdle()} runs before it decides that the work never ends. */
    public static final int DEFAULT_STEP_LIMIT = 1_000_000;

    private final ManualClock clock;
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final List<Throwable> failures = new ArrayList<>();
    private final Executor computeExecutor = task -> submit("compute", task);
    private final Executor ioExecutor = task -> submit("io", task);
    private long sequence;
    private long tasksRun;
    private boolean shutdown;

    /** A scheduler driving a new {@link ManualClock}. */
    public DeterministicScheduler() {
        this(new ManualClock());
    }

    /** A scheduler driving {@code clock}: advancing the scheduler advances the clock. */
    public DeterministicScheduler(ManualClock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The clock this scheduler advances. */
    public ManualClock clock() {
        return clock;
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        requireNonNull(task, "task is null");
        checkDelay(delay);
        return enqueue("scheduled", task, delay.toNanos(), -1);
    }

    @Override
    public Cancellable scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay) {
        requireNonNull(task, "task is null");
        checkDelay(initialDelay);
        checkDelay(delay);
        if (delay.isZero()) {
            throw new IllegalArgumentException("a periodic task needs a positive delay");
        }
        return enqueue("periodic", task, initialDelay.toNanos(), delay.toNanos());
    }

    @Override
    public Executor computeExecutor() {
        return computeExecutor;
    }

    @Override
    public Executor ioExecutor() {
        return ioExecutor;
    }

    @Override
    public Executor dedicatedExecutor(String name) {
        requireNonNull(name, "name is null");
        String label = "dedicated:" + name;
        return task -> submit(label, task);
    }

    /**
     * Runs every task that is due now, including tasks those tasks submit for now, without moving the clock.
     *
     * @return how many tasks ran
     * @throws IllegalStateException when more than {@link #DEFAULT_STEP_LIMIT} tasks ran (work that never settles)
     */
    public int runUntilIdle() {
        int ran = 0;
        while (runNextDueBy(clock.nanoTime())) {
            if (++ran >= DEFAULT_STEP_LIMIT) {
                throw new IllegalStateException("still busy after " + ran + " tasks; is a task resubmitting itself?");
            }
        }
        return ran;
    }

    /**
     * Moves time forward by {@code duration}, running each task when its due time is reached, in order; then runs
     * what is due at the end.
     *
     * @return how many tasks ran
     */
    public int advance(Duration duration) {
        checkDelay(duration);
        long target = Math.addExact(clock.nanoTime(), duration.toNanos());
        int ran = 0;
        while (runNextDueBy(target)) {
            if (++ran >= DEFAULT_STEP_LIMIT) {
                throw new IllegalStateException("still busy after " + ran + " tasks");
            }
        }
        clock.advanceTo(target);
        return ran;
    }

    /**
     * Runs the earliest queued task, moving the clock to its due time if it lies in the future.
     *
     * @return false when nothing is queued
     */
    public boolean runNextTask() {
        return runNextDueBy(Long.MAX_VALUE);
    }

    /** How many tasks are queued (cancelled ones excluded). */
    public synchronized int pendingTasks() {
        return (int) queue.stream().filter(t -> !t.cancelled).count();
    }

    /** How long until the earliest queued task is due (zero when one is due now); empty when nothing is queued. */
    public synchronized Optional<Duration> nextTaskDelay() {
        dropCancelledHead();
        Task head = queue.peek();
        if (head == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.max(0, head.dueNanos - clock.nanoTime())));
    }

    /** How many tasks have run so far. */
    public synchronized long tasksRun() {
        return tasksRun;
    }

    /** The exceptions thrown by tasks so far, in order. */
    public synchronized List<Throwable> failures() {
        return List.copyOf(failures);
    }

    /** Throws an {@link AssertionError} carrying every task failure so far as suppressed exceptions, if any. */
    public synchronized void assertNoFailures() {
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError(failures.size() + " scheduled task(s) failed; first: "
                    + failures.get(0));
            failures.forEach(error::addSuppressed);
            throw error;
        }
    }

    /** Drops every queued task; afterwards scheduling does nothing and returns a cancelled handle. */
    public synchronized void shutdown() {
        shutdown = true;
        queue.forEach(t -> t.cancelled = true);
        queue.clear();
    }

    /** Whether {@link #shutdown()} was called. */
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    private void submit(String label, Runnable task) {
        requireNonNull(task, "task is null");
        enqueue(label, task, 0, -1);
    }

    private synchronized Task enqueue(String label, Runnable task, long delayNanos, long periodNanos) {
        Task t = new Task(label, task, Math.addExact(clock.nanoTime(), delayNanos), periodNanos, sequence++);
        if (shutdown) {
            t.cancelled = true;
            return t;
        }
        queue.add(t);
        return t;
    }

    private boolean runNextDueBy(long limitNanos) {
        Task next;
        synchronized (this) {
            dropCancelledHead();
            next = queue.peek();
            if (next == null || next.dueNanos > limitNanos) {
                return false;
            }
            queue.poll();
            tasksRun++;
        }
        clock.advanceTo(next.dueNanos);
        try {
            next.task.run();
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                failures.add(e);
            }
        }
        if (next.periodNanos > 0) {
            synchronized (this) {
                if (!next.cancelled && !shutdown) {
                    next.dueNanos = Math.addExact(clock.nanoTime(), next.periodNanos);
                    next.sequence = sequence++;
                    queue.add(next);
                }
            }
        }
        return true;
    }

    private void dropCancelledHead() {
        while (!queue.isEmpty() && queue.peek().cancelled) {
            queue.poll();
        }
    }

    private static void checkDelay(Duration delay) {
        requireNonNull(delay, "delay is null");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
    }

    @Override
    public synchronized String toString() {
        return "DeterministicScheduler{now=" + clock.nanoTime() + "ns, pending=" + pendingTasks() + ", run="
                + tasksRun + "}";
    }

    private final class Task implements Comparable<Task>, Cancellable {
        private final String label;
        private final Runnable task;
        private final long periodNanos;
        private long dueNanos;
        private long sequence;
        private volatile boolean cancelled;

        private Task(String label, Runnable task, long dueNanos, long periodNanos, long sequence) {
            this.label = label;
            this.task = task;
            this.dueNanos = dueNanos;
            this.periodNanos = periodNanos;
            this.sequence = sequence;
        }

        @Override
        public int compareTo(Task other) {
            int byTime = Long.compare(dueNanos, other.dueNanos);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }

        @Override
        public void cancel() {
            synchronized (DeterministicScheduler.this) {
                cancelled = true;
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public String toString() {
            return label + "@" + dueNanos + "ns";
        }
    }
}
