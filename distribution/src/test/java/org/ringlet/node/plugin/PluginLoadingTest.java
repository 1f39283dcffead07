package org.ringlet.node.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.RegisteredComponent;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.locator.ReplicationStrategyFactory;
import org.ringlet.api.testing.TestNodeContext;
import org.ringlet.node.ExamplePlugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginLoadingTest {
    @TempDir
    Path plugins;

    private final ComponentDiscovery discovery = new ComponentDiscovery(getClass().getClassLoader());

    @Test
    void theExamplePluginIsDiscoveredWithItsDirectoryAsOrigin() throws Exception {
        Path dir = ExamplePlugin.install(plugins);
        try (DiscoveredComponents found = discovery.discover(Optional.of(plugins))) {
            DefaultComponentRegistry registry = new DefaultComponentRegistry(found.registrations());
            RegisteredComponent pinned = registry.resolveRegistered(ReplicationStrategyFactory.class,
                    "org.example.pinnedracks.PinnedRacksStrategy");
            assertEquals("pinned-racks", pinned.factory().name());
            assertEquals(dir.toString(), pinned.origin());
            assertEquals(1, found.pluginLoaders().size());
            assertSame(found.pluginLoaders().get(0), pinned.factory().getClass().getClassLoader());
            assertEquals(RegisteredComponent.BUILT_IN, registry.resolveRegistered(ReplicationStrategyFactory.class,
                    "test-clockwise").origin(), "built-in components are still there");

            ReplicationStrategy strategy = registry.resolve(ReplicationStrategyFactory.class, "pinned-racks").create(
                    new ComponentConfig("ks", Map.of("racks", "rack1", "replication_factor", "1")),
                    TestNodeContext.create());
            assertEquals(1, strategy.replicationFactor());
        }
    }

    @Test
    void thePluginIsIsolatedFromTheNodeButSharesTheApi() throws Exception {
        ExamplePlugin.install(plugins);
        try (DiscoveredComponents found = discovery.discover(Optional.of(plugins))) {
            PluginClassLoader loader = found.pluginLoaders().get(0);
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.ringlet.node.Node"));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.ringlet.node.plugin.PluginClassLoader"));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("com.google.inject.Injector"));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("ch.qos.logback.classic.Logger"));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.yaml.snakeyaml.Yaml"));
            assertSame(ReplicationStrategyFactory.class, loader.loadClass(ReplicationStrategyFactory.class.getName()));
            assertSame(org.slf4j.Logger.class, loader.loadClass("org.slf4j.Logger"));
            assertSame(String.class, loader.loadClass("java.lang.String"));
            Class<?> pluginClass = loader.loadClass("org.example.pinnedracks.PinnedRacksStrategy");
            assertSame(loader, pluginClass.getClassLoader());
            assertThrows(ClassNotFoundException.class,
                    () -> getClass().getClassLoader().loadClass("org.example.pinnedracks.PinnedRacksStrategy"),
                    "the plugin is not on the node's class path");
            assertSame(ClassLoader.getPlatformClassLoader(), loader.getParent());
        }
    }

    @Test
    void eachDiscoveryGetsItsOwnLoaderAndRestoresTheContextLoader() throws Exception {
        ExamplePlugin.install(plugins);
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (DiscoveredComponents a = discovery.discover(Optional.of(plugins));
             DiscoveredComponents b = discovery.discover(Optional.of(plugins))) {
            assertNotSame(a.pluginLoaders().get(0), b.pluginLoaders().get(0),
                    "two nodes in one JVM load a plugin separately");
        }
        assertSame(before, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void aPluginDirectoryWithoutFactoriesIsAnError() throws Exception {
        Path empty = Files.createDirectories(plugins.resolve("empty"));
        assertTrue(assertThrows(ConfigurationException.class, () -> discovery.discover(Optional.of(plugins)))
                .getMessage().contains("The plugin directory " + empty + " contains no jar files"));

        Files.delete(empty);
        Path noFactories = Files.createDirectories(plugins.resolve("no-factories"));
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(noFactories.resolve("lib.jar")))) {
            out.putNextEntry(new java.util.jar.JarEntry("README.txt"));
            out.write("nothing here".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        String message = assertThrows(ConfigurationException.class, () -> discovery.discover(Optional.of(plugins)))
                .getMessage();
        assertTrue(message.contains("contains no Ringlet component factories") && message.contains("lib.jar"),
                message);
    }

    @Test
    void aJarDirectlyInThePluginsDirectoryIsAnError() throws Exception {
        Files.copy(ExamplePlugin.install(plugins.resolve("staging")).resolve(ExamplePlugin.JAR_NAME),
                plugins.resolve("loose.jar"));
        Path staged = plugins.resolve("staging");
        try (var files = Files.walk(staged)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertTrue(assertThrows(ConfigurationException.class, () -> discovery.discover(Optional.of(plugins)))
                .getMessage().contains("must be in a directory of its own"));
    }

    @Test
    void aMissingPluginsDirectoryMeansNoPlugins() {
        try (DiscoveredComponents found = discovery.discover(Optional.of(plugins.resolve("absent")))) {
            assertEquals(List.of(), found.pluginLoaders());
            assertTrue(found.registrations().stream().allMatch(r -> r.component().origin().equals("built-in")));
        }
    }
}
