package org.ringlet.node.plugin;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.RegisteredComponent;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.locator.LocationProviderFactory;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.PartitionerFactory;
import org.ringlet.node.plugin.DiscoveredComponents.Registration;
import org.ringlet.node.testing.TestPartitionerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefaultComponentRegistryTest {
    private final TestPartitionerFactory partitioner = new TestPartitionerFactory();

    private static Registration reg(PartitionerFactory f, String origin) {
        return new Registration(PartitionerFactory.class, new RegisteredComponent(f, origin));
    }

    @Test
    void resolvesNamesAliasesAndCassandraClassNamesCaseInsensitively() {
        DefaultComponentRegistry registry = new DefaultComponentRegistry(List.of(reg(partitioner, "built-in")));
        for (String name : List.of("test-partitioner", "TEST-PARTITIONER", "TestPartitioner", "testpartitioner",
                "org.ringlet.test.TestPartitioner", "org.apache.cassandra.dht.TestPartitioner",
                " TestPartitioner ")) {
            assertSame(partitioner, registry.resolve(PartitionerFactory.class, name), name);
        }
        assertEquals(Optional.empty(), registry.find(PartitionerFactory.class, "com.acme.TestPartitioner"),
                "only org.apache.cassandra class names fall back to their simple name");
        assertEquals(Optional.empty(), registry.find(LocationProviderFactory.class, "test-partitioner"),
                "names are per kind");
        assertEquals("org.apache.cassandra.dht.TestPartitioner", registry.displayClassName(partitioner));
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        DefaultComponentRegistry registry = new DefaultComponentRegistry(List.of(reg(partitioner, "built-in"),
                reg(new Named("zeta", Set.of("ZetaPartitioner", "org.acme.Zeta")), "plugins/zeta")));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> registry.resolve(PartitionerFactory.class, "Murmur3Partitioner"));
        assertEquals("Unknown partitioner 'Murmur3Partitioner'; known: test-partitioner (TestPartitioner), "
                + "zeta (ZetaPartitioner)", e.getMessage());
        assertTrue(assertThrows(ConfigurationException.class,
                () -> registry.resolve(LocationProviderFactory.class, "x")).getMessage()
                .contains("no snitch components are installed"));
    }

    @Test
    void twoComponentsAnsweringToOneNameIsAnError() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new DefaultComponentRegistry(
                List.of(reg(partitioner, "built-in"), reg(new Named("other", Set.of("testpartitioner")),
                        "plugins/shadow"))));
        assertEquals("Two partitioner components answer to 'testpartitioner': 'test-partitioner' from built-in and "
                + "'other' from plugins/shadow; remove one of them", e.getMessage());
    }

    @Test
    void invalidNamesAreRejected() {
        assertTrue(assertThrows(ConfigurationException.class, () -> new DefaultComponentRegistry(
                List.of(reg(new Named("Bad Name", Set.of()), "plugins/bad")))).getMessage()
                .contains("invalid name 'Bad Name'"));
    }

    @Test
    void listsComponentsInKindThenNameOrder() {
        DefaultComponentRegistry registry = new DefaultComponentRegistry(List.of(
                reg(new Named("zeta", Set.of()), "built-in"), reg(partitioner, "built-in")));
        assertEquals(List.of("test-partitioner", "zeta"),
                registry.components().stream().map(c -> c.factory().name()).toList());
    }

    private record Named(String name, Set<String> aliases) implements PartitionerFactory {
        @Override
        public Partitioner create(ComponentConfig config, NodeContext context) {
            throw new UnsupportedOperationException();
        }
    }
}
