package org.ringlet.node.inject;

import java.util.Map;
import java.util.Optional;

import org.ringlet.api.ComponentFactory;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.RegisteredComponent;
import org.ringlet.api.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * A component the node can only create once part of it is running (ADR 0041): its factory is resolved when the
 * node is assembled (a wrong name stops the node before anything starts), and the component is created when this
 * service starts, started when it is itself a {@link Service}, and published in {@link NodeServices} for the
 * components created after it. Stopping withdraws and stops it. Subclasses take what must start before them as
 * constructor parameters, which puts them in the right place of the node's start order.
 *
 * @param <T> the component's type
 * @param <F> its factory's type
 */
abstract class DeferredComponent<T, F extends ComponentFactory<T>> implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(DeferredComponent.class);

    private final ComponentKind kind;
    private final Class<T> type;
    private final Map<String, F> factories;
    private final RegisteredComponent chosen;
    private final String configured;
    private final String key;
    private final ComponentAssembler assembler;
    private final NodeServices services;
    private volatile T component;

    /**
     * @param type       what the component is published as
     * @param factoryType its factory interface
     * @param factories  the feature module's factories by canonical name
     * @param configured the configured name
     * @param key        the configuration key it came from
     */
    DeferredComponent(ComponentKind kind, Class<T> type, Class<F> factoryType, Map<String, F> factories,
                      String configured, String key, ComponentAssembler assembler, NodeServices services) {
        this.kind = requireNonNull(kind, "kind is null");
        this.type = requireNonNull(type, "type is null");
        this.factories = Map.copyOf(requireNonNull(factories, "factories is null"));
        this.configured = requireNonNull(configured, "configured is null");
        this.key = requireNonNull(key, "key is null");
        this.assembler = requireNonNull(assembler, "assembler is null");
        this.services = requireNonNull(services, "services is null");
        this.chosen = assembler.resolve(factoryType, configured, key);
    }

    /** Whether the component is to be created at all (e.g. {@code start_native_transport: false}). */
    boolean enabled() {
        return true;
    }

    @Override
    public synchronized void start() throws Exception {
        if (!enabled()) {
            LOG.info("Not starting the {} ({} is off)", kind.label(), key);
            return;
        }
        T created = assembler.create(kind, factories, chosen, configured, key);
        if (created instanceof Service service) {
            service.start();
        }
        services.publish(type, created);
        component = created;
    }

    @Override
    public synchronized void stop() throws Exception {
        T created = component;
        if (created == null) {
            return;
        }
        component = null;
        services.withdraw(type);
        if (created instanceof Service service) {
            service.stop();
        }
    }

    /** The running component; empty before start and after stop. */
    Optional<T> component() {
        return Optional.ofNullable(component);
    }

    /** The factory's canonical name. */
    String name() {
        return chosen.factory().name();
    }

    @Override
    public String serviceName() {
        return kind.label() + " (" + name() + ")";
    }
}
