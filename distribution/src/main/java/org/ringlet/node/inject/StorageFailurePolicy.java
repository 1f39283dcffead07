package org.ringlet.node.inject;

import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import org.ringlet.api.Service;
import org.ringlet.api.runtime.Scheduler;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.api.storage.StorageFailureListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Does the node's part of {@code disk_failure_policy} and {@code commit_failure_policy} when the storage engine
 * applies one (ADR 0022): {@code stop}, {@code stop_paranoid} and a commit log {@code stop} stop serving clients
 * (the node stays up for nodetool, as Cassandra's); {@code die} stops the node (the process exits under
 * {@code Main}); the others ({@code stop_commit}, {@code best_effort}, {@code ignore}) are the engine's alone.
 */
public final class StorageFailurePolicy implements Service, StorageFailureListener {
    private static final Logger LOG = LoggerFactory.getLogger(StorageFailurePolicy.class);

    private final StorageEngine storage;
    private final Provider<TransportStage> transport;
    private final StopRequest stopRequest;
    private final Scheduler scheduler;

    @Inject
    StorageFailurePolicy(StorageEngine storage, Provider<TransportStage> transport, StopRequest stopRequest,
                         Scheduler scheduler) {
        this.storage = requireNonNull(storage, "storage is null");
        this.transport = requireNonNull(transport, "transport is null");
        this.stopRequest = requireNonNull(stopRequest, "stopRequest is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
    }

    @Override
    public void start() {
        storage.addFailureListener(this);
    }

    @Override
    public void stop() {
        // the engine keeps its listeners until it stops; a late failure then finds the transport already stopped
    }

    @Override
    public void onFailure(Kind kind, String policy, Throwable error) {
        String p = policy.toLowerCase(Locale.ROOT);
        switch (p) {
            case "stop", "stop_paranoid" -> {
                LOG.error("Storage failure ({}, policy {}): stopping client transports; the node stays up for "
                        + "nodetool", kind, p, error);
                scheduler.computeExecutor().execute(this::stopClients);
            }
            case "die" -> {
                LOG.error("Storage failure ({}, policy die): stopping the node", kind, error);
                stopRequest.action().run();
            }
            default -> LOG.warn("Storage failure ({}, policy {}) handled by the storage engine", kind, p, error);
        }
    }

    private void stopClients() {
        try {
            transport.get().stopServing();
        } catch (Exception e) {
            LOG.error("Could not stop serving clients after a storage failure", e);
        }
    }

    @Override
    public String serviceName() {
        return "storage failure policy";
    }
}
