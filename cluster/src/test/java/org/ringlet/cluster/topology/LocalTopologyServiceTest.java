package org.ringlet.cluster.topology;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.locator.Location;
import org.ringlet.api.ring.NodeInfo;
import org.ringlet.api.ring.NodeState;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.testing.ring.Murmur3TestPartitioner;
import org.ringlet.api.testing.SeededRandomSource;
import org.ringlet.cluster.testing.TestServices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LocalTopologyServiceTest {
    private final Murmur3TestPartitioner partitioner = new Murmur3TestPartitioner();
    private final TestServices.MemoryNodeStore store = new TestServices.MemoryNodeStore();

    private LocalTopologyService service(long seed, Map<String, String> options) {
        return new LocalTopologyService(partitioner, "org.apache.cassandra.dht.Murmur3Partitioner",
                () -> new Location("dc1", "r1"), store, new SeededRandomSource(seed),
                LocalTopologyConfig.from(ComponentConfig.of(options)), Runnable::run);
    }

    @Test
    void firstStartTakesSixteenRandomTokensAndSavesThem() {
        LocalTopologyService s = service(1, Map.of());
        s.start();
        NodeInfo self = s.localNode();
        assertEquals(16, self.tokens().size());
        assertEquals(NodeState.NORMAL, self.state());
        assertEquals(new Location("dc1", "r1"), self.location());
        assertEquals(s.localHostId(), store.hostId().orElseThrow());
        List<String> strings = new ArrayList<>();
        self.tokens().forEach(t -> strings.add(partitioner.toString(t)));
        assertEquals(strings.stream().sorted().toList(), store.tokens());
        assertEquals("org.apache.cassandra.dht.Murmur3Partitioner", s.partitionerClassName());
    }

    @Test
    void restartReusesHostIdAndTokens() {
        LocalTopologyService first = service(1, Map.of("num_tokens", "4"));
        first.start();
        UUID id = first.localHostId();
        Topology before = first.current();
        int saves = store.saves();
        LocalTopologyService second = service(99, Map.of("num_tokens", "8"));
        second.start();
        assertEquals(id, second.localHostId());
        assertEquals(before.sortedTokens(), second.current().sortedTokens());
        assertEquals(saves, store.saves(), "nothing is saved again");
    }

    @Test
    void initialTokensAndAddresses() throws Exception {
        LocalTopologyService s = service(1, Map.of("initial_token", "-100, 0, 100", "listen_address", "127.0.0.2",
                "native_transport_port", "19999"));
        s.start();
        assertEquals(List.of(partitioner.fromString("-100"), partitioner.fromString("0"),
                partitioner.fromString("100")), s.current().sortedTokens());
        assertEquals(InetAddress.getByName("127.0.0.2"), s.localNode().endpoint().address());
        assertEquals(19999, s.localNode().nativeEndpoint().port());
        assertEquals(InetAddress.getByName("127.0.0.2"), s.localNode().nativeEndpoint().address());
    }

    @Test
    void differentSeedsGiveDifferentIdentities() {
        LocalTopologyService a = service(1, Map.of());
        a.start();
        TestServices.MemoryNodeStore other = new TestServices.MemoryNodeStore();
        LocalTopologyService b = new LocalTopologyService(partitioner, "x", () -> Location.DEFAULT, other,
                new SeededRandomSource(2), LocalTopologyConfig.from(ComponentConfig.empty()), Runnable::run);
        b.start();
        assertNotEquals(a.localHostId(), b.localHostId());
    }

    @Test
    void badOptionsNameTheOption() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> LocalTopologyConfig.from(ComponentConfig.of(Map.of("listen_address", "localhost"))));
        assertEquals("Option 'listen_address' must be an IP address, got 'localhost'", e.getMessage());
        assertThrows(ConfigurationException.class,
                () -> LocalTopologyConfig.from(ComponentConfig.of(Map.of("num_tokens", "0"))));
    }

    @Test
    void updateTellsListenersInOrder() {
        LocalTopologyService s = service(3, Map.of("num_tokens", "2"));
        s.start();
        List<Long> seen = new ArrayList<>();
        s.addListener(t -> seen.add(t.version()));
        Topology t1 = s.current().withNode(s.localNode().withState(NodeState.LEAVING));
        s.update(t1);
        s.update(t1.withNode(s.localNode().withState(NodeState.NORMAL)));
        assertEquals(List.of(t1.version(), t1.version() + 1), seen);
        assertThrows(IllegalArgumentException.class, () -> s.update(t1));
    }
}
