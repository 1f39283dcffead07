package org.ringlet.cluster.coordinator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.ringlet.api.ComponentRegistry;
import org.ringlet.api.data.Cell;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.LivenessInfo;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.locator.Endpoint;
import org.ringlet.api.locator.Location;
import org.ringlet.api.ring.NodeInfo;
import org.ringlet.api.ring.NodeState;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.Token;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.ring.TopologyService;
import org.ringlet.api.schema.ClusteringOrder;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.ReplicationParams;
import org.ringlet.api.schema.Schema;
import org.ringlet.api.schema.SchemaChangeListener;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.testing.locator.StaticComponentRegistry;
import org.ringlet.api.testing.locator.TestReplicationStrategies;
import org.ringlet.api.testing.ring.Murmur3TestPartitioner;
import org.ringlet.api.testing.storage.InMemoryStorageEngine;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.testing.ManualClock;
import org.ringlet.cluster.testing.TestServices;

/** A schema, topology and storage engine for coordinator tests. */
final class CoordinatorFixture {
    static final Partitioner PARTITIONER = new Murmur3TestPartitioner();
    static final ComponentRegistry REGISTRY = new StaticComponentRegistry(List.of(TestReplicationStrategies.simple(),
            TestReplicationStrategies.networkTopology(), TestReplicationStrategies.local()));

    final ManualClock clock = new ManualClock(1_700_000_000_000L);
    final TestServices.ManualScheduler scheduler = new TestServices.ManualScheduler(clock);
    final MutableSchema schema = new MutableSchema();
    final InMemoryStorageEngine storage = new InMemoryStorageEngine(id -> schema.current().table(id).orElse(null));
    final FixedTopology topology;

    CoordinatorFixture(List<NodeInfo> nodes, UUID self) {
        Topology t = Topology.builder().addAll(nodes).build();
        this.topology = new FixedTopology(t, self);
    }

    /** One node owning the given tokens. */
    static CoordinatorFixture singleNode(long... tokens) {
        UUID self = new UUID(1, 1);
        return new CoordinatorFixture(List.of(node(self, "127.0.0.1", "dc1", tokens)), self);
    }

    static NodeInfo node(UUID id, String address, String dc, long... tokens) {
        SortedSet<Token> set = new TreeSet<>();
        for (long t : tokens) {
            set.add(new Murmur3TestPartitioner.LongToken(t));
        }
        try {
            InetAddress a = InetAddress.getByName(address);
            return new NodeInfo(id, new Endpoint(a, 7000), new Endpoint(a, 9042), new Location(dc, "rack1"),
                    NodeState.NORMAL, set);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds keyspace {@code ks} with table {@code t (k int, c int, v text, PRIMARY KEY (k, c))}. */
    TableMetadata addTable(String keyspace, ReplicationParams replication) {
        TableMetadata t = TableMetadata.builder(keyspace, "t").id(new TableId(UUID.nameUUIDFromBytes(
                        keyspace.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .addPartitionKey("k", NativeType.INT).addClustering("c", NativeType.INT, ClusteringOrder.ASC)
                .addRegular("v", NativeType.TEXT).build();
        schema.put(KeyspaceMetadata.create(keyspace, replication, true).withTable(t));
        return t;
    }

    DecoratedKey key(int k) {
        var bytes = NativeType.INT.decompose(k);
        return new DecoratedKey(PARTITIONER.token(bytes), bytes);
    }

    Mutation row(TableMetadata t, int k, int c, String v) {
        Partition.Builder p = Partition.builder(t, key(k));
        Row.Builder r = p.row(Clustering.of(NativeType.INT.decompose(c)));
        long ts = clock.currentTimeMicros();
        r.liveness(LivenessInfo.create(ts));
        r.addCell(Cell.live("v", null, NativeType.TEXT.decompose(v), ts));
        return Mutation.of(t.keyspace(), p.build());
    }

    DefaultCoordinator coordinator(ReplicaClient replicas, Liveness liveness) {
        ReplicationStrategies strategies = new ReplicationStrategies(schema, REGISTRY,
                TestServices.context(Map.of()));
        return new DefaultCoordinator(schema, strategies, topology, replicas, liveness, scheduler, clock,
                CoordinatorConfig.defaults());
    }

    DefaultCoordinator coordinator() {
        return coordinator(new LocalReplicaClient(topology.localHostId(), storage, schema, scheduler.ioExecutor(),
                true, clock), Liveness.all());
    }

    /** A schema service tests can change. */
    static final class MutableSchema implements SchemaService {
        private volatile Schema current = new Schema(Map.of(), new UUID(0, 0));
        private final List<SchemaChangeListener> listeners = new CopyOnWriteArrayList<>();

        void put(KeyspaceMetadata ks) {
            current = current.withKeyspace(ks, UUID.randomUUID());
        }

        @Override
        public Schema current() {
            return current;
        }

        @Override
        public void addListener(SchemaChangeListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(SchemaChangeListener listener) {
            listeners.remove(listener);
        }
    }

    /** A topology that does not change. */
    record FixedTopology(Topology topology, UUID self) implements TopologyService {
        @Override
        public Topology current() {
            return topology;
        }

        @Override
        public UUID localHostId() {
            return self;
        }

        @Override
        public Partitioner partitioner() {
            return PARTITIONER;
        }

        @Override
        public void addListener(Consumer<Topology> listener) {
        }
    }

    static List<Integer> keysOf(List<Partition> partitions) {
        List<Integer> out = new ArrayList<>();
        partitions.forEach(p -> out.add((Integer) NativeType.INT.compose(p.key().key())));
        return out;
    }

    void advance(Duration d) {
        scheduler.advance(d);
    }
}
