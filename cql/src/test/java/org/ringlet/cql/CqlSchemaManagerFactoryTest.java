package org.ringlet.cql;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.cluster.LocalNodeStore;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.schema.SchemaManager;
import org.ringlet.api.schema.SchemaManagerFactory;
import org.ringlet.api.testing.ManualClock;
import org.ringlet.api.testing.storage.InMemoryStorageEngine;
import org.ringlet.cql.schema.SchemaStore;
import org.ringlet.cql.testing.CqlTestNode;
import org.ringlet.cql.testing.TestRuntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema layer the node assembles before its storage engine and loads once the engine has started. */
class CqlSchemaManagerFactoryTest {

    @Test
    void theSchemaExistsBeforeTheEngineAndTheLoadPublishesTheStoreAndSystemLocal() {
        SchemaManagerFactory factory = ServiceLoader.load(SchemaManagerFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.name().equals("cql")).findFirst().orElseThrow();
        assertEquals(Set.of(Partitioner.class, Clock.class), factory.requiredServices());
        SchemaManager manager = factory.create(ComponentConfig.empty(), TestRuntime.context(Map.of(
                Partitioner.class, CqlTestNode.PARTITIONER, Clock.class, new ManualClock(1_764_000_000_000L))));
        assertTrue(manager.schema().current().keyspace("system").isPresent(), "system.local exists from the start");
        assertTrue(manager.schema().current().keyspace("system_schema").isPresent());

        InMemoryStorageEngine storage = new InMemoryStorageEngine(id -> manager.schema().current().table(id)
                .orElse(null));
        Map<Class<?>, Object> services = manager.load(storage);
        assertEquals(Set.of(SchemaStore.class, LocalNodeStore.class), services.keySet());
        SchemaStore store = assertInstanceOf(SchemaStore.class, services.get(SchemaStore.class));
        assertSame(manager.schema(), store.schema());
        LocalNodeStore local = assertInstanceOf(LocalNodeStore.class, services.get(LocalNodeStore.class));
        UUID id = new UUID(7, 7);
        local.saveHostId(id);
        assertEquals(id, local.hostId().orElseThrow());
        assertTrue(manager.schema().current().keyspace("system_auth").isPresent(),
                "the replicated system keyspaces are created on the first load");
    }
}
