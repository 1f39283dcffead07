package org.ringlet.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.Service;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.locator.Location;
import org.ringlet.api.locator.LocationProvider;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.runtime.Scheduler;
import org.ringlet.api.testing.DeterministicScheduler;
import org.ringlet.api.testing.SeededRandomSource;
import org.ringlet.node.inject.AssemblyLog;
import org.ringlet.node.inject.NodeAssembly;
import org.ringlet.node.inject.ReplicationStrategies;
import org.ringlet.node.lifecycle.LifecycleState;
import org.ringlet.node.runtime.ThreadPoolScheduler;
import org.ringlet.node.testing.TestPartitionerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeTest {
    /** The test components (with the real query stack on an in-memory engine); the real ones: NodeStackTest. */
    static final Map<String, String> TEST_COMPONENTS = Map.of("partitioner", "TestPartitioner",
            "endpoint_snitch", "test-snitch", "node_proximity", "test-proximity", "storage_engine", "test-memory");
    /** Free ports for whatever a started node listens on (never the fixed defaults in tests). */
    static final Map<String, String> TEST_PORTS = Map.of("jmx_port", "0", "native_transport_port", "0",
            "storage_port", "0");

    @TempDir
    Path dir;

    private Node.Builder builder() {
        return Node.builder().workingDirectory(dir).dataDirectory(Path.of("data")).setAll(TEST_COMPONENTS)
                .setAll(TEST_PORTS);
    }

    @Test
    void assemblesStartsAndStopsWithServicesInDependencyOrder() {
        Node node = builder().environment(Map.of("CASSANDRA_DC", "dc7")).build();
        assertEquals(LifecycleState.LATENT, node.state());
        List<ComponentKind> kinds = node.assembled().stream().map(AssemblyLog.Entry::kind).toList();
        assertEquals(List.of(ComponentKind.PARTITIONER, ComponentKind.LOCATION_PROVIDER, ComponentKind.NODE_PROXIMITY,
                ComponentKind.STORAGE_ENGINE, ComponentKind.SCHEMA_MANAGER), kinds.stream().sorted().toList(),
                "what exists before the node starts");
        assertInstanceOf(TestPartitionerFactory.HashPartitioner.class, node.instance(Partitioner.class));
        assertEquals(new Location("dc7", "rack1"), node.instance(LocationProvider.class).local(),
                "CASSANDRA_DC reached the snitch through its ComponentConfig");
        assertEquals("built-in", node.assembled().get(0).origin());

        node.start();
        assertEquals(LifecycleState.STARTED, node.state());
        assertEquals(List.of(ComponentKind.TOPOLOGY, ComponentKind.COORDINATOR, ComponentKind.QUERY_HANDLER,
                ComponentKind.TRANSPORT), node.assembled().stream().map(AssemblyLog.Entry::kind).skip(5).toList(),
                "created while starting, in the order of ADR 0041");
        assertTrue(node.nativeAddress().isPresent(), "CQL clients are served");
        assertTrue(Files.exists(dir.resolve("data").resolve(DataDirectoryLock.LOCK_FILE)));
        ThreadPoolScheduler scheduler = (ThreadPoolScheduler) node.instance(Scheduler.class);
        assertTrue(node.instance(NodeAssembly.class).describe().stream()
                .anyMatch(l -> l.contains("snitch: test-snitch [built-in]") && l.contains("dc7/rack1")));
        node.stop();
        assertEquals(LifecycleState.STOPPED, node.state());
        assertTrue(node.nativeAddress().isEmpty());
        assertTrue(node.service(org.ringlet.api.query.QueryHandler.class).isEmpty(), "withdrawn when stopped");
        assertTrue(scheduler.isStopped(), "the node stops the scheduler it owns");
        node.stop();
    }

    @Test
    void theSchedulerStartsFirstAndTheAssemblyLast() {
        Node node = builder().build();
        node.start();
        try {
            List<Service> services = node.instance(org.ringlet.node.lifecycle.LifecycleManager.class).services();
            assertInstanceOf(ThreadPoolScheduler.class, services.get(0));
            assertInstanceOf(NodeAssembly.class, services.get(services.size() - 1));
        } finally {
            node.stop();
        }
    }

    @Test
    void anUnknownComponentNameStopsTheBuildAndListsTheKnownNames() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> builder().set("partitioner", "NoSuchPartitioner").build());
        assertTrue(e.getMessage().startsWith("Invalid value 'NoSuchPartitioner' for partitioner: Unknown "
                + "partitioner 'NoSuchPartitioner'; known: "), e.getMessage());
        assertTrue(e.getMessage().contains("test-partitioner (TestPartitioner)"), e.getMessage());

        ConfigurationException snitch = assertThrows(ConfigurationException.class,
                () -> builder().set("endpoint_snitch", "Ec2Snitch").build());
        assertTrue(snitch.getMessage().contains("for endpoint_snitch: Unknown snitch 'Ec2Snitch'"), snitch.getMessage());
    }

    @Test
    void aBadValueStopsTheBuild() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> builder().set("commitlog_sync_period", "ten").build());
        assertEquals("Invalid value 'ten' for commitlog_sync_period (--commitlog-sync-period): expected a duration "
                + "with a unit, such as 10000ms, 10s or 2m (units: d, h, m, s, ms, us, ns)", e.getMessage());
    }

    @Test
    void twoNodesCannotShareADataDirectory() {
        Node first = builder().build();
        Node second = builder().set("listen_address", "127.0.0.2").build();
        first.start();
        try {
            ConfigurationException e = assertThrows(ConfigurationException.class, second::start);
            assertTrue(e.getMessage().contains("is in use by another Ringlet node"), e.getMessage());
        } finally {
            first.stop();
        }
        second.start();
        second.stop();
    }

    @Test
    void aPluginStrategyIsAvailableToKeyspaces() throws Exception {
        ExamplePlugin.install(dir.resolve("plugins"));
        Node node = builder().pluginsDirectory(Path.of("plugins")).build();
        ReplicationStrategies strategies = node.instance(ReplicationStrategies.class);
        assertEquals(List.of("pinned-racks", "test-clockwise"), strategies.names().stream()
                .filter(n -> n.startsWith("pinned") || n.startsWith("test")).toList());
        ReplicationStrategy s = strategies.create("ks", Map.of("class", "org.example.pinnedracks.PinnedRacksStrategy",
                "racks", "rack1", "replication_factor", "2"));
        assertEquals(2, s.replicationFactor());
        assertTrue(assertThrows(ConfigurationException.class, () -> strategies.create("ks",
                Map.of("class", "NoSuchStrategy"))).getMessage()
                .startsWith("Unable to find replication strategy class 'NoSuchStrategy'"));
        node.start();
        node.stop();
    }

    @Test
    void aProvidedRuntimeIsUsedButNotOwned() {
        DeterministicScheduler scheduler = new DeterministicScheduler();
        Node node = builder().runtime(scheduler.clock(), scheduler, new SeededRandomSource(1)).build();
        assertSame(scheduler, node.instance(Scheduler.class));
        node.start();
        node.stop();
        assertTrue(!scheduler.isShutdown(), "the caller owns the scheduler");
        scheduler.schedule(() -> { }, Duration.ofSeconds(1));
        assertEquals(1, scheduler.pendingTasks());
    }

    @Test
    void withoutNodeProximityTheOneAnsweringToTheSnitchIsUsed() {
        Node simple = Node.builder().workingDirectory(dir).dataDirectory(Path.of("data")).setAll(TEST_PORTS)
                .set("endpoint_snitch", "SimpleSnitch").build();
        assertEquals("ring-order", proximityOf(simple), "SimpleSnitch keeps the ring order");
        Node other = Node.builder().workingDirectory(dir).dataDirectory(Path.of("data")).setAll(TEST_PORTS)
                .set("endpoint_snitch", "test-snitch").build();
        assertEquals("location-aware", proximityOf(other), "a snitch without its own proximity gets the default");
    }

    @Test
    void theDefaultsAssembleTheRealComponents() {
        Node node = Node.builder().workingDirectory(dir).dataDirectory(Path.of("data")).setAll(TEST_PORTS).build();
        Map<ComponentKind, String> names = new java.util.EnumMap<>(ComponentKind.class);
        node.assembled().forEach(e -> names.put(e.kind(), e.name()));
        assertEquals(List.of("everywhere", "local", "network-topology", "simple", "test-clockwise"),
                node.instance(ReplicationStrategies.class).names());
        node.start();
        try {
            node.assembled().forEach(e -> names.put(e.kind(), e.name()));
            Map<ComponentKind, String> expected = new java.util.EnumMap<>(ComponentKind.class);
            expected.putAll(Map.of(ComponentKind.PARTITIONER, "murmur3", ComponentKind.LOCATION_PROVIDER, "simple",
                    ComponentKind.NODE_PROXIMITY, "ring-order", ComponentKind.STORAGE_ENGINE, "lsm",
                    ComponentKind.SCHEMA_MANAGER, "cql", ComponentKind.TOPOLOGY, "local",
                    ComponentKind.COORDINATOR, "default", ComponentKind.QUERY_HANDLER, "cql",
                    ComponentKind.TRANSPORT, "native"));
            assertEquals(expected, names);
        } finally {
            node.stop();
        }
    }

    private static String proximityOf(Node node) {
        return node.assembled().stream().filter(e -> e.kind() == ComponentKind.NODE_PROXIMITY).findFirst()
                .orElseThrow().name();
    }
}
