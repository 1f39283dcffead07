package org.ringlet.cluster.coordinator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.ringlet.api.error.RingletException;

import static java.util.Objects.requireNonNull;

/**
 * Collects the answers of the replicas a request was sent to and completes once {@code blockFor} of those that
 * count towards the consistency level have answered. Fails with the timeout error when the deadline passes first,
 * or with the failure error once too few replicas are left to answer. Thread-safe.
 *
 * @param <T> the type of one replica's answer
 */
final class ResponseCollector<T> implements RequestDeadlines.Pending {
    private final int blockFor;
    private final Predicate<UUID> counts;
    private final int countingContacts;
    private final CompletableFuture<List<T>> result = new CompletableFuture<>();
    private final List<T> answers = new ArrayList<>();
    private int received;
    private int failed;
    private RingletException firstFailure;
    private volatile Duration timeout;
    private volatile Supplier<RingletException> timeoutError;

    /**
     * @param contacts the replicas the request is sent to
     * @param counts   which replicas count towards the level
     * @param blockFor how many counting answers complete the request
     */
    ResponseCollector(List<UUID> contacts, Predicate<UUID> counts, int blockFor) {
        this.blockFor = blockFor;
        this.counts = counts;
        this.countingContacts = (int) contacts.stream().filter(counts).count();
        if (blockFor <= 0) {
            result.complete(List.of());
        }
    }

    /** The stage completing with the counting answers, in arrival order. */
    CompletableFuture<List<T>> result() {
        return result;
    }

    /** Sets the timeout and the error the request fails with once it passes (counted from {@link #started}). */
    void timeoutAfter(Duration timeout, Supplier<RingletException> error) {
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.timeoutError = requireNonNull(error, "error is null");
    }

    /**
     * Called once the request was sent to its replicas: unless they all answered already, the request is handed to
     * {@code deadlines} to time out. Returns {@link #result()}.
     */
    CompletableFuture<List<T>> started(RequestDeadlines deadlines) {
        if (!result.isDone()) {
            if (timeout == null) {
                throw new IllegalStateException("no timeout was set");
            }
            deadlines.register(this, timeout);
        }
        return result;
    }

    @Override
    public boolean isDone() {
        return result.isDone();
    }

    @Override
    public void expire() {
        Supplier<RingletException> error = timeoutError;
        if (error != null && !result.isDone()) {
            timedOut(error);
        }
    }

    /** The number of counting answers so far. */
    synchronized int received() {
        return received;
    }

    /** Fails the request as timed out, with the error the supplier makes from the answers so far. */
    void timedOut(Supplier<RingletException> error) {
        result.completeExceptionally(error.get());
    }

    void onAnswer(UUID replica, T answer) {
        boolean done = false;
        List<T> copy = null;
        synchronized (this) {
            if (result.isDone() || !counts.test(replica)) {
                return;
            }
            answers.add(answer);
            received++;
            if (received == blockFor) {
                done = true;
                copy = Collections.unmodifiableList(new ArrayList<>(answers));
            }
        }
        if (done) {
            result.complete(copy);
        }
    }

    void onFailure(UUID replica, Throwable error, Supplier<RingletException> failureError) {
        RingletException toThrow = null;
        synchronized (this) {
            if (result.isDone() || !counts.test(replica)) {
                return;
            }
            failed++;
            if (firstFailure == null && error instanceof RingletException r) {
                firstFailure = r;
            }
            if (countingContacts - failed < blockFor) {
                toThrow = countingContacts == 1 && firstFailure != null ? firstFailure : failureError.get();
            }
        }
        if (toThrow != null) {
            result.completeExceptionally(toThrow);
        }
    }

    /** Fails the request because handling an answer failed (a bug, never a replica's error). */
    void fail(Throwable error) {
        result.completeExceptionally(error);
    }

    /** The number of replicas that failed. */
    synchronized int failures() {
        return failed;
    }
}
