package org.ringlet.node.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting Ringlet supports, with its cassandra.yaml name, its parser, its default and its legacy names.
 * cassandra.yaml keys that are not here but that Cassandra knows are warned about and ignored
 * ({@link CassandraKeys}); anything else is an error.
 *
 * <p>{@link #DC} and {@link #RACK} are not yaml keys: they come from {@code CASSANDRA_DC} / {@code CASSANDRA_RACK}
 * or {@code --dc} / {@code --rack} and override what the snitch reads from {@code cassandra-rackdc.properties}.
 */
public enum Setting {
    // cluster and ring
    CLUSTER_NAME("cluster_name", Values.text(), d -> "Test Cluster"),
    NUM_TOKENS("num_tokens", Values.integer(1, 1536), d -> 16),
    INITIAL_TOKEN("initial_token", Values.text(), d -> null),
    PARTITIONER("partitioner", Values.text(), d -> "murmur3"),
    SEED_PROVIDER("seed_provider", Values.seeds(), d -> List.of("127.0.0.1:7000")),
    PHI_CONVICT_THRESHOLD("phi_convict_threshold", Values.decimal(5, 16), d -> 8.0),

    // components, by factory name, alias or Cassandra class name (Ringlet's; `ringlet components` lists them)
    STORAGE_ENGINE("storage_engine", Values.text(), d -> "lsm"),
    SCHEMA_MANAGER("schema_manager", Values.text(), d -> "cql"),
    QUERY_HANDLER("query_handler", Values.text(), d -> "cql"),
    TOPOLOGY_SERVICE("topology_service", Values.text(), d -> "local"),
    COORDINATOR("coordinator", Values.text(), d -> "default"),
    NATIVE_TRANSPORT("native_transport", Values.text(), d -> "native"),

    // location
    ENDPOINT_SNITCH("endpoint_snitch", Values.text(), d -> "simple"),
    NODE_PROXIMITY("node_proximity", Values.text(), d -> null),
    DC("dc", Values.text(), d -> null, false),
    RACK("rack", Values.text(), d -> null, false),

    // network
    LISTEN_ADDRESS("listen_address", Values.address(false), d -> InetAddress.getLoopbackAddress()),
    BROADCAST_ADDRESS("broadcast_address", Values.address(false), d -> null),
    RPC_ADDRESS("rpc_address", Values.address(true), d -> InetAddress.getLoopbackAddress()),
    BROADCAST_RPC_ADDRESS("broadcast_rpc_address", Values.address(false), d -> null),
    STORAGE_PORT("storage_port", Values.integer(0, 65535), d -> 7000),
    NATIVE_TRANSPORT_PORT("native_transport_port", Values.integer(0, 65535), d -> 9042),
    START_NATIVE_TRANSPORT("start_native_transport", Values.bool(), d -> true),
    NATIVE_TRANSPORT_MAX_FRAME_SIZE("native_transport_max_frame_size", Values.dataSize(),
            d -> DataSize.ofMebibytes(16),
            new Legacy("native_transport_max_frame_size_in_mb", Values.dataSizeIn(1024L * 1024, "MiB"))),
    NATIVE_TRANSPORT_MAX_CONCURRENT_CONNECTIONS("native_transport_max_concurrent_connections", Values.limit(),
            d -> -1L),
    NATIVE_TRANSPORT_MAX_CONCURRENT_CONNECTIONS_PER_IP("native_transport_max_concurrent_connections_per_ip",
            Values.limit(), d -> -1L),
    /** Ringlet's: requests of one client connection executing at once (ADR 0030). */
    NATIVE_TRANSPORT_MAX_REQUESTS_PER_CONNECTION("native_transport_max_requests_per_connection",
            Values.integer(1, 1 << 20), d -> 1024),
    NATIVE_TRANSPORT_ALLOW_OLDER_PROTOCOLS("native_transport_allow_older_protocols", Values.bool(), d -> true),
    /** Cassandra 4.0's name: the highest native protocol version offered to clients (4 or 5). */
    NATIVE_TRANSPORT_MAX_NEGOTIABLE_PROTOCOL_VERSION("native_transport_max_negotiable_protocol_version",
            Values.integer(4, 5), d -> 5),
    NATIVE_TRANSPORT_MAX_REQUEST_DATA_IN_FLIGHT("native_transport_max_request_data_in_flight",
            Values.dataSizeOrDefault(Values.dataSize()), d -> null,
            new Legacy("native_transport_max_concurrent_requests_in_bytes",
                    Values.dataSizeOrDefault(Values.dataSizeIn(1, "bytes")))),
    NATIVE_TRANSPORT_MAX_REQUEST_DATA_IN_FLIGHT_PER_IP("native_transport_max_request_data_in_flight_per_ip",
            Values.dataSizeOrDefault(Values.dataSize()), d -> null,
            new Legacy("native_transport_max_concurrent_requests_in_bytes_per_ip",
                    Values.dataSizeOrDefault(Values.dataSizeIn(1, "bytes")))),
    NATIVE_TRANSPORT_IDLE_TIMEOUT("native_transport_idle_timeout", Values.duration(), d -> Duration.ZERO,
            new Legacy("native_transport_idle_timeout_in_ms", Values.durationIn(ChronoUnit.MILLIS))),
    /** Ringlet's: unsent output past which a connection is closed rather than sent an event (ADR 0070). */
    NATIVE_TRANSPORT_EVENT_BACKLOG_LIMIT("native_transport_event_backlog_limit", Values.dataSize(),
            d -> DataSize.ofMebibytes(8)),
    /** Ringlet's: the native transport's Netty I/O threads; unset means one per processor. */
    NATIVE_TRANSPORT_IO_THREADS("native_transport_io_threads", Values.integer(1, 1024), d -> null),
    /** Ringlet's: the JMX (nodetool) port, Cassandra's JMX_PORT of cassandra-env.sh; 0 picks a free port. */
    JMX_PORT("jmx_port", Values.integer(0, 65535), d -> 7199),

    // storage
    DATA_FILE_DIRECTORIES("data_file_directories", Values.pathList(), d -> List.of(d.dataDirectory().resolve("data"))),
    COMMITLOG_DIRECTORY("commitlog_directory", Values.path(), d -> d.dataDirectory().resolve("commitlog")),
    SAVED_CACHES_DIRECTORY("saved_caches_directory", Values.path(), d -> d.dataDirectory().resolve("saved_caches")),
    HINTS_DIRECTORY("hints_directory", Values.path(), d -> d.dataDirectory().resolve("hints")),
    COMMITLOG_SYNC("commitlog_sync", Values.oneOf(CommitLogSync.class), d -> CommitLogSync.PERIODIC),
    COMMITLOG_SYNC_PERIOD("commitlog_sync_period", Values.duration(), d -> Duration.ofMillis(10_000),
            new Legacy("commitlog_sync_period_in_ms", Values.durationIn(ChronoUnit.MILLIS))),
    COMMITLOG_SYNC_GROUP_WINDOW("commitlog_sync_group_window", Values.duration(), d -> Duration.ZERO,
            new Legacy("commitlog_sync_group_window_in_ms", Values.durationIn(ChronoUnit.MILLIS))),
    COMMITLOG_SEGMENT_SIZE("commitlog_segment_size", Values.dataSize(), d -> DataSize.ofMebibytes(32),
            new Legacy("commitlog_segment_size_in_mb", Values.dataSizeIn(1024L * 1024, "MiB"))),
    COMMITLOG_TOTAL_SPACE("commitlog_total_space", Values.dataSize(), d -> null,
            new Legacy("commitlog_total_space_in_mb", Values.dataSizeIn(1024L * 1024, "MiB"))),
    MEMTABLE_HEAP_SPACE("memtable_heap_space", Values.dataSize(), d -> new DataSize(d.maxHeapBytes() / 4),
            new Legacy("memtable_heap_space_in_mb", Values.dataSizeIn(1024L * 1024, "MiB"))),
    MEMTABLE_ALLOCATION_TYPE("memtable_allocation_type", Values.oneOf(MemtableAllocationType.class),
            d -> MemtableAllocationType.HEAP_BUFFERS),
    DISK_FAILURE_POLICY("disk_failure_policy", Values.oneOf(DiskFailurePolicy.class), d -> DiskFailurePolicy.STOP),
    COMMIT_FAILURE_POLICY("commit_failure_policy", Values.oneOf(CommitFailurePolicy.class),
            d -> CommitFailurePolicy.STOP),
    COMPACTION_THROUGHPUT("compaction_throughput", Values.dataRate(), d -> new DataRate(64L * 1024 * 1024),
            new Legacy("compaction_throughput_mb_per_sec", Values.dataRateInMebibytesPerSecond())),
    CONCURRENT_COMPACTORS("concurrent_compactors", Values.integer(1, 1024), d -> null),
    AUTO_SNAPSHOT("auto_snapshot", Values.bool(), d -> true),
    /** Unset: the smaller of 5 % of the heap and 100 MiB (as Cassandra); 0 disables the key cache. */
    KEY_CACHE_SIZE("key_cache_size", Values.dataSize(), d -> null,
            new Legacy("key_cache_size_in_mb", Values.dataSizeIn(1024L * 1024, "MiB"))),
    /**
     * Unset: the smaller of an eighth of the heap and 512 MiB (Cassandra: a quarter, off the heap; Ringlet's chunk
     * cache is on the heap, next to the memtables, ADR 0161); 0 disables the chunk cache.
     */
    FILE_CACHE_SIZE("file_cache_size", Values.dataSize(), d -> null,
            new Legacy("file_cache_size_in_mb", Values.dataSizeIn(1024L * 1024, "MiB"))),

    // requests (coordinator)
    /** Threads of the read stage: reads that may block on the disk in flight at once (ADR 0160). */
    CONCURRENT_READS("concurrent_reads", Values.integer(1, 1024), d -> 32),
    READ_REQUEST_TIMEOUT("read_request_timeout", Values.duration(), d -> Duration.ofMillis(5000),
            new Legacy("read_request_timeout_in_ms", Values.durationIn(ChronoUnit.MILLIS))),
    RANGE_REQUEST_TIMEOUT("range_request_timeout", Values.duration(), d -> Duration.ofMillis(10_000),
            new Legacy("range_request_timeout_in_ms", Values.durationIn(ChronoUnit.MILLIS))),
    WRITE_REQUEST_TIMEOUT("write_request_timeout", Values.duration(), d -> Duration.ofMillis(2000),
            new Legacy("write_request_timeout_in_ms", Values.durationIn(ChronoUnit.MILLIS))),
    COUNTER_WRITE_REQUEST_TIMEOUT("counter_write_request_timeout", Values.duration(), d -> Duration.ofMillis(5000),
            new Legacy("counter_write_request_timeout_in_ms", Values.durationIn(ChronoUnit.MILLIS))),
    CAS_CONTENTION_TIMEOUT("cas_contention_timeout", Values.duration(), d -> Duration.ofMillis(1000),
            new Legacy("cas_contention_timeout_in_ms", Values.durationIn(ChronoUnit.MILLIS))),
    TRUNCATE_REQUEST_TIMEOUT("truncate_request_timeout", Values.duration(), d -> Duration.ofMillis(60_000),
            new Legacy("truncate_request_timeout_in_ms", Values.durationIn(ChronoUnit.MILLIS))),
    REQUEST_TIMEOUT("request_timeout", Values.duration(), d -> Duration.ofMillis(10_000),
            new Legacy("request_timeout_in_ms", Values.durationIn(ChronoUnit.MILLIS))),
    HINTED_HANDOFF_ENABLED("hinted_handoff_enabled", Values.bool(), d -> true),
    MAX_HINT_WINDOW("max_hint_window", Values.duration(), d -> Duration.ofHours(3),
            new Legacy("max_hint_window_in_ms", Values.durationIn(ChronoUnit.MILLIS))),

    // security
    AUTHENTICATOR("authenticator", Values.cassandraClass("org.apache.cassandra.auth",
            List.of("AllowAllAuthenticator"), List.of("PasswordAuthenticator", "MutualTlsAuthenticator",
                    "MutualTlsWithPasswordFallbackAuthenticator")), d -> "AllowAllAuthenticator"),
    AUTHORIZER("authorizer", Values.cassandraClass("org.apache.cassandra.auth",
            List.of("AllowAllAuthorizer"), List.of("CassandraAuthorizer")), d -> "AllowAllAuthorizer");

    private final String key;
    private final ValueParser parser;
    private final Function<Defaults, Object> defaultValue;
    private final List<Legacy> legacy;
    private final boolean inYaml;

    Setting(String key, ValueParser parser, Function<Defaults, Object> defaultValue, Legacy... legacy) {
        this(key, parser, defaultValue, true, legacy);
    }

    Setting(String key, ValueParser parser, Function<Defaults, Object> defaultValue, boolean inYaml,
            Legacy... legacy) {
        this.key = key;
        this.parser = parser;
        this.defaultValue = defaultValue;
        this.legacy = List.of(legacy);
        this.inYaml = inYaml;
    }

    /** The cassandra.yaml name. */
    public String key() {
        return key;
    }

    /** The command-line flag that sets it, e.g. {@code --listen-address}. */
    public String flag() {
        return "--" + key.replace('_', '-');
    }

    /** Whether the key may appear in ringlet.yaml (false for the rack/dc overrides). */
    public boolean inYaml() {
        return inYaml;
    }

    /** The legacy names (with a bare number in a fixed unit) that Cassandra still accepts. */
    List<Legacy> legacyNames() {
        return legacy;
    }

    ValueParser parser() {
        return parser;
    }

    Object defaultValue(Defaults defaults) {
        return defaultValue.apply(defaults);
    }

    /** The setting with this key, if Ringlet supports it. */
    public static Optional<Setting> byKey(String key) {
        for (Setting s : values()) {
            if (s.key.equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The setting a legacy name belongs to. */
    static Optional<Setting> byLegacyKey(String key) {
        for (Setting s : values()) {
            for (Legacy l : s.legacy) {
                if (l.name().equals(key)) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    /** The legacy parser of {@code legacyKey}. */
    ValueParser legacyParser(String legacyKey) {
        for (Legacy l : legacy) {
            if (l.name().equals(legacyKey)) {
                return l.parser();
            }
        }
        throw new IllegalArgumentException(legacyKey + " is not a legacy name of " + key);
    }

    /**
     * What defaults are computed from.
     *
     * @param dataDirectory the root of every directory the configuration leaves unset ({@code --data})
     * @param maxHeapBytes  the JVM's maximum heap, for memtable_heap_space's default of a quarter of it
     */
    record Defaults(Path dataDirectory, long maxHeapBytes) {
    }

    /** A legacy name with its fixed-unit parser. */
    record Legacy(String name, ValueParser parser) {
    }
}
