package org.ringlet.cluster.coordinator;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.ComponentRegistry;
import org.ringlet.api.MissingServiceException;
import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.cluster.Coordinator;
import org.ringlet.api.cluster.CoordinatorFactory;
import org.ringlet.api.cluster.WriteType;
import org.ringlet.api.ring.TopologyService;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.Scheduler;
import org.ringlet.api.schema.ReplicationParams;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.cluster.testing.TestServices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DefaultCoordinatorFactoryTest {

    @Test
    void isFoundByServiceLoaderAndBuildsAWorkingCoordinator() {
        List<CoordinatorFactory> found = ServiceLoader.load(CoordinatorFactory.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(1, found.size());
        CoordinatorFactory factory = found.get(0);
        assertEquals("default", factory.name());
        CoordinatorFixture f = CoordinatorFixture.singleNode(0);
        TableMetadata t = f.addTable("ks", ReplicationParams.simple(1));
        Map<Class<?>, Object> services = Map.of(SchemaService.class, f.schema, TopologyService.class, f.topology,
                StorageEngine.class, f.storage, ComponentRegistry.class, CoordinatorFixture.REGISTRY,
                Scheduler.class, f.scheduler, Clock.class, f.clock);
        assertEquals(services.keySet(), factory.requiredServices());
        Coordinator c = factory.create(ComponentConfig.of(Map.of("write_request_timeout", "500ms")),
                TestServices.context(services));
        CompletableFuture<Void> w = c.write(List.of(f.row(t, 1, 1, "x")), ConsistencyLevel.ONE, WriteType.SIMPLE)
                .toCompletableFuture();
        w.join();
        assertThrows(MissingServiceException.class, () -> factory.create(ComponentConfig.empty(),
                TestServices.context(Map.of())));
    }
}
