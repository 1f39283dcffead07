package org.ringlet.cql.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import org.ringlet.api.cluster.LocalNodeStore;
import org.ringlet.api.locator.Endpoint;
import org.ringlet.api.locator.Location;
import org.ringlet.api.ring.NodeInfo;
import org.ringlet.api.ring.NodeState;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.Token;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.ring.TopologyService;
import org.ringlet.api.runtime.RandomSource;

/**
 * A one-node topology for the query layer's tests that keeps its identity in a {@link LocalNodeStore} as the
 * cluster module's topology service does (the real one is tested in that module).
 */
public final class TestTopology implements TopologyService {
    private final Partitioner partitioner;
    private final Topology topology;
    private final UUID hostId;

    public TestTopology(Partitioner partitioner, LocalNodeStore store, RandomSource random, Endpoint listen,
                        Endpoint nativeEndpoint, int numTokens) {
        this.partitioner = partitioner;
        UUID id = store.hostId().orElse(null);
        if (id == null) {
            id = random.randomUuid();
            store.saveHostId(id);
        }
        SortedSet<Token> tokens = new TreeSet<>();
        if (store.tokens().isEmpty()) {
            while (tokens.size() < numTokens) {
                tokens.add(partitioner.randomToken(random));
            }
            List<String> strings = new ArrayList<>();
            tokens.forEach(t -> strings.add(partitioner.toString(t)));
            store.saveTokens(strings);
        } else {
            store.tokens().forEach(t -> tokens.add(partitioner.fromString(t)));
        }
        this.hostId = id;
        this.topology = Topology.builder().add(new NodeInfo(id, listen, nativeEndpoint, Location.DEFAULT,
                NodeState.NORMAL, tokens)).build();
    }

    @Override
    public Topology current() {
        return topology;
    }

    @Override
    public UUID localHostId() {
        return hostId;
    }

    @Override
    public Partitioner partitioner() {
        return partitioner;
    }

    @Override
    public String partitionerClassName() {
        return "org.apache.cassandra.dht.Murmur3Partitioner";
    }

    @Override
    public void addListener(Consumer<Topology> listener) {
    }
}
