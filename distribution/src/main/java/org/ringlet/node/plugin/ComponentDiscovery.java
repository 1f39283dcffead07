package org.ringlet.node.plugin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.ringlet.api.ComponentFactory;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.RegisteredComponent;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.node.plugin.DiscoveredComponents.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Finds component factories with {@link ServiceLoader}: first on the node's own class path (origin
 * {@value RegisteredComponent#BUILT_IN}), then in each {@code <plugins>/<name>/} directory, in name order, each with
 * its own {@link PluginClassLoader} over the directory's jars in name order. Every registration is logged. A plugin
 * directory without jars or without factories is an error, as is a jar lying directly in the plugins directory.
 *
 * <p>The factory interfaces searched are those of {@link ComponentKind} whose interface exists in this build; the
 * interface names are constants of core-api, never user input.
 */
public final class ComponentDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(ComponentDiscovery.class);

    private final ClassLoader nodeLoader;

    /**
     * @param nodeLoader the node's class loader: where built-in factories are found and what plugins share the
     *                   contract packages with
     */
    public ComponentDiscovery(ClassLoader nodeLoader) {
        this.nodeLoader = requireNonNull(nodeLoader, "nodeLoader is null");
    }

    /**
     * @param pluginsDirectory the plugins directory, if any; a missing directory means no plugins
     * @throws ConfigurationException naming the plugin directory or factory that is wrong
     */
    public DiscoveredComponents discover(Optional<Path> pluginsDirectory) {
        List<Class<?>> types = factoryTypes();
        List<Registration> registrations = new ArrayList<>();
        for (Class<?> type : types) {
            load(type, nodeLoader, RegisteredComponent.BUILT_IN, registrations);
        }
        List<PluginClassLoader> loaders = new ArrayList<>();
        try {
            if (pluginsDirectory.isPresent()) {
                discoverPlugins(pluginsDirectory.get(), types, registrations, loaders);
            }
        } catch (RuntimeException e) {
            new DiscoveredComponents(List.of(), loaders).close();
            throw e;
        }
        return new DiscoveredComponents(registrations, loaders);
    }

    /** The factory interfaces of every {@link ComponentKind} present in this build. */
    List<Class<?>> factoryTypes() {
        List<Class<?>> types = new ArrayList<>();
        for (ComponentKind kind : ComponentKind.values()) {
            try {
                types.add(Class.forName(kind.factoryInterface(), false, nodeLoader));
            } catch (ClassNotFoundException e) {
                LOG.debug("No {} components in this build: {} does not exist yet", kind.label(),
                        kind.factoryInterface());
            }
        }
        return types;
    }

    private void discoverPlugins(Path root, List<Class<?>> types, List<Registration> registrations,
                                 List<PluginClassLoader> loaders) {
        if (!Files.exists(root)) {
            LOG.info("No plugins directory at {}", root);
            return;
        }
        if (!Files.isDirectory(root)) {
            throw new ConfigurationException("The plugins directory " + root + " is not a directory");
        }
        for (Path entry : sortedEntries(root)) {
            if (Files.isDirectory(entry)) {
                loaders.add(loadPlugin(entry, types, registrations));
            } else if (entry.getFileName().toString().endsWith(".jar")) {
                throw new ConfigurationException("The plugin jar " + entry + " must be in a directory of its own: "
                        + "move it to " + root.resolve("<plugin-name>").resolve(entry.getFileName()));
            } else {
                LOG.debug("Ignoring {}: plugins are directories", entry);
            }
        }
    }

    private PluginClassLoader loadPlugin(Path directory, List<Class<?>> types, List<Registration> registrations) {
        List<Path> jars = sortedEntries(directory).stream()
                .filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar"))
                .toList();
        if (jars.isEmpty()) {
            throw new ConfigurationException("The plugin directory " + directory + " contains no jar files");
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < jars.size(); i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new ConfigurationException("Cannot use the plugin jar " + jars.get(i) + ": " + e, e);
            }
        }
        PluginClassLoader loader = new PluginClassLoader(directory, urls, nodeLoader);
        int before = registrations.size();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            for (Class<?> type : types) {
                load(type, loader, directory.toString(), registrations);
            }
        } catch (RuntimeException | LinkageError e) {
            closeQuietly(loader);
            if (e instanceof ConfigurationException ce) {
                throw ce;
            }
            throw new ConfigurationException("Cannot load plugin " + directory + ": " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        if (registrations.size() == before) {
            closeQuietly(loader);
            throw new ConfigurationException("The plugin directory " + directory + " contains no Ringlet component "
                    + "factories: none of its jars " + jarNames(jars) + " registers one under META-INF/services/"
                    + "<factory interface>, e.g. META-INF/services/org.ringlet.api.locator.ReplicationStrategyFactory");
        }
        return loader;
    }

    private static void load(Class<?> type, ClassLoader loader, String origin, List<Registration> registrations) {
        try {
            for (Object provider : ServiceLoader.load(type, loader)) {
                if (loader != provider.getClass().getClassLoader() && !RegisteredComponent.BUILT_IN.equals(origin)) {
                    continue; // found through a parent: not this plugin's
                }
                ComponentFactory<?> factory = (ComponentFactory<?>) provider;
                registrations.add(new Registration(type, new RegisteredComponent(factory, origin)));
                LOG.info("Registered {} '{}'{} from {} ({})", factory.kind().label(), factory.name(),
                        factory.aliases().isEmpty() ? "" : " (aliases " + String.join(", ", factory.aliases()) + ")",
                        origin, factory.getClass().getName());
            }
        } catch (ServiceConfigurationError e) {
            throw new ConfigurationException("Cannot load a " + type.getSimpleName() + " from " + origin + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<Path> sortedEntries(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new ConfigurationException("Cannot list " + directory + ": " + e, e);
        }
    }

    private static String jarNames(List<Path> jars) {
        List<String> names = new ArrayList<>();
        jars.forEach(j -> names.add(j.getFileName().toString()));
        return String.join(", ", names);
    }

    private static void closeQuietly(PluginClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.warn("Could not close the class loader of {}", loader.directory(), e);
        }
    }
}
