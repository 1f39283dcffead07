package org.ringlet.node.inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
     * Creates the one built-in component of a kind, for kinds whose configuration key was left unset.
     *
     * @throws ConfigurationException when there is no built-in component of the kind, or several
     */
    <T, F extends ComponentFactory<T>> T createDefault(ComponentKind kind, Class<F> type, Map<String, F> factories,
                                                       String key) {
        List<RegisteredComponent> builtIn = new ArrayList<>();
        for (RegisteredComponent c : registry.registered(type)) {
            if (RegisteredComponent.BUILT_IN.equals(c.origin())) {
                builtIn.add(c);
            }
        }
        if (builtIn.size() != 1) {
            List<String> names = new ArrayList<>();
            registry.registered(type).forEach(c -> names.add(c.factory().name()));
            throw new ConfigurationException(key + " is not set and " + (builtIn.isEmpty()
                    ? "no " + kind.label() + " component is built in" : builtIn.size() + " " + kind.label()
                    + " components are built in") + "; set " + key + " to one of: "
                    + (names.isEmpty() ? "(none installed)" : String.join(", ", names)));
        }
        return create(kind, factories, builtIn.get(0), "(default for " + key + ")");
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
