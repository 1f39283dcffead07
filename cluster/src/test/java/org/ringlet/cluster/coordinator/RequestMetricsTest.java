package org.ringlet.cluster.coordinator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.ComponentRegistry;
import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.cluster.Coordinator;
import org.ringlet.api.cluster.RequestMetrics;
import org.ringlet.api.cluster.WriteType;
import org.ringlet.api.error.UnavailableException;
import org.ringlet.api.ring.TopologyService;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.Scheduler;
import org.ringlet.api.schema.ReplicationParams;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.ClusteringFilter;
import org.ringlet.api.storage.ColumnFilter;
import org.ringlet.api.storage.DataLimits;
import org.ringlet.api.storage.KeyRange;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.cluster.testing.TestServices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The coordinator reports client request latencies, and the local replica each table's, to the node's metrics. */
class RequestMetricsTest {

    /** Records what it is told. */
    static final class Recording implements RequestMetrics {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void clientRequest(Scope scope, long micros) {
            events.add(scope.cassandraName() + (micros >= 0 ? "" : "?"));
        }

        @Override
        public void localRead(TableId table, long micros) {
            events.add("read " + table);
        }

        @Override
        public void localWrite(TableId table, long micros) {
            events.add("write " + table);
        }
    }

    @Test
    void everyKindOfRequestIsMeasuredFailuresIncluded() {
        CoordinatorFixture f = CoordinatorFixture.singleNode(0);
        TableMetadata t = f.addTable("ks", ReplicationParams.simple(1));
        TableMetadata rf2 = f.addTable("ks2", ReplicationParams.simple(2));
        Recording metrics = new Recording();
        Map<Class<?>, Object> services = Map.of(SchemaService.class, f.schema, TopologyService.class, f.topology,
                StorageEngine.class, f.storage, ComponentRegistry.class, CoordinatorFixture.REGISTRY,
                Scheduler.class, f.scheduler, Clock.class, f.clock, RequestMetrics.class, metrics);
        Coordinator c = new DefaultCoordinatorFactory().create(ComponentConfig.empty(), TestServices.context(services));
        assertInstanceOf(MeasuredCoordinator.class, c);

        c.write(List.of(f.row(t, 1, 1, "x")), ConsistencyLevel.ONE, WriteType.SIMPLE).toCompletableFuture().join();
        assertEquals(List.of("write " + t.id(), "Write"), metrics.events);

        metrics.events.clear();
        c.read(read(t, f, 1), ConsistencyLevel.ONE).toCompletableFuture().join();
        assertEquals(List.of("read " + t.id(), "Read"), metrics.events);

        metrics.events.clear();
        c.rangeRead(new PartitionRangeReadCommand(t.id(), KeyRange.all(),
                ClusteringFilter.ALL, ColumnFilter.ALL, DataLimits.NONE, 0), ConsistencyLevel.ONE)
                .toCompletableFuture().join();
        assertEquals("RangeSlice", metrics.events.get(metrics.events.size() - 1));

        metrics.events.clear();
        var failed = c.write(List.of(f.row(rf2, 1, 1, "x")), ConsistencyLevel.QUORUM, WriteType.SIMPLE)
                .toCompletableFuture();
        assertInstanceOf(UnavailableException.class, assertThrows(Exception.class, failed::join).getCause());
        assertEquals(List.of("Write"), metrics.events, "a refused request is measured too");
    }

    @Test
    void withoutMetricsTheCoordinatorIsNotWrapped() {
        CoordinatorFixture f = CoordinatorFixture.singleNode(0);
        Map<Class<?>, Object> services = Map.of(SchemaService.class, f.schema, TopologyService.class, f.topology,
                StorageEngine.class, f.storage, ComponentRegistry.class, CoordinatorFixture.REGISTRY,
                Scheduler.class, f.scheduler, Clock.class, f.clock);
        assertInstanceOf(DefaultCoordinator.class, new DefaultCoordinatorFactory().create(ComponentConfig.empty(),
                TestServices.context(services)));
    }

    private static SinglePartitionReadCommand read(TableMetadata t, CoordinatorFixture f, int k) {
        return new SinglePartitionReadCommand(t.id(), f.key(k), ClusteringFilter.ALL, ColumnFilter.ALL,
                DataLimits.NONE, 0);
    }
}
