package org.ringlet.node.inject;

import java.util.concurrent.CompletionException;

import jakarta.inject.Inject;
import org.ringlet.api.Service;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.storage.StorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Flushes every table's memtable when the node stops cleanly, as Cassandra drains on shutdown: after everything
 * that writes has stopped (it starts right after the storage engine, so it stops right before it), and before the
 * engine closes. Without it a clean stop would leave data only in the commit log, and the data of keyspaces with
 * {@code durable_writes = false}, which skip the commit log, would be lost. {@code nodetool drain} runs
 * {@link #flushAll()} too. The engine itself does not flush when it stops: that keeps its stop what a crash
 * leaves (commit log replay), which its tests rely on.
 */
public final class StorageDrain implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(StorageDrain.class);

    private final StorageEngine storage;
    private final Clock clock;

    @Inject
    StorageDrain(StorageEngine storage, Clock clock) {
        this.storage = requireNonNull(storage, "storage is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void start() {
        // nothing to do: the drain happens on stop
    }

    /** Flushes every memtable and waits until the data is in files. */
    public void flushAll() {
        long start = clock.nanoTime();
        try {
            storage.flushAll().toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        LOG.info("Flushed every memtable in {} ms", (clock.nanoTime() - start) / 1_000_000);
    }

    @Override
    public void stop() {
        flushAll();
    }

    @Override
    public String serviceName() {
        return "storage drain";
    }
}
