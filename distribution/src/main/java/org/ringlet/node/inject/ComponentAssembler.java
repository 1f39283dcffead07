package org.ringlet.node.inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.ComponentFactory;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.NodeContext;
import org.ringlet.api.RegisteredComponent;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.error.RingletException;
import org.ringlet.node.config.ComponentConfigs;
import org.ringlet.node.plugin.DefaultComponentRegistry;

import static java.util.Objects.requireNonNull;

/**
 * Creates a node component from the factory a configuration key names: resolves the name through the registry,
 * picks the factory from the feature module's {@code MapBinder} map, checks the services the factory requires, and
 * creates the component with its {@link ComponentConfig}. Every failure is a {@link ConfigurationException} that
 * names the configuration key, the value and what is allowed.
 *
 * <p>Thread-safe.
 */
final class ComponentAssembler {
    private final DefaultComponentRegistry registry;
    private final ComponentConfigs configs;
    private final NodeContext context;
    private final AssemblyLog log;

    @Inject
    ComponentAssembler(DefaultComponentRegistry registry, ComponentConfigs configs, NodeContext context,
                       AssemblyLog log) {
        this.registry = requireNonNull(registry, "registry is null");
        this.configs = requireNonNull(configs, "configs is null");
        this.context = requireNonNull(context, "context is null");
        this.log = requireNonNull(log, "log is null");
    }

    /**
     * @param kind       the kind being assembled
     * @param type       its factory interface
     * @param factories  the feature module's factories by canonical name
     * @param configured the configured name, alias or class name
     * @param key        the configuration key it came from, for messages
     */
    <T, F extends ComponentFactory<T>> T create(ComponentKind kind, Class<F> type, Map<String, F> factories,
                                                String configured, String key) {
        RegisteredComponent chosen;
        try {
            chosen = registry.resolveRegistered(type, configured);
        } catch (ConfigurationException e) {
            throw new ConfigurationException("Invalid value '" + configured + "' for " + key + ": "
                    + e.getMessage(), e);
        }
        return create(kind, factories, chosen, "'" + configured + "' (" + key + ")");
    }

    /**
     * Resolves a configured name to its registered factory, without creating anything: for components the node
     * creates only when it starts, so that a wrong name still stops the node before anything starts.
     *
     * @throws ConfigurationException naming the key and the value
     */
    <F extends ComponentFactory<?>> RegisteredComponent resolve(Class<F> type, String configured, String key) {
        try {
            return registry.resolveRegistered(type, configured);
        } catch (ConfigurationException e) {
            throw new ConfigurationException("Invalid value '" + configured + "' for " + key + ": "
                    + e.getMessage(), e);
        }
    }

    /** Creates a component from a factory {@link #resolve} chose. */
    <T, F extends ComponentFactory<T>> T create(ComponentKind kind, Map<String, F> factories,
                                                RegisteredComponent chosen, String configured, String key) {
        return create(kind, factories, chosen, "'" + configured + "' (" + key + ")");
    }

    /**
     * Creates the component of a kind whose configuration key was left unset: the first of {@code candidates} (names
     * tried in order) that is registered.
     *
     * @throws ConfigurationException when none is, listing what is installed
     */
    <T, F extends ComponentFactory<T>> T createDefault(ComponentKind kind, Class<F> type, Map<String, F> factories,
                                                       String key, String... candidates) {
        for (String candidate : candidates) {
            Optional<RegisteredComponent> found = registry.findRegistered(type, candidate);
            if (found.isPresent()) {
                return create(kind, factories, found.get(), "(chosen for " + key + " from '" + candidate + "')");
            }
        }
        List<String> names = new ArrayList<>();
        registry.registered(type).forEach(c -> names.add(c.factory().name()));
        throw new ConfigurationException(key + " is not set and no " + kind.label() + " component answers to "
                + String.join(" or ", new java.util.LinkedHashSet<>(List.of(candidates)).stream()
                .map(c -> "'" + c + "'").toList()) + "; set " + key
                + " to one of: " + (names.isEmpty() ? "(none installed)" : String.join(", ", names)));
    }

    private <T, F extends ComponentFactory<T>> T create(ComponentKind kind, Map<String, F> factories,
                                                        RegisteredComponent chosen, String what) {
        String name = chosen.factory().name();
        F factory = factories.get(name);
        if (factory == null || factory != chosen.factory()) {
            throw new IllegalStateException("the " + kind.label() + " factory '" + name + "' is in the registry but "
                    + "not bound in the injector");
        }
        for (Class<?> required : factory.requiredServices()) {
            if (context.find(required).isEmpty()) {
                throw new ConfigurationException("The " + kind.label() + " '" + name + "' " + what + " needs the "
                        + "node service " + required.getName() + ", which this node does not provide");
            }
        }
        ComponentConfig config = configs.forKind(kind);
        T component;
        try {
            component = requireNonNull(factory.create(config, context), "factory returned null");
        } catch (RingletException e) {
            throw new ConfigurationException("Cannot create the " + kind.label() + " '" + name + "' " + what + " from "
                    + chosen.origin() + ": " + e.getMessage(), e);
        }
        log.record(kind, chosen, config, component);
        return component;
    }
}
