package org.ringlet.node.lifecycle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.ringlet.api.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Starts services in the order they were registered and stops the started ones in reverse. The node registers
 * each service when it is constructed, and a service's dependencies are constructed before it, so registration
 * order is dependency order.
 *
 * <p>A failing start stops what already started (in reverse) and throws a {@link LifecycleException} carrying the
 * rollback failures as suppressed exceptions. {@link #stop()} tries every service even when some fail, and then
 * throws one exception carrying all the failures. A service registered twice is started once.
 *
 * <p>Thread-safe.
 */
public final class LifecycleManager {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleManager.class);

    private final String name;
    private final List<Service> services = new ArrayList<>();
    private final Set<Service> registered = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Service> started = new ArrayList<>();
    private LifecycleState state = LifecycleState.LATENT;

    /** @param name names this manager's node in logs */
    public LifecycleManager(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    /**
     * Registers a service to start after those registered before it.
     *
     * @throws IllegalStateException after {@link #start()} was called
     */
    public synchronized void register(Service service) {
        requireNonNull(service, "service is null");
        if (state != LifecycleState.LATENT) {
            throw new IllegalStateException("cannot register " + service.serviceName() + " with " + name + ": it is "
                    + state);
        }
        if (registered.add(service)) {
            services.add(service);
        }
    }

    /** The services in start order. */
    public synchronized List<Service> services() {
        return List.copyOf(services);
    }

    public synchronized LifecycleState state() {
        return state;
    }

    /**
     * Starts every service in order.
     *
     * @throws IllegalStateException when not {@link LifecycleState#LATENT}
     * @throws LifecycleException    when a service fails to start; what had started is stopped again
     */
    public synchronized void start() {
        if (state != LifecycleState.LATENT) {
            throw new IllegalStateException(name + " cannot start: it is " + state);
        }
        state = LifecycleState.STARTING;
        for (Service service : services) {
            LOG.debug("{}: starting {}", name, service.serviceName());
            try {
                service.start();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                LifecycleException failure = new LifecycleException(name + ": " + service.serviceName()
                        + " failed to start: " + e.getMessage(), e);
                state = LifecycleState.STOPPING;
                stopStarted(failure);
                state = LifecycleState.STOPPED;
                throw failure;
            }
            started.add(service);
        }
        state = LifecycleState.STARTED;
    }

    /**
     * Stops every started service in reverse start order. Does nothing unless {@link LifecycleState#STARTED};
     * before a start it only marks the manager stopped.
     *
     * @throws LifecycleException when services failed to stop (all of them were still asked to)
     */
    public synchronized void stop() {
        if (state == LifecycleState.STOPPED || state == LifecycleState.STOPPING) {
            return;
        }
        if (state == LifecycleState.LATENT) {
            state = LifecycleState.STOPPED;
            return;
        }
        state = LifecycleState.STOPPING;
        LifecycleException failure = stopStarted(null);
        state = LifecycleState.STOPPED;
        if (failure != null) {
            throw failure;
        }
    }

    private LifecycleException stopStarted(LifecycleException failure) {
        LifecycleException result = failure;
        for (int i = started.size() - 1; i >= 0; i--) {
            Service service = started.get(i);
            LOG.debug("{}: stopping {}", name, service.serviceName());
            try {
                service.stop();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                LOG.warn("{}: {} failed to stop", name, service.serviceName(), e);
                if (result == null) {
                    result = new LifecycleException(name + ": " + service.serviceName() + " failed to stop: "
                            + e.getMessage(), e);
                } else {
                    result.addSuppressed(e);
                }
            }
        }
        started.clear();
        return result;
    }

    @Override
    public synchronized String toString() {
        return "LifecycleManager{" + name + ", " + state + ", " + services.size() + " services}";
    }
}
