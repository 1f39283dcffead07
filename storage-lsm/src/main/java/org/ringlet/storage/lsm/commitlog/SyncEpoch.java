package org.ringlet.storage.lsm.commitlog;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The writers that allocated commit log space in one interval between two sync rounds. A round closes the
 * current epoch and waits until its writers have copied their records, so that the synced range has no holes.
 * Writers enter under the commit log's lock; thread-safe.
 */
final class SyncEpoch {
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean closed;
    private final CompletableFuture<Void> drained = new CompletableFuture<>();

    void enter() {
        running.incrementAndGet();
    }

    void exit() {
        if (running.decrementAndGet() == 0 && closed) {
            drained.complete(null);
        }
    }

    /** Closes the epoch (no writer enters it any more) and waits until its writers have exited. */
    void closeAndAwait() {
        closed = true;
        if (running.get() == 0) {
            drained.complete(null);
        }
        drained.join();
    }
}
