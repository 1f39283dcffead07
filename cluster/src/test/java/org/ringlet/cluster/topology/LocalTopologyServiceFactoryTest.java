package org.ringlet.cluster.topology;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.ComponentRegistry;
import org.ringlet.api.NodeContext;
import org.ringlet.api.cluster.LocalNodeStore;
import org.ringlet.api.locator.Location;
import org.ringlet.api.locator.LocationProvider;
import org.ringlet.api.ring.NodeInfo;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.PartitionerFactory;
import org.ringlet.api.ring.TopologyService;
import org.ringlet.api.ring.TopologyServiceFactory;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.runtime.Scheduler;
import org.ringlet.api.testing.ManualClock;
import org.ringlet.api.testing.SeededRandomSource;
import org.ringlet.api.testing.locator.StaticComponentRegistry;
import org.ringlet.api.testing.ring.Murmur3TestPartitioner;
import org.ringlet.cluster.testing.TestServices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class LocalTopologyServiceFactoryTest {
    private static final Partitioner PARTITIONER = new Murmur3TestPartitioner();

    /** A partitioner factory that answers to Cassandra's class name, as the real one does. */
    private static final class Murmur3Factory implements PartitionerFactory {
        @Override
        public String name() {
            return "murmur3";
        }

        @Override
        public Optional<String> cassandraClassName() {
            return Optional.of("org.apache.cassandra.dht.Murmur3Partitioner");
        }

        @Override
        public Partitioner create(ComponentConfig config, NodeContext context) {
            return PARTITIONER;
        }
    }

    private static NodeContext context(TestServices.MemoryNodeStore store) {
        Map<Class<?>, Object> services = new HashMap<>();
        services.put(Partitioner.class, PARTITIONER);
        services.put(LocationProvider.class, (LocationProvider) () -> new Location("dc9", "rack9"));
        services.put(LocalNodeStore.class, store);
        services.put(ComponentRegistry.class, new StaticComponentRegistry(List.of(new Murmur3Factory())));
        services.put(RandomSource.class, new SeededRandomSource(3));
        services.put(Scheduler.class, new TestServices.ManualScheduler(new ManualClock(0)));
        return TestServices.context(services);
    }

    @Test
    void isFoundByServiceLoaderAndBuildsTheRingFromTheNodesOptions() throws Exception {
        TopologyServiceFactory factory = ServiceLoader.load(TopologyServiceFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.name().equals("local")).findFirst().orElseThrow();
        TestServices.MemoryNodeStore store = new TestServices.MemoryNodeStore();
        NodeContext context = context(store);
        for (Class<?> required : factory.requiredServices()) {
            assertEquals(true, context.find(required).isPresent(), required.getName());
        }
        TopologyService topology = factory.create(ComponentConfig.of(Map.of("listen_address", "127.0.0.2",
                "broadcast_address", "127.0.0.3", "storage_port", "7001", "rpc_address", "0.0.0.0",
                "broadcast_rpc_address", "127.0.0.4", "native_transport_port", "9044", "num_tokens", "4",
                "partitioner", "murmur3")), context);
        LocalTopologyService local = assertInstanceOf(LocalTopologyService.class, topology);
        local.start();
        NodeInfo self = local.localNode();
        assertEquals(InetAddress.getByName("127.0.0.3"), self.endpoint().address(), "the broadcast address");
        assertEquals(7001, self.endpoint().port());
        assertEquals(InetAddress.getByName("127.0.0.4"), self.nativeEndpoint().address(), "broadcast_rpc_address");
        assertEquals(9044, self.nativeEndpoint().port());
        assertEquals(4, self.tokens().size());
        assertEquals(new Location("dc9", "rack9"), self.location());
        assertEquals("org.apache.cassandra.dht.Murmur3Partitioner", topology.partitionerClassName());
        assertEquals(store.hostId().orElseThrow(), topology.localHostId());
        assertEquals(PARTITIONER.token(ByteBuffer.allocate(0)).getClass(), self.tokens().first().getClass());
    }

    @Test
    void withoutAPartitionerNameTheClassNameIsThePartitionersOwn() {
        TopologyService topology = new LocalTopologyServiceFactory().create(ComponentConfig.empty(),
                context(new TestServices.MemoryNodeStore()));
        assertEquals(Murmur3TestPartitioner.class.getName(), topology.partitionerClassName());
    }
}
