package org.ringlet.node.management;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;

import javax.management.openmbean.TabularData;

import org.ringlet.api.locator.LocationProvider;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.ring.NodeInfo;
import org.ringlet.api.ring.NodeState;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.Token;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.ReplicationParams;
import org.ringlet.api.schema.Schema;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.tools.management.StorageServiceMBean;
import org.ringlet.tools.nodetool.Formats;

import static java.util.Objects.requireNonNull;

/**
 * The node's {@code StorageService} MBean: ring, state and storage operations from the node's services. Without a
 * ring (no topology service yet) the node reports an empty ring; without storage it reports no load and refuses
 * flushes, compactions and snapshots with a plain message.
 *
 * <p>Thread-safe: every call reads the services' current state.
 */
public final class StorageServiceBean implements StorageServiceMBean {
    /** Cassandra's release whose behaviour the node matches. */
    public static final String RELEASE_VERSION = "5.0.6";
    private static final String MEANINGLESS = "Non-system keyspaces don't have the same replication settings, "
            + "effective ownership information is meaningless";

    /** What the node is, for the MBean. */
    public record Identity(String clusterName, String partitionerClass, int generation, double compactionMibPerSec) {
        public Identity {
            requireNonNull(clusterName, "clusterName is null");
            requireNonNull(partitionerClass, "partitionerClass is null");
        }
    }

    private final Identity identity;
    private final Partitioner partitioner;
    private final LocationProvider location;
    private final ManagementSources sources;
    private final BiFunction<String, Map<String, String>, ReplicationStrategy> strategies;
    private final Runnable stopDaemon;
    private final Clients clients;
    private volatile String operationMode = "NORMAL";

    /**
     * The node's client service, as drain and {@code statusbinary} see it.
     *
     * @param stop    stops serving clients (drain)
     * @param running whether clients are served
     */
    public record Clients(Runnable stop, java.util.function.BooleanSupplier running) {
        public Clients {
            requireNonNull(stop, "stop is null");
            requireNonNull(running, "running is null");
        }

        /** A node without a client transport. */
        public static Clients none() {
            return new Clients(() -> { }, () -> false);
        }
    }

    public StorageServiceBean(Identity identity, Partitioner partitioner, LocationProvider location,
                              ManagementSources sources,
                              BiFunction<String, Map<String, String>, ReplicationStrategy> strategies,
                              Runnable stopDaemon) {
        this(identity, partitioner, location, sources, strategies, stopDaemon, Clients.none());
    }

    public StorageServiceBean(Identity identity, Partitioner partitioner, LocationProvider location,
                              ManagementSources sources,
                              BiFunction<String, Map<String, String>, ReplicationStrategy> strategies,
                              Runnable stopDaemon, Clients clients) {
        this.clients = requireNonNull(clients, "clients is null");
        this.identity = requireNonNull(identity, "identity is null");
        this.partitioner = requireNonNull(partitioner, "partitioner is null");
        this.location = requireNonNull(location, "location is null");
        this.sources = requireNonNull(sources, "sources is null");
        this.strategies = requireNonNull(strategies, "strategies is null");
        this.stopDaemon = requireNonNull(stopDaemon, "stopDaemon is null");
    }

    RingView ring() {
        Topology t = sources.topology().map(s -> s.current()).orElse(Topology.empty());
        UUID local = sources.topology().map(s -> s.localHostId()).orElse(null);
        return new RingView(t, partitioner, sources.membership(), local);
    }

    private Optional<NodeInfo> localNode() {
        RingView r = ring();
        return sources.topology().flatMap(s -> r.topology().node(s.localHostId()));
    }

    private Schema schema() {
        return sources.schema().map(s -> s.current()).orElse(new Schema(Map.of(), new UUID(0, 0)));
    }

    private List<String> state(NodeState state, boolean port) {
        return ring().nodes(n -> n.state() == state, port);
    }

    @Override public List<String> getLiveNodes() { RingView r = ring(); return r.nodes(r::alive, false); }
    @Override public List<String> getLiveNodesWithPort() { RingView r = ring(); return r.nodes(r::alive, true); }
    @Override public List<String> getUnreachableNodes() { RingView r = ring(); return r.nodes(r::down, false); }
    @Override public List<String> getUnreachableNodesWithPort() { RingView r = ring(); return r.nodes(r::down, true); }
    @Override public List<String> getJoiningNodes() { return state(NodeState.JOINING, false); }
    @Override public List<String> getJoiningNodesWithPort() { return state(NodeState.JOINING, true); }
    @Override public List<String> getLeavingNodes() { return state(NodeState.LEAVING, false); }
    @Override public List<String> getLeavingNodesWithPort() { return state(NodeState.LEAVING, true); }
    @Override public List<String> getMovingNodes() { return state(NodeState.MOVING, false); }
    @Override public List<String> getMovingNodesWithPort() { return state(NodeState.MOVING, true); }
    @Override public Map<String, String> getTokenToEndpointMap() { return ring().tokenToEndpoint(false); }
    @Override public Map<String, String> getTokenToEndpointWithPortMap() { return ring().tokenToEndpoint(true); }

    private Map<String, String> hostIds(boolean idFirst, boolean port) {
        Map<String, String> out = new LinkedHashMap<>();
        for (NodeInfo n : ring().topology().nodes()) {
            String endpoint = RingView.endpoint(n, port);
            if (idFirst) {
                out.put(n.hostId().toString(), endpoint);
            } else {
                out.put(endpoint, n.hostId().toString());
            }
        }
        return out;
    }

    @Override public Map<String, String> getHostIdToEndpoint() { return hostIds(true, false); }
    @Override public Map<String, String> getHostIdToEndpointWithPort() { return hostIds(true, true); }
    @Override public Map<String, String> getEndpointToHostId() { return hostIds(false, false); }
    @Override public Map<String, String> getEndpointWithPortToHostId() { return hostIds(false, true); }

    private Map<String, String> loads(boolean port) {
        Map<String, String> out = new LinkedHashMap<>();
        localNode().ifPresent(n -> sources.storage().ifPresent(s ->
                out.put(RingView.endpoint(n, port), Formats.fileSize(s.liveDiskSpaceUsed()))));
        return out;
    }

    @Override public Map<String, String> getLoadMap() { return loads(false); }
    @Override public Map<String, String> getLoadMapWithPort() { return loads(true); }

    @Override
    public String getLoadString() {
        return Formats.fileSize(sources.storage().map(StorageEngine::liveDiskSpaceUsed).orElse(0L));
    }

    @Override
    public String getUncompressedLoadString() {
        return getLoadString();
    }

    @Override
    public List<String> getTokens() {
        List<String> out = new ArrayList<>();
        localNode().ifPresent(n -> n.tokens().forEach(t -> out.add(partitioner.toString(t))));
        return out;
    }

    @Override
    public List<String> getTokens(String endpoint) throws UnknownHostException {
        NodeInfo n = ring().nodeAt(endpoint).orElseThrow(() -> new UnknownHostException("no node at " + endpoint));
        List<String> out = new ArrayList<>();
        n.tokens().forEach(t -> out.add(partitioner.toString(t)));
        return out;
    }

    private static Map<InetAddress, Float> byAddress(Map<String, Float> shares) {
        Map<InetAddress, Float> out = new LinkedHashMap<>();
        shares.forEach((k, v) -> {
            try {
                out.put(InetAddress.getByName(k), v);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        });
        return out;
    }

    @Override public Map<InetAddress, Float> getOwnership() { return byAddress(ring().primaryOwnership(false)); }
    @Override public Map<String, Float> getOwnershipWithPort() { return ring().primaryOwnership(true); }

    @Override
    public Map<InetAddress, Float> effectiveOwnership(String keyspace) {
        return byAddress(effective(keyspace, false));
    }

    @Override
    public Map<String, Float> effectiveOwnershipWithPort(String keyspace) {
        return effective(keyspace, true);
    }

    private Map<String, Float> effective(String keyspace, boolean port) {
        RingView r = ring();
        Schema schema = schema();
        ReplicationParams replication;
        String name = keyspace;
        if (keyspace != null) {
            KeyspaceMetadata ks = schema.keyspace(keyspace).orElseThrow(() ->
                    new IllegalArgumentException("The keyspace " + keyspace + ", does not exist"));
            replication = ks.replication();
        } else {
            List<KeyspaceMetadata> user = userKeyspaces(schema);
            if (user.isEmpty()) {
                return r.primaryOwnership(port);
            }
            replication = user.get(0).replication();
            name = user.get(0).name();
            for (KeyspaceMetadata ks : user) {
                if (!ks.replication().equals(replication)) {
                    throw new IllegalStateException(MEANINGLESS);
                }
            }
        }
        if (isLocal(replication)) {
            throw new IllegalStateException("Ownership values for keyspaces with LocalStrategy are meaningless");
        }
        return r.effectiveOwnership(strategies.apply(name, replication.asMap()), port);
    }

    private static boolean isLocal(ReplicationParams p) {
        return p.strategyClass().endsWith("LocalStrategy");
    }

    private static List<KeyspaceMetadata> userKeyspaces(Schema schema) {
        List<KeyspaceMetadata> out = new ArrayList<>();
        for (KeyspaceMetadata ks : schema.keyspaces().values()) {
            if (!ks.name().startsWith("system") && !isLocal(ks.replication())) {
                out.add(ks);
            }
        }
        return out;
    }

    @Override
    public List<String> describeRingJMX(String keyspace) {
        return describeRing(keyspace, false);
    }

    @Override
    public List<String> describeRingWithPortJMX(String keyspace) {
        return describeRing(keyspace, true);
    }

    private List<String> describeRing(String keyspace, boolean port) {
        KeyspaceMetadata ks = schema().keyspace(keyspace).orElseThrow(() ->
                new IllegalArgumentException("The keyspace " + keyspace + ", does not exist"));
        if (isLocal(ks.replication())) {
            throw new IllegalArgumentException("Keyspace " + keyspace + " uses LocalStrategy; no ring to describe");
        }
        RingView r = ring();
        Topology t = r.topology();
        ReplicationStrategy strategy = strategies.apply(keyspace, ks.replication().asMap());
        List<String> out = new ArrayList<>();
        for (Token end : t.sortedTokens()) {
            Token start = t.predecessor(end);
            List<String> endpoints = new ArrayList<>();
            List<String> rpc = new ArrayList<>();
            List<String> details = new ArrayList<>();
            for (UUID id : strategy.naturalReplicas(end, t)) {
                NodeInfo n = t.node(id).orElseThrow();
                endpoints.add(RingView.endpoint(n, port));
                rpc.add(n.nativeEndpoint().address().getHostAddress());
                details.add("EndpointDetails(host:" + RingView.endpoint(n, port) + ", datacenter:"
                        + n.location().datacenter() + ", rack:" + n.location().rack() + ")");
            }
            out.add("TokenRange(start_token:" + partitioner.toString(start) + ", end_token:"
                    + partitioner.toString(end) + ", endpoints:" + endpoints + ", rpc_endpoints:" + rpc
                    + ", endpoint_details:" + details + ")");
        }
        return out;
    }

    private TableMetadata table(String keyspace, String table) {
        return schema().table(keyspace, table).orElseThrow(() ->
                new IllegalArgumentException("Unknown table '" + table + "' in keyspace '" + keyspace + "'"));
    }

    private List<NodeInfo> replicas(String keyspace, String table, String key) {
        TableMetadata meta = table(keyspace, table);
        KeyspaceMetadata ks = schema().keyspace(keyspace).orElseThrow();
        Topology t = ring().topology();
        Token token = partitioner.token(KeyText.parse(meta, key));
        List<NodeInfo> out = new ArrayList<>();
        if (t.sortedTokens().isEmpty()) {
            return out;
        }
        for (UUID id : strategies.apply(keyspace, ks.replication().asMap()).naturalReplicas(token, t)) {
            out.add(t.node(id).orElseThrow());
        }
        return out;
    }

    @Override
    public List<InetAddress> getNaturalEndpoints(String keyspace, String table, String key) {
        return replicas(keyspace, table, key).stream().map(n -> n.endpoint().address()).toList();
    }

    @Override
    public List<String> getNaturalEndpointsWithPort(String keyspace, String table, String key) {
        return replicas(keyspace, table, key).stream().map(n -> RingView.endpoint(n, true)).toList();
    }

    @Override
    public String getKeyspaceReplicationInfo(String keyspace) {
        return schema().keyspace(keyspace).map(ks -> {
            String cls = ks.replication().strategyClass();
            Map<String, String> options = new LinkedHashMap<>(ks.replication().options());
            options.remove("class");
            return cls.substring(cls.lastIndexOf('.') + 1) + " " + options;
        }).orElse(null);
    }

    @Override
    public List<String> getKeyspaces() {
        return schema().keyspaces().values().stream().filter(ks -> !ks.virtual()).map(KeyspaceMetadata::name).toList();
    }

    @Override
    public List<String> getNonSystemKeyspaces() {
        return userKeyspaces(schema()).stream().map(KeyspaceMetadata::name).toList();
    }

    @Override
    public String getLocalHostId() {
        return sources.topology().map(s -> s.localHostId().toString()).orElse("");
    }

    @Override public String getClusterName() { return identity.clusterName(); }
    @Override public String getPartitionerName() { return identity.partitionerClass(); }
    @Override public String getReleaseVersion() { return RELEASE_VERSION; }
    @Override public String getSchemaVersion() { return schema().version().toString(); }
    @Override public String getOperationMode() { return operationMode; }
    @Override public String getBootstrapState() { return "COMPLETED"; }
    @Override public boolean isBootstrapFailed() { return false; }
    @Override public boolean isDecommissioning() { return false; }
    @Override public boolean isDecommissionFailed() { return false; }
    @Override public int getCurrentGenerationNumber() { return identity.generation(); }
    @Override public boolean isGossipRunning() { return sources.membership().isPresent(); }
    @Override public boolean isNativeTransportRunning() { return clients.running().getAsBoolean(); }
    @Override public boolean isJoined() { return localNode().isPresent(); }
    @Override public boolean isDrained() { return operationMode.equals("DRAINED"); }
    @Override public boolean isDraining() { return operationMode.equals("DRAINING"); }
    @Override public double getCompactionThroughtputMibPerSecAsDouble() { return identity.compactionMibPerSec(); }

    private StorageEngine storage() {
        return sources.storage().orElseThrow(() ->
                new IllegalStateException("this node has no storage engine"));
    }

    @Override
    public void forceKeyspaceFlush(String keyspace, String... tables) throws java.io.IOException {
        StorageEngine storage = storage();
        List<CompletionStage<Void>> flushes = new ArrayList<>();
        StorageOperations.tables(schema(), keyspace, tables).forEach(t -> flushes.add(storage.flush(t.id())));
        for (CompletionStage<Void> f : flushes) {
            StorageOperations.await(f);
        }
    }

    @Override
    public void forceKeyspaceCompaction(boolean splitOutput, String keyspace, String... tables)
            throws java.io.IOException {
        StorageOperations.compact(storage(), StorageOperations.tables(schema(), keyspace, tables));
    }

    @Override
    public void takeSnapshot(String tag, Map<String, String> options, String... entities) throws java.io.IOException {
        StorageOperations.snapshot(storage(), tag, StorageOperations.entities(schema(), entities));
    }

    @Override
    public void clearSnapshot(String tag, String... keyspaces) {
        sources.storage().ifPresent(s -> s.clearSnapshot(tag, StorageOperations.keyspaces(schema(), keyspaces)));
    }

    @Override
    public Map<String, TabularData> getSnapshotDetails(Map<String, String> options) {
        return StorageOperations.details(sources.storage().map(StorageEngine::listSnapshots).orElse(List.of()));
    }

    @Override
    public long trueSnapshotsSize() {
        return sources.storage().map(s -> s.listSnapshots().stream().mapToLong(i -> i.trueSize()).sum()).orElse(0L);
    }

    /** Stops serving clients, then flushes every memtable, as Cassandra's drain. */
    @Override
    public void drain() throws java.io.IOException {
        operationMode = "DRAINING";
        clients.stop().run();
        Optional<StorageEngine> storage = sources.storage();
        if (storage.isPresent()) {
            StorageOperations.await(storage.get().flushAll());
        }
        operationMode = "DRAINED";
    }

    @Override
    public void stopDaemon() {
        stopDaemon.run();
    }

    /** This node's datacenter and rack, as its location provider says. */
    String localDatacenter() {
        return location.local().datacenter();
    }
}
