package org.ringlet.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.ringlet.api.RegisteredComponent;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.error.RingletException;
import org.ringlet.node.config.CassandraKeys;
import org.ringlet.node.config.ConfigInput;
import org.ringlet.node.config.ConfigLoader;
import org.ringlet.node.config.ConfigValue;
import org.ringlet.node.config.LoadedConfig;
import org.ringlet.node.plugin.ComponentDiscovery;
import org.ringlet.node.plugin.DefaultComponentRegistry;
import org.ringlet.node.plugin.DiscoveredComponents;
import org.ringlet.tools.Console;
import org.ringlet.tools.TextTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line behind the {@code ringlet} launcher: {@code start} runs a node until the process is told to
 * stop (SIGTERM runs a shutdown hook that stops the node cleanly); {@code components} and {@code config} print
 * what the node would use. Exit codes: 0 success, 1 a failure while running, 2 a configuration or usage error.
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    static final int EXIT_FAILURE = 1;
    static final int EXIT_CONFIGURATION = 2;

    private Main() {
    }

    public static void main(String[] args) {
        Console console = Console.system();
        Map<String, String> env = System.getenv();
        Path cwd = Path.of("").toAbsolutePath();
        CommandLine cl;
        try {
            cl = CommandLine.parse(List.of(args));
        } catch (ConfigurationException e) {
            console.err().println("ringlet: " + e.getMessage());
            System.exit(EXIT_CONFIGURATION);
            return;
        }
        int code = cl.command().equals("start") ? start(cl, env, cwd, console) : run(cl, env, cwd, console);
        if (code != 0 || !cl.command().equals("start")) {
            System.exit(code);
        }
    }

    /** Runs {@code components}, {@code config} or {@code help}; returns the exit code. */
    static int run(CommandLine cl, Map<String, String> env, Path cwd, Console console) {
        try {
            switch (cl.command()) {
                case "components" -> printComponents(cl, cwd, console);
                case "config" -> printConfig(cl, env, cwd, console);
                case "help" -> console.out().println(CommandLine.usage());
                default -> throw new IllegalArgumentException("not a printing command: " + cl.command());
            }
            return 0;
        } catch (RingletException e) {
            console.err().println("ringlet: " + e.getMessage());
            return EXIT_CONFIGURATION;
        }
    }

    /**
     * Builds and starts a node, writes its status file, and waits until the JVM shuts down. Returns only when the
     * node could not start (with the exit code) or after a shutdown stopped it (with 0).
     */
    static int start(CommandLine cl, Map<String, String> env, Path cwd, Console console) {
        Node node;
        try {
            node = builder(cl, env, cwd).build();
        } catch (RingletException e) {
            LOG.error("Cannot start: {}", e.getMessage());
            console.err().println("ringlet: cannot start: " + e.getMessage());
            return EXIT_CONFIGURATION;
        }
        Path statusFile = cl.statusFile().orElse(node.config().dataDirectory().resolve(StatusFile.DEFAULT_NAME));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                LOG.info("Shutting down");
                node.stop();
            } catch (RuntimeException e) {
                LOG.error("The node did not stop cleanly", e);
            } finally {
                deleteQuietly(statusFile);
                stopped.countDown();
            }
        }, "ringlet-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            node.start();
            StatusFile.write(statusFile, node.config(), ProcessHandle.current().pid(), node.nativeAddress(),
                    node.jmxPort());
        } catch (RuntimeException | IOException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            node.stop();
            deleteQuietly(statusFile);
            LOG.error("Cannot start", e);
            console.err().println("ringlet: cannot start: " + e.getMessage());
            return e instanceof ConfigurationException ? EXIT_CONFIGURATION : EXIT_FAILURE;
        }
        LOG.info("Ringlet node {} is up (status in {})", node.config().nodeName(), statusFile);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** nodetool stopdaemon: exit (the shutdown hook stops the node) once the request has been answered. */
    private static void exitSoon() {
        Thread t = new Thread(() -> System.exit(0), "ringlet-stopdaemon");
        t.setDaemon(true);
        t.start();
    }

    static Node.Builder builder(CommandLine cl, Map<String, String> env, Path cwd) {
        Node.Builder b = Node.builder()
                .workingDirectory(cwd)
                .dataDirectory(cl.data().orElse(Path.of("data")))
                .pluginsDirectory(cl.plugins().orElse(Path.of("plugins")))
                .environment(env)
                .setAll(cl.settings())
                .onStopRequest(Main::exitSoon);
        cl.config().ifPresent(b::configFile);
        cl.confDir().ifPresent(b::confDirectory);
        return b;
    }

    private static void printComponents(CommandLine cl, Path cwd, Console console) {
        Path plugins = cwd.resolve(cl.plugins().orElse(Path.of("plugins")));
        try (DiscoveredComponents discovered = new ComponentDiscovery(Main.class.getClassLoader())
                .discover(java.util.Optional.of(plugins))) {
            DefaultComponentRegistry registry = new DefaultComponentRegistry(discovered.registrations());
            TextTable table = new TextTable(List.of("KIND", "NAME", "ALIASES", "ORIGIN"));
            for (RegisteredComponent c : registry.components()) {
                List<String> aliases = new ArrayList<>(c.factory().aliases());
                aliases.sort(null);
                table.addRow(List.of(c.factory().kind().label(), c.factory().name(), String.join(", ", aliases),
                        displayOrigin(c.origin(), cwd)));
            }
            console.out().print(table.render());
            if (table.rowCount() == 0) {
                console.out().println("(no components found)");
            }
        }
    }

    private static String displayOrigin(String origin, Path cwd) {
        if (RegisteredComponent.BUILT_IN.equals(origin)) {
            return origin;
        }
        Path p = Path.of(origin);
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : origin;
    }

    private static void printConfig(CommandLine cl, Map<String, String> env, Path cwd, Console console) {
        Path data = cwd.resolve(cl.data().orElse(Path.of("data"))).normalize();
        Path confDir = cl.confDir().map(cwd::resolve).orElseGet(() -> cl.config().map(cwd::resolve)
                .map(Path::getParent).orElse(cwd.resolve("conf")));
        LoadedConfig loaded = new ConfigLoader(CassandraKeys.load()).load(new ConfigInput(
                cl.config().map(cwd::resolve), data, confDir, env, cl.settings(), cwd,
                Runtime.getRuntime().maxMemory()));
        console.out().println("Configuration file: " + loaded.file().map(Path::toString).orElse("(none)"));
        TextTable table = new TextTable(List.of("KEY", "VALUE", "SOURCE", "DETAIL"));
        for (ConfigValue v : loaded.values()) {
            table.addRow(List.of(v.key(), v.value().isEmpty() ? "-" : v.value(), v.source().label(), v.origin()));
        }
        console.out().print(table.render());
        if (!loaded.warnings().isEmpty()) {
            console.out().println();
            console.out().println("Warnings:");
            loaded.warnings().forEach(w -> console.out().println("  " + w));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", file, e);
        }
    }
}
