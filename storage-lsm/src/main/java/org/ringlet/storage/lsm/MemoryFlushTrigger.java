package org.ringlet.storage.lsm;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Runs the flushes that memory pressure asks for: at most one pass at a time, on an executor, flushing the largest
 * memtable until memory is no longer above the cleanup threshold. Writers call {@link #request()} after each write;
 * one that crosses the threshold while a pass is about to end gives up its request (a pass is still marked as
 * running), so a pass that ends with memory below the threshold looks again once it has stepped down and starts a
 * new pass if a write pushed memory above it meanwhile. Thread-safe.
 */
final class MemoryFlushTrigger {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryFlushTrigger.class);

    /** Flushes one memtable for memory. */
    @FunctionalInterface
    interface Flusher {
        /**
         * Switches the largest memtable taking writes out for a flush.
         *
         * @return false when no memtable taking writes holds data (nothing left to flush for memory)
         */
        boolean flushLargest();
    }

    private final Executor executor;
    private final BooleanSupplier flushDue;
    private final Flusher flusher;
    private final AtomicBoolean running = new AtomicBoolean();

    /**
     * @param executor where the passes run
     * @param flushDue whether memory is above the cleanup threshold (and flushing is still allowed)
     * @param flusher  flushes the largest memtable
     */
    MemoryFlushTrigger(Executor executor, BooleanSupplier flushDue, Flusher flusher) {
        this.executor = requireNonNull(executor, "executor is null");
        this.flushDue = requireNonNull(flushDue, "flushDue is null");
        this.flusher = requireNonNull(flusher, "flusher is null");
    }

    /** Starts a pass if memory is above the threshold and no pass is running. */
    void request() {
        if (!flushDue.getAsBoolean() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::pass);
        } catch (RuntimeException e) {
            running.set(false);
            LOG.warn("Could not schedule a memtable flush: {}", e.toString());
        }
    }

    private void pass() {
        boolean belowThreshold = false;
        try {
            while (flushDue.getAsBoolean()) {
                if (!flusher.flushLargest()) {
                    // the memory is held by memtables being flushed already: their end frees it
                    return;
                }
            }
            belowThreshold = true;
        } finally {
            running.set(false);
        }
        if (belowThreshold) {
            // a write that crossed the threshold after the last check found the pass still running
            request();
        }
    }
}
