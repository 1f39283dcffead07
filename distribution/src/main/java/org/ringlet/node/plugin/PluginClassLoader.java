package org.ringlet.node.plugin;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * The class loader of one plugin directory. Its parent is the platform class loader, so a plugin sees the JDK and
 * its own jars but not the node's libraries (Guice, logback, Netty …) or other plugins. Only the shared contract
 * packages, {@code org.ringlet.api.} and {@code org.slf4j.}, are loaded from the node, so that the plugin's
 * factories implement the node's interfaces and log into the node's logging backend.
 *
 * <p>Thread-safe (registered as parallel capable).
 */
public final class PluginClassLoader extends URLClassLoader {
    private static final String API_PREFIX = "org.ringlet.api.";
    private static final String SLF4J_PREFIX = "org.slf4j.";

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final ClassLoader nodeLoader;
    private final Path directory;

    /**
     * @param directory  the plugin directory, for messages
     * @param jars       the plugin's jars, in the order they are searched
     * @param nodeLoader the node's class loader, which the shared packages are loaded from
     */
    public PluginClassLoader(Path directory, URL[] jars, ClassLoader nodeLoader) {
        super("plugin:" + directory.getFileName(), jars, ClassLoader.getPlatformClassLoader());
        this.directory = requireNonNull(directory, "directory is null");
        this.nodeLoader = requireNonNull(nodeLoader, "nodeLoader is null");
    }

    /** The plugin directory. */
    public Path directory() {
        return directory;
    }

    /** Whether classes of this name come from the node rather than from the plugin. */
    public static boolean isShared(String className) {
        return className.startsWith(API_PREFIX) || className.startsWith(SLF4J_PREFIX);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name)) {
            return nodeLoader.loadClass(name);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                try {
                    c = getParent().loadClass(name);
                } catch (ClassNotFoundException e) {
                    c = findClass(name);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public String toString() {
        return "PluginClassLoader{" + directory + "}";
    }
}
