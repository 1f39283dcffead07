package org.ringlet.node.plugin;

import java.io.IOException;
import java.util.List;

import org.ringlet.api.RegisteredComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * What discovery found: the components, in discovery order, and the plugin class loaders, which are closed
 * together with this object when the node is done with them.
 */
public final class DiscoveredComponents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscoveredComponents.class);

    private final List<Registration> registrations;
    private final List<PluginClassLoader> loaders;

    DiscoveredComponents(List<Registration> registrations, List<PluginClassLoader> loaders) {
        this.registrations = List.copyOf(registrations);
        this.loaders = List.copyOf(loaders);
    }

    /** Every component, with the factory interface it was found under. */
    public List<Registration> registrations() {
        return registrations;
    }

    /** The plugin class loaders, one per plugin directory. */
    public List<PluginClassLoader> pluginLoaders() {
        return loaders;
    }

    /** Closes the plugin class loaders; classes already loaded keep working. */
    @Override
    public void close() {
        for (PluginClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.warn("Could not close the class loader of plugin {}", loader.directory(), e);
            }
        }
    }

    /**
     * One discovered factory.
     *
     * @param factoryType the factory interface it was found under
     * @param component   the factory and its origin
     */
    public record Registration(Class<?> factoryType, RegisteredComponent component) {
        public Registration {
            requireNonNull(factoryType, "factoryType is null");
            requireNonNull(component, "component is null");
        }
    }
}
