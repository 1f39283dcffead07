package org.ringlet.node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import org.ringlet.api.ComponentRegistry;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.runtime.Scheduler;
import org.ringlet.node.config.CassandraKeys;
import org.ringlet.node.config.ConfigInput;
import org.ringlet.node.config.ConfigLoader;
import org.ringlet.node.config.LoadedConfig;
import org.ringlet.node.config.NodeConfig;
import org.ringlet.node.inject.AssemblyLog;
import org.ringlet.node.inject.AssemblyModule;
import org.ringlet.node.inject.ClusterModule;
import org.ringlet.node.inject.ConfigModule;
import org.ringlet.node.inject.LifecycleModule;
import org.ringlet.node.inject.LocationModule;
import org.ringlet.node.inject.ProvidedRuntimeModule;
import org.ringlet.node.inject.QueryModule;
import org.ringlet.node.inject.RegistryModule;
import org.ringlet.node.inject.ReplicationModule;
import org.ringlet.node.inject.RingModule;
import org.ringlet.node.inject.StorageModule;
import org.ringlet.node.inject.SystemRuntimeModule;
import org.ringlet.node.inject.TransportModule;
import org.ringlet.node.inject.TransportStage;
import org.ringlet.node.lifecycle.LifecycleManager;
import org.ringlet.node.lifecycle.LifecycleState;
import org.ringlet.node.management.ManagementModule;
import org.ringlet.node.management.ManagementServer;
import org.ringlet.node.plugin.ComponentDiscovery;
import org.ringlet.node.plugin.DefaultComponentRegistry;
import org.ringlet.node.plugin.DiscoveredComponents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * One Ringlet node, usable in-process: {@link #builder()} loads the configuration, discovers the components and
 * assembles them (any configuration or assembly error surfaces here, before anything starts); {@link #start()}
 * starts the services in dependency order; {@link #stop()} stops them in reverse. Several nodes can live in one
 * JVM and one class loader, each with its own data directory and address: nothing here is static or global.
 *
 * <p>Thread-safe.
 */
public final class Node implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private final LoadedConfig loaded;
    private final DefaultComponentRegistry registry;
    private final DiscoveredComponents discovered;
    private final LifecycleManager lifecycle;
    private final AssemblyLog assembly;
    private final Injector injector;
    private DataDirectoryLock lock;

    private Node(LoadedConfig loaded, DefaultComponentRegistry registry, DiscoveredComponents discovered,
                 LifecycleManager lifecycle, AssemblyLog assembly, Injector injector) {
        this.loaded = loaded;
        this.registry = registry;
        this.discovered = discovered;
        this.lifecycle = lifecycle;
        this.assembly = assembly;
        this.injector = injector;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The typed configuration. */
    public NodeConfig config() {
        return loaded.config();
    }

    /** The configuration with the source of every value, and the warnings it produced. */
    public LoadedConfig loadedConfig() {
        return loaded;
    }

    /** The components this node discovered. */
    public ComponentRegistry components() {
        return registry;
    }

    /** What the node assembled, in creation order. */
    public List<AssemblyLog.Entry> assembled() {
        return assembly.entries();
    }

    /** The node's bound instance of {@code type}, e.g. its {@code Partitioner}; for tests and tools. */
    public <T> T instance(Class<T> type) {
        return injector.getInstance(type);
    }

    /**
     * A node service: one bound when the node was assembled (its {@code StorageEngine}, {@code SchemaService},
     * {@code Partitioner}, …) or one it created while starting ({@code TopologyService}, {@code Coordinator},
     * {@code QueryHandler}, {@code Transport}); empty when the node has none (yet).
     */
    public <T> Optional<T> service(Class<T> type) {
        return instance(org.ringlet.api.NodeContext.class).find(type);
    }

    /** Where CQL clients connect while the node serves them; empty before start, after stop, and when disabled. */
    public Optional<java.net.InetSocketAddress> nativeAddress() {
        return injector.getInstance(TransportStage.class).boundAddress();
    }

    /** Drains the node as {@code nodetool drain} does: stops serving clients, then flushes every memtable. */
    public void drain() throws IOException, InterruptedException, java.util.concurrent.ExecutionException {
        injector.getInstance(org.ringlet.node.management.StorageServiceBean.class).drain();
    }

    public LifecycleState state() {
        return lifecycle.state();
    }

    /** The port nodetool connects to (JMX, {@code jmx_port}); -1 while the node is not started. */
    public int jmxPort() {
        return injector.getInstance(ManagementServer.class).port();
    }

    /**
     * Locks the data directory and starts every service.
     *
     * @throws ConfigurationException when the data directory is in use
     * @throws org.ringlet.node.lifecycle.LifecycleException when a service fails to start (the others are stopped)
     */
    public synchronized void start() {
        if (lifecycle.state() != LifecycleState.LATENT) {
            throw new IllegalStateException("node " + config().nodeName() + " cannot start: it is "
                    + lifecycle.state());
        }
        lock = DataDirectoryLock.acquire(config().dataDirectory());
        try {
            lifecycle.start();
        } catch (RuntimeException e) {
            releaseLock();
            discovered.close();
            throw e;
        }
        LOG.info("Node {} started ({} services, data in {})", config().nodeName(), lifecycle.services().size(),
                config().dataDirectory());
    }

    /**
     * Stops the started services in reverse order, closes the plugin class loaders and unlocks the data directory.
     * Does nothing when already stopped.
     */
    public synchronized void stop() {
        if (lifecycle.state() == LifecycleState.STOPPED) {
            return;
        }
        try {
            lifecycle.stop();
        } finally {
            discovered.close();
            releaseLock();
            LOG.info("Node {} stopped", config().nodeName());
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void releaseLock() {
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                LOG.warn("Could not release the lock of {}", config().dataDirectory(), e);
            }
            lock = null;
        }
    }

    @Override
    public String toString() {
        return "Node{" + config().nodeName() + ", " + lifecycle.state() + "}";
    }

    /** Builds a {@link Node}. Not thread-safe. */
    public static final class Builder {
        private Path dataDirectory;
        private Path configFile;
        private Path confDirectory;
        private Path pluginsDirectory;
        private Path workingDirectory;
        private Map<String, String> environment = Map.of();
        private final Map<String, String> settings = new LinkedHashMap<>();
        private ClassLoader classLoader = Node.class.getClassLoader();
        private ProvidedRuntimeModule runtime;
        private long maxHeapBytes = Runtime.getRuntime().maxMemory();
        private Runnable stopRequest;

        private Builder() {
        }

        /** The root of every directory the configuration leaves unset (required). */
        public Builder dataDirectory(Path dir) {
            this.dataDirectory = requireNonNull(dir, "dir is null");
            return this;
        }

        /** The configuration file (ringlet.yaml or a cassandra.yaml); none means defaults. */
        public Builder configFile(Path file) {
            this.configFile = requireNonNull(file, "file is null");
            return this;
        }

        /** Where the snitch's properties files are; defaults to the configuration file's directory. */
        public Builder confDirectory(Path dir) {
            this.confDirectory = requireNonNull(dir, "dir is null");
            return this;
        }

        /** The plugins directory ({@code plugins/<name>/*.jar}); none means no plugins. */
        public Builder pluginsDirectory(Path dir) {
            this.pluginsDirectory = requireNonNull(dir, "dir is null");
            return this;
        }

        /** What relative paths are resolved against; defaults to the process's working directory. */
        public Builder workingDirectory(Path dir) {
            this.workingDirectory = requireNonNull(dir, "dir is null");
            return this;
        }

        /** The environment variables to read (only the Cassandra Docker image's are used); default none. */
        public Builder environment(Map<String, String> env) {
            this.environment = Map.copyOf(requireNonNull(env, "env is null"));
            return this;
        }

        /**
         * Overrides a setting as a command-line flag would, e.g. {@code set("listen_address", "127.0.0.2")}.
         */
        public Builder set(String key, String value) {
            settings.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
            return this;
        }

        /** Overrides several settings. */
        public Builder setAll(Map<String, String> values) {
            values.forEach(this::set);
            return this;
        }

        /** The class loader built-in components are discovered in; defaults to this class's. */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = requireNonNull(loader, "loader is null");
            return this;
        }

        /**
         * Runs the node on the given clock, scheduler and random source (e.g. deterministic doubles) instead of
         * its own; the node does not start or stop them.
         */
        public Builder runtime(Clock clock, Scheduler scheduler, RandomSource random) {
            this.runtime = new ProvidedRuntimeModule(clock, scheduler, random);
            return this;
        }

        /**
         * What {@code nodetool stopdaemon} does; by default the node stops itself (the process that runs it decides
         * whether to exit).
         */
        public Builder onStopRequest(Runnable action) {
            this.stopRequest = requireNonNull(action, "action is null");
            return this;
        }

        /**
         * Loads the configuration, discovers the components and assembles the node.
         *
         * @throws ConfigurationException naming what is wrong: a key, a value, a component name or a plugin
         */
        public Node build() {
            requireNonNull(dataDirectory, "dataDirectory is not set");
            Path base = workingDirectory != null ? workingDirectory : Path.of("").toAbsolutePath();
            Path data = base.resolve(dataDirectory).normalize();
            Path conf = confDirectory != null ? base.resolve(confDirectory)
                    : configFile != null && base.resolve(configFile).getParent() != null
                    ? base.resolve(configFile).getParent() : base.resolve("conf");
            ConfigInput input = new ConfigInput(Optional.ofNullable(configFile).map(base::resolve), data, conf,
                    environment, settings, base, maxHeapBytes);
            LoadedConfig loaded = FreePorts.resolve(new ConfigLoader(CassandraKeys.load()).load(input));
            loaded.warnings().forEach(w -> LOG.warn("{}", w));

            DiscoveredComponents discovered = new ComponentDiscovery(classLoader)
                    .discover(Optional.ofNullable(pluginsDirectory).map(base::resolve));
            try {
                DefaultComponentRegistry registry = new DefaultComponentRegistry(discovered.registrations());
                LifecycleManager lifecycle = new LifecycleManager("node " + loaded.config().nodeName());
                AssemblyLog assembly = new AssemblyLog();
                Module runtimeModule = runtime != null ? runtime : new SystemRuntimeModule();
                java.util.concurrent.atomic.AtomicReference<Node> self = new java.util.concurrent.atomic.AtomicReference<>();
                Runnable stop = stopRequest != null ? stopRequest : () -> stopInBackground(self);
                Injector injector = Guice.createInjector(Stage.PRODUCTION,
                        new ConfigModule(loaded),
                        new RegistryModule(registry, assembly),
                        runtimeModule,
                        new LifecycleModule(lifecycle),
                        new RingModule(registry),
                        new LocationModule(registry),
                        new ReplicationModule(registry),
                        new StorageModule(registry),
                        new ManagementModule(stop),
                        new QueryModule(registry),
                        new ClusterModule(registry),
                        new TransportModule(registry),
                        new AssemblyModule());
                Node node = new Node(loaded, registry, discovered, lifecycle, assembly, injector);
                self.set(node);
                return node;
            } catch (CreationException e) {
                discovered.close();
                throw unwrap(e.getErrorMessages(), e);
            } catch (ProvisionException e) {
                discovered.close();
                throw unwrap(e.getErrorMessages(), e);
            } catch (RuntimeException e) {
                discovered.close();
                throw e;
            }
        }

        /** Stops the node's services from a thread of its own, so that the request asking for it can answer first. */
        private static void stopInBackground(java.util.concurrent.atomic.AtomicReference<Node> self) {
            Thread t = new Thread(() -> {
                try {
                    Node node = self.get();
                    if (node != null) {
                        node.stop();
                    }
                } catch (RuntimeException e) {
                    LOG.error("The node did not stop cleanly", e);
                }
            }, "ringlet-stop-request");
            t.setDaemon(true);
            t.start();
        }

        private static RuntimeException unwrap(Iterable<Message> messages, RuntimeException e) {
            List<RingletException> causes = new java.util.ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Message m : messages) {
                for (Throwable t = m.getCause(); t != null; t = t.getCause()) {
                    if (t instanceof RingletException re) {
                        if (seen.add(re.getMessage())) {
                            causes.add(re);
                        }
                        break;
                    }
                }
            }
            if (causes.size() == 1) {
                return causes.get(0);
            }
            if (causes.isEmpty()) {
                return new ConfigurationException("Cannot assemble the node: " + e.getMessage(), e);
            }
            List<String> lines = new java.util.ArrayList<>();
            causes.forEach(c -> lines.add(c.getMessage()));
            ConfigurationException all = new ConfigurationException("Cannot assemble the node:\n  - "
                    + String.join("\n  - ", lines), causes.get(0));
            causes.subList(1, causes.size()).forEach(all::addSuppressed);
            return all;
        }
    }
}
