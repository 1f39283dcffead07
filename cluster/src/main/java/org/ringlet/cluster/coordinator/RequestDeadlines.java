package org.ringlet.cluster.coordinator;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.Scheduler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The timeouts of the coordinator's requests without a scheduled task per request. A request that is still waiting
 * for replicas once it has been sent is appended to one lock-free queue; a single sweep, armed while the queue holds
 * something, walks the queue, drops the requests that finished and fails those whose deadline has passed. The sweep
 * runs again after at most {@code tick}, or at the earliest deadline still ahead when that comes sooner, so a request
 * times out exactly at its deadline (as with a task of its own) while a finished one is forgotten within a tick.
 *
 * <p>Requests that complete while they are sent (a local replica that answers at once, the usual case on one node)
 * are never registered. A registration costs one queue append; a sweep costs a step per queued request.
 *
 * <p>Thread-safe. Expiry runs on the scheduler's timer.
 */
final class RequestDeadlines {
    private static final Logger LOG = LoggerFactory.getLogger(RequestDeadlines.class);
    /** Default longest pause between sweeps while requests wait: how long a finished request stays queued. */
    static final Duration DEFAULT_TICK = Duration.ofMillis(10);

    /** What the queue holds: a request that can say whether it finished, and be failed as timed out. */
    interface Pending {
        /** Whether the request completed (either way); it then leaves the queue at the next sweep. */
        boolean isDone();

        /** Fails the request with its timeout error (a no-op when it completed meanwhile). */
        void expire();
    }

    private record Entry(Pending request, long deadlineNanos) {
    }

    private final Scheduler scheduler;
    private final Clock clock;
    private final long tickNanos;
    private final ConcurrentLinkedQueue<Entry> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean armed = new AtomicBoolean();
    private final Runnable sweep = this::sweep;

    RequestDeadlines(Scheduler scheduler, Clock clock, Duration tick) {
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.clock = requireNonNull(clock, "clock is null");
        requireNonNull(tick, "tick is null");
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("the sweep period must be positive: " + tick);
        }
        this.tickNanos = tick.toNanos();
    }

    /** Expires {@code request} once {@code timeout} has passed from now, unless it is done by then. */
    void register(Pending request, Duration timeout) {
        long deadline = clock.nanoTime() + timeout.toNanos();
        queue.offer(new Entry(request, deadline));
        if (!armed.get() && armed.compareAndSet(false, true)) {
            scheduler.schedule(sweep, Duration.ofNanos(Math.max(0, Math.min(tickNanos, deadline - clock.nanoTime()))));
        }
    }

    private void sweep() {
        long now = clock.nanoTime();
        long next = Long.MAX_VALUE;
        for (Iterator<Entry> it = queue.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.request.isDone()) {
                it.remove();
            } else if (e.deadlineNanos - now <= 0) {
                it.remove();
                try {
                    e.request.expire();
                } catch (RuntimeException failure) {
                    // the sweep must go on for every other request
                    LOG.error("Expiring a timed-out request failed", failure);
                }
            } else {
                next = Math.min(next, e.deadlineNanos - now);
            }
        }
        if (next != Long.MAX_VALUE) {
            scheduler.schedule(sweep, Duration.ofNanos(Math.min(tickNanos, next)));
            return;
        }
        armed.set(false);
        // a registration between the walk above and the reset saw the sweep armed and did not arm it
        if (!queue.isEmpty() && armed.compareAndSet(false, true)) {
            scheduler.schedule(sweep, Duration.ZERO);
        }
    }

    /** The requests still queued (finished ones included until the next sweep), for tests. */
    int queued() {
        return queue.size();
    }
}
