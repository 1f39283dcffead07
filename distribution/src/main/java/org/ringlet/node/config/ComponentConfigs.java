package org.ringlet.node.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.ComponentKind;

import static java.util.Objects.requireNonNull;

/**
 * The {@link ComponentConfig} each kind of node-scoped component receives: the keys it needs from the node's
 * configuration, under their cassandra.yaml names, in plain forms every component can parse without a units
 * library: durations in milliseconds under {@code <name>_ms}, sizes in bytes under {@code <name>_bytes}, rates in
 * bytes per second under {@code <name>_bytes_per_second}, lists joined with commas, addresses as IP literals,
 * enums in lowercase. The table is in docs/adr/0001-configuration-mapping.md.
 *
 * <p>Replication strategies are configured per keyspace (the keyspace's replication map), never from here.
 *
 * <p>Immutable and thread-safe.
 */
public final class ComponentConfigs {
    /** The scope of every node-level component configuration. */
    public static final String NODE_SCOPE = "node";

    private final NodeConfig config;

    public ComponentConfigs(NodeConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    /** The configuration of the node's component of {@code kind}. */
    public ComponentConfig forKind(ComponentKind kind) {
        requireNonNull(kind, "kind is null");
        Map<String, String> o = new TreeMap<>();
        switch (kind) {
            case PARTITIONER, NODE_PROXIMITY, REPLICATION_STRATEGY, SCHEMA_MANAGER -> {
                // no node-level options
            }
            case LOCATION_PROVIDER -> location(o);
            case MEMBERSHIP -> membership(o);
            case MESSAGING -> messaging(o);
            case STORAGE_ENGINE -> storage(o);
            case TRANSPORT -> transport(o);
            case QUERY_HANDLER -> queryHandler(o);
            case COORDINATOR -> coordinator(o);
            case TOPOLOGY -> topology(o);
            default -> throw new IllegalArgumentException("no node configuration for " + kind);
        }
        return new ComponentConfig(NODE_SCOPE, o);
    }

    private void location(Map<String, String> o) {
        LocationConfig l = config.location();
        o.put("conf_dir", l.confDirectory().toString());
        l.datacenter().ifPresent(dc -> o.put("dc", dc));
        l.rack().ifPresent(rack -> o.put("rack", rack));
        o.put("broadcast_address", config.network().broadcastAddress().getHostAddress());
    }

    private void membership(Map<String, String> o) {
        ClusterConfig c = config.cluster();
        NetworkConfig n = config.network();
        o.put("cluster_name", c.clusterName());
        o.put("seeds", String.join(",", c.seeds()));
        o.put("num_tokens", Integer.toString(c.numTokens()));
        c.initialToken().ifPresent(t -> o.put("initial_token", t));
        o.put("phi_convict_threshold", Double.toString(c.phiConvictThreshold()));
        o.put("listen_address", n.listenAddress().getHostAddress());
        o.put("broadcast_address", n.broadcastAddress().getHostAddress());
        o.put("storage_port", Integer.toString(n.storagePort()));
    }

    private void messaging(Map<String, String> o) {
        NetworkConfig n = config.network();
        o.put("listen_address", n.listenAddress().getHostAddress());
        o.put("broadcast_address", n.broadcastAddress().getHostAddress());
        o.put("storage_port", Integer.toString(n.storagePort()));
    }

    private void storage(Map<String, String> o) {
        StorageConfig s = config.storage();
        o.put("data_file_directories", joinPaths(s.dataFileDirectories()));
        o.put("commitlog_directory", s.commitlogDirectory().toString());
        o.put("saved_caches_directory", s.savedCachesDirectory().toString());
        o.put("hints_directory", s.hintsDirectory().toString());
        o.put("commitlog_sync", s.commitlogSync().name().toLowerCase(Locale.ROOT));
        o.put("commitlog_sync_period_ms", millis(s.commitlogSyncPeriod()));
        o.put("commitlog_sync_group_window_ms", millis(s.commitlogSyncGroupWindow()));
        o.put("commitlog_segment_size_bytes", Long.toString(s.commitlogSegmentSize().bytes()));
        s.commitlogTotalSpace().ifPresent(t -> o.put("commitlog_total_space_bytes", Long.toString(t.bytes())));
        o.put("memtable_heap_space_bytes", Long.toString(s.memtableHeapSpace().bytes()));
        o.put("memtable_allocation_type", s.memtableAllocationType().name().toLowerCase(Locale.ROOT));
        o.put("disk_failure_policy", s.diskFailurePolicy().name().toLowerCase(Locale.ROOT));
        o.put("commit_failure_policy", s.commitFailurePolicy().name().toLowerCase(Locale.ROOT));
        o.put("compaction_throughput_bytes_per_second", Long.toString(s.compactionThroughput().bytesPerSecond()));
        s.concurrentCompactors().ifPresent(c -> o.put("concurrent_compactors", Integer.toString(c)));
        o.put("auto_snapshot", Boolean.toString(s.autoSnapshot()));
        s.keyCacheSize().ifPresent(k -> o.put("key_cache_size_bytes", Long.toString(k.bytes())));
        s.fileCacheSize().ifPresent(f -> o.put("file_cache_size_bytes", Long.toString(f.bytes())));
    }

    private void transport(Map<String, String> o) {
        NetworkConfig n = config.network();
        o.put("rpc_address", n.rpcAddress().getHostAddress());
        o.put("broadcast_rpc_address", n.broadcastRpcAddress().getHostAddress());
        o.put("native_transport_port", Integer.toString(n.nativeTransportPort()));
        o.put("start_native_transport", Boolean.toString(n.startNativeTransport()));
        o.put("native_transport_max_frame_size_bytes", Long.toString(n.maxFrameSize().bytes()));
        o.put("native_transport_max_concurrent_connections", Long.toString(n.maxConcurrentConnections()));
        NativeProtocolConfig p = config.protocol();
        o.put("native_transport_max_concurrent_connections_per_ip", Long.toString(p.maxConcurrentConnectionsPerIp()));
        o.put("native_transport_max_requests_per_connection", Integer.toString(p.maxRequestsPerConnection()));
        o.put("native_transport_allow_older_protocols", Boolean.toString(p.allowOlderProtocols()));
        o.put("native_transport_max_negotiable_protocol_version", Integer.toString(p.maxNegotiableProtocolVersion()));
        p.maxRequestDataInFlight().ifPresent(d -> o.put("native_transport_max_request_data_in_flight_bytes",
                Long.toString(d.bytes())));
        p.maxRequestDataInFlightPerIp().ifPresent(d -> o.put("native_transport_max_request_data_in_flight_per_ip_bytes",
                Long.toString(d.bytes())));
        o.put("native_transport_idle_timeout_ms", millis(p.idleTimeout()));
        o.put("native_transport_event_backlog_limit_bytes", Long.toString(p.eventBacklogLimit().bytes()));
        p.ioThreads().ifPresent(t -> o.put("native_transport_io_threads", Integer.toString(t)));
    }

    private void queryHandler(Map<String, String> o) {
        o.put("cluster_name", config.cluster().clusterName());
        o.put("listen_address", config.network().listenAddress().getHostAddress());
        o.put("native_transport_max_negotiable_protocol_version",
                Integer.toString(config.protocol().maxNegotiableProtocolVersion()));
        o.put("authenticator", config.security().authenticator());
        o.put("authorizer", config.security().authorizer());
    }

    private void coordinator(Map<String, String> o) {
        RequestConfig r = config.requests();
        o.put("read_request_timeout_ms", millis(r.readRequestTimeout()));
        o.put("range_request_timeout_ms", millis(r.rangeRequestTimeout()));
        o.put("write_request_timeout_ms", millis(r.writeRequestTimeout()));
        o.put("counter_write_request_timeout_ms", millis(r.counterWriteRequestTimeout()));
        o.put("cas_contention_timeout_ms", millis(r.casContentionTimeout()));
        o.put("truncate_request_timeout_ms", millis(r.truncateRequestTimeout()));
        o.put("request_timeout_ms", millis(r.requestTimeout()));
        o.put("hinted_handoff_enabled", Boolean.toString(r.hintedHandoffEnabled()));
        o.put("max_hint_window_ms", millis(r.maxHintWindow()));
        o.put("hints_directory", config.storage().hintsDirectory().toString());
        o.put("auto_snapshot", Boolean.toString(config.storage().autoSnapshot()));
    }

    private void topology(Map<String, String> o) {
        ClusterConfig c = config.cluster();
        NetworkConfig n = config.network();
        o.put("partitioner", c.partitioner());
        o.put("num_tokens", Integer.toString(c.numTokens()));
        c.initialToken().ifPresent(t -> o.put("initial_token", t));
        o.put("listen_address", n.listenAddress().getHostAddress());
        o.put("broadcast_address", n.broadcastAddress().getHostAddress());
        o.put("storage_port", Integer.toString(n.storagePort()));
        o.put("rpc_address", n.rpcAddress().getHostAddress());
        o.put("broadcast_rpc_address", n.broadcastRpcAddress().getHostAddress());
        o.put("native_transport_port", Integer.toString(n.nativeTransportPort()));
    }

    private static String millis(Duration d) {
        return Long.toString(d.toMillis());
    }

    private static String joinPaths(List<Path> paths) {
        List<String> parts = new ArrayList<>();
        paths.forEach(p -> parts.add(p.toString()));
        return String.join(",", parts);
    }
}
