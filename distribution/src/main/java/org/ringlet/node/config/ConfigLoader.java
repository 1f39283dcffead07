package org.ringlet.node.config;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.ringlet.api.error.ConfigurationException;
import org.ringlet.node.config.YamlFile.Entry;

import static java.util.Objects.requireNonNull;

/**
 * Loads a node's configuration: defaults, then the file, then the Docker image's environment variables, then
 * command-line flags, each overriding the one before. Unknown keys and bad values are collected and reported
 * together in one {@link ConfigurationException} that names each key, its value and what is allowed.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConfigLoader {
    private static final Duration NO_DURATION = Duration.ZERO;
    private static final long MAX_FRAME_BYTES = 2048L * 1024 * 1024;

    private final CassandraKeys cassandraKeys;

    public ConfigLoader(CassandraKeys cassandraKeys) {
        this.cassandraKeys = requireNonNull(cassandraKeys, "cassandraKeys is null");
    }

    /**
     * @throws ConfigurationException listing every problem found
     */
    public LoadedConfig load(ConfigInput input) {
        requireNonNull(input, "input is null");
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<Setting, Resolved> values = defaults(input);

        input.configFile().ifPresent(file -> applyFile(file, input.workingDirectory(), values, problems, warnings));
        applyEnvironment(input, values, problems);
        applyFlags(input, values, problems);
        if (problems.isEmpty()) {
            deriveAndCheck(values, problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems.size() == 1 ? problems.get(0)
                    : "Invalid configuration:\n  - " + String.join("\n  - ", problems));
        }
        NodeConfig config = build(input, values);
        List<ConfigValue> effective = new ArrayList<>();
        for (Map.Entry<Setting, Resolved> e : values.entrySet()) {
            Resolved r = e.getValue();
            effective.add(new ConfigValue(e.getKey().key(), Values.format(r.value()), r.source(), r.origin()));
        }
        return new LoadedConfig(config, effective, warnings, input.configFile());
    }

    private static Map<Setting, Resolved> defaults(ConfigInput input) {
        Setting.Defaults defaults = new Setting.Defaults(input.dataDirectory(), input.maxHeapBytes());
        Map<Setting, Resolved> values = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            Object value = s.defaultValue(defaults);
            values.put(s, new Resolved(value, Source.DEFAULT, defaultOrigin(s, value, input)));
        }
        return values;
    }

    private static String defaultOrigin(Setting s, Object value, ConfigInput input) {
        return switch (s) {
            case DATA_FILE_DIRECTORIES, COMMITLOG_DIRECTORY, SAVED_CACHES_DIRECTORY, HINTS_DIRECTORY ->
                    "under --data " + input.dataDirectory();
            case MEMTABLE_HEAP_SPACE -> "a quarter of the heap";
            case BROADCAST_ADDRESS -> "same as listen_address";
            case BROADCAST_RPC_ADDRESS -> "same as rpc_address";
            case DC, RACK -> "from the snitch";
            case NODE_PROXIMITY -> "the one answering to endpoint_snitch";
            default -> value == null ? "unset" : "";
        };
    }

    private void applyFile(Path file, Path base, Map<Setting, Resolved> values, List<String> problems,
                           List<String> warnings) {
        if (!Files.isRegularFile(file)) {
            problems.add("The configuration file " + file + " does not exist or is not a file");
            return;
        }
        Map<Setting, String> legacyUsed = new EnumMap<>(Setting.class);
        Map<Setting, Integer> newNameLines = new EnumMap<>(Setting.class);
        Path shown = file.startsWith(base) ? base.relativize(file) : file;
        for (Entry e : YamlFile.read(file)) {
            String where = shown + ":" + e.line();
            Optional<Setting> setting = Setting.byKey(e.key()).filter(Setting::inYaml);
            Optional<Setting> legacy = Setting.byLegacyKey(e.key());
            if (setting.isPresent()) {
                newNameLines.put(setting.get(), e.line());
                if (e.value() != null) {
                    parseInto(setting.get(), setting.get().parser(), e.key(), e.value(), Source.FILE, where, base,
                            values, problems);
                }
            } else if (legacy.isPresent()) {
                Setting s = legacy.get();
                legacyUsed.put(s, e.key());
                warnings.add("'" + e.key() + "' (" + where + ") is deprecated; use '" + s.key() + "' with a unit");
                if (e.value() != null) {
                    parseInto(s, s.legacyParser(e.key()), e.key(), e.value(), Source.FILE, where + " (" + e.key()
                            + ")", base, values, problems);
                }
            } else if (cassandraKeys.contains(e.key())) {
                warnings.add("Cassandra setting '" + e.key() + "' (" + where + ") is not supported by Ringlet yet;"
                        + " ignored");
            } else {
                problems.add(unknownKey(e.key(), where));
            }
        }
        for (Map.Entry<Setting, String> used : legacyUsed.entrySet()) {
            Integer line = newNameLines.get(used.getKey());
            if (line != null) {
                problems.add("'" + used.getKey().key() + "' (" + shown + ":" + line + ") and its deprecated name '"
                        + used.getValue() + "' are both set; remove '" + used.getValue() + "'");
            }
        }
    }

    private String unknownKey(String key, String where) {
        List<String> candidates = new ArrayList<>();
        for (Setting s : Setting.values()) {
            if (s.inYaml()) {
                candidates.add(s.key());
            }
        }
        Optional<String> suggestion = CassandraKeys.closest(key, candidates);
        return "Unknown configuration key '" + key + "' (" + where + "): it is neither a Ringlet setting nor a "
                + "cassandra.yaml setting" + suggestion.map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    private static void applyEnvironment(ConfigInput input, Map<Setting, Resolved> values, List<String> problems) {
        for (DockerVariable variable : DockerVariable.values()) {
            String value = input.environment().get(variable.name());
            if (value != null && !value.isBlank()) {
                Setting s = variable.setting();
                parseInto(s, s.parser(), s.key(), value, Source.ENV, variable.name(),
                        input.workingDirectory(), values, problems);
            }
        }
    }

    private static void applyFlags(ConfigInput input, Map<Setting, Resolved> values, List<String> problems) {
        for (String key : new TreeSet<>(input.flags().keySet())) {
            Optional<Setting> setting = Setting.byKey(key);
            if (setting.isEmpty()) {
                problems.add("Unknown option --" + key.replace('_', '-') + "; settings can be given as --<key> "
                        + "<value> with a supported cassandra.yaml key, e.g. --listen-address 127.0.0.2");
                continue;
            }
            Setting s = setting.get();
            parseInto(s, s.parser(), s.key(), input.flags().get(key), Source.FLAG, s.flag(),
                    input.workingDirectory(), values, problems);
        }
    }

    private static void parseInto(Setting setting, ValueParser parser, String name, Object raw, Source source,
                                  String origin, Path base, Map<Setting, Resolved> values, List<String> problems) {
        try {
            values.put(setting, new Resolved(parser.parse(raw, base), source, origin));
        } catch (BadValueException e) {
            problems.add("Invalid value '" + describe(raw) + "' for " + name + " (" + origin + "): expected "
                    + e.getMessage());
        }
    }

    private static String describe(Object raw) {
        String s = String.valueOf(raw);
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    private static void deriveAndCheck(Map<Setting, Resolved> values, List<String> problems) {
        if (values.get(Setting.BROADCAST_ADDRESS).value() == null) {
            values.put(Setting.BROADCAST_ADDRESS, new Resolved(values.get(Setting.LISTEN_ADDRESS).value(),
                    Source.DEFAULT, "same as listen_address"));
        }
        if (values.get(Setting.BROADCAST_RPC_ADDRESS).value() == null) {
            InetAddress rpc = (InetAddress) values.get(Setting.RPC_ADDRESS).value();
            if (rpc.isAnyLocalAddress()) {
                problems.add("rpc_address is the wildcard address " + rpc.getHostAddress() + ", so "
                        + "broadcast_rpc_address must be set to the address clients should connect to");
                return;
            }
            values.put(Setting.BROADCAST_RPC_ADDRESS, new Resolved(rpc, Source.DEFAULT, "same as rpc_address"));
        }
        CommitLogSync sync = (CommitLogSync) values.get(Setting.COMMITLOG_SYNC).value();
        Resolved period = values.get(Setting.COMMITLOG_SYNC_PERIOD);
        Resolved window = values.get(Setting.COMMITLOG_SYNC_GROUP_WINDOW);
        switch (sync) {
            case PERIODIC -> {
                if (NO_DURATION.equals(period.value())) {
                    problems.add("commitlog_sync is periodic, so commitlog_sync_period must be more than 0ms ("
                            + period.origin() + "), e.g. 10000ms");
                }
            }
            case GROUP -> {
                if (NO_DURATION.equals(window.value())) {
                    problems.add("commitlog_sync is group, so commitlog_sync_group_window must be set to more than"
                            + " 0ms, e.g. 1000ms");
                }
                rejectPeriod("group", period, problems);
            }
            case BATCH -> rejectPeriod("batch", period, problems);
            default -> throw new AssertionError(sync);
        }
        DataSize frame = (DataSize) values.get(Setting.NATIVE_TRANSPORT_MAX_FRAME_SIZE).value();
        if (frame.bytes() == 0 || frame.bytes() >= MAX_FRAME_BYTES) {
            problems.add("Invalid value '" + frame + "' for native_transport_max_frame_size ("
                    + values.get(Setting.NATIVE_TRANSPORT_MAX_FRAME_SIZE).origin()
                    + "): expected more than 0B and less than 2048MiB");
        }
    }

    private static void rejectPeriod(String mode, Resolved period, List<String> problems) {
        if (period.source() != Source.DEFAULT && !NO_DURATION.equals(period.value())) {
            problems.add("commitlog_sync is " + mode + ", but commitlog_sync_period is set (" + period.origin()
                    + "); it is only used with commitlog_sync: periodic, so remove it");
        }
    }

    @SuppressWarnings("unchecked")
    private static NodeConfig build(ConfigInput input, Map<Setting, Resolved> v) {
        ClusterConfig cluster = new ClusterConfig(
                (String) v.get(Setting.CLUSTER_NAME).value(),
                (Integer) v.get(Setting.NUM_TOKENS).value(),
                Optional.ofNullable((String) v.get(Setting.INITIAL_TOKEN).value()),
                (String) v.get(Setting.PARTITIONER).value(),
                (List<String>) v.get(Setting.SEED_PROVIDER).value(),
                (Double) v.get(Setting.PHI_CONVICT_THRESHOLD).value());
        LocationConfig location = new LocationConfig(
                (String) v.get(Setting.ENDPOINT_SNITCH).value(),
                Optional.ofNullable((String) v.get(Setting.NODE_PROXIMITY).value()),
                Optional.ofNullable((String) v.get(Setting.DC).value()),
                Optional.ofNullable((String) v.get(Setting.RACK).value()),
                input.confDirectory());
        NetworkConfig network = new NetworkConfig(
                (InetAddress) v.get(Setting.LISTEN_ADDRESS).value(),
                (InetAddress) v.get(Setting.BROADCAST_ADDRESS).value(),
                (InetAddress) v.get(Setting.RPC_ADDRESS).value(),
                (InetAddress) v.get(Setting.BROADCAST_RPC_ADDRESS).value(),
                (Integer) v.get(Setting.STORAGE_PORT).value(),
                (Integer) v.get(Setting.NATIVE_TRANSPORT_PORT).value(),
                (Boolean) v.get(Setting.START_NATIVE_TRANSPORT).value(),
                (DataSize) v.get(Setting.NATIVE_TRANSPORT_MAX_FRAME_SIZE).value(),
                (Long) v.get(Setting.NATIVE_TRANSPORT_MAX_CONCURRENT_CONNECTIONS).value(),
                (Integer) v.get(Setting.JMX_PORT).value());
        StorageConfig storage = new StorageConfig(
                (List<Path>) v.get(Setting.DATA_FILE_DIRECTORIES).value(),
                (Path) v.get(Setting.COMMITLOG_DIRECTORY).value(),
                (Path) v.get(Setting.SAVED_CACHES_DIRECTORY).value(),
                (Path) v.get(Setting.HINTS_DIRECTORY).value(),
                (CommitLogSync) v.get(Setting.COMMITLOG_SYNC).value(),
                (Duration) v.get(Setting.COMMITLOG_SYNC_PERIOD).value(),
                (Duration) v.get(Setting.COMMITLOG_SYNC_GROUP_WINDOW).value(),
                (DataSize) v.get(Setting.COMMITLOG_SEGMENT_SIZE).value(),
                Optional.ofNullable((DataSize) v.get(Setting.COMMITLOG_TOTAL_SPACE).value()),
                (DataSize) v.get(Setting.MEMTABLE_HEAP_SPACE).value(),
                (MemtableAllocationType) v.get(Setting.MEMTABLE_ALLOCATION_TYPE).value(),
                (DiskFailurePolicy) v.get(Setting.DISK_FAILURE_POLICY).value(),
                (CommitFailurePolicy) v.get(Setting.COMMIT_FAILURE_POLICY).value(),
                (DataRate) v.get(Setting.COMPACTION_THROUGHPUT).value(),
                Optional.ofNullable((Integer) v.get(Setting.CONCURRENT_COMPACTORS).value()),
                (Boolean) v.get(Setting.AUTO_SNAPSHOT).value(),
                Optional.ofNullable((DataSize) v.get(Setting.KEY_CACHE_SIZE).value()),
                Optional.ofNullable((DataSize) v.get(Setting.FILE_CACHE_SIZE).value()));
        RequestConfig requests = new RequestConfig(
                (Duration) v.get(Setting.READ_REQUEST_TIMEOUT).value(),
                (Duration) v.get(Setting.RANGE_REQUEST_TIMEOUT).value(),
                (Duration) v.get(Setting.WRITE_REQUEST_TIMEOUT).value(),
                (Duration) v.get(Setting.COUNTER_WRITE_REQUEST_TIMEOUT).value(),
                (Duration) v.get(Setting.CAS_CONTENTION_TIMEOUT).value(),
                (Duration) v.get(Setting.TRUNCATE_REQUEST_TIMEOUT).value(),
                (Duration) v.get(Setting.REQUEST_TIMEOUT).value(),
                (Boolean) v.get(Setting.HINTED_HANDOFF_ENABLED).value(),
                (Duration) v.get(Setting.MAX_HINT_WINDOW).value(),
                (Integer) v.get(Setting.CONCURRENT_READS).value());
        SecurityConfig security = new SecurityConfig(
                (String) v.get(Setting.AUTHENTICATOR).value(),
                (String) v.get(Setting.AUTHORIZER).value());
        NativeProtocolConfig protocol = new NativeProtocolConfig(
                (Long) v.get(Setting.NATIVE_TRANSPORT_MAX_CONCURRENT_CONNECTIONS_PER_IP).value(),
                (Integer) v.get(Setting.NATIVE_TRANSPORT_MAX_REQUESTS_PER_CONNECTION).value(),
                (Boolean) v.get(Setting.NATIVE_TRANSPORT_ALLOW_OLDER_PROTOCOLS).value(),
                (Integer) v.get(Setting.NATIVE_TRANSPORT_MAX_NEGOTIABLE_PROTOCOL_VERSION).value(),
                Optional.ofNullable((DataSize) v.get(Setting.NATIVE_TRANSPORT_MAX_REQUEST_DATA_IN_FLIGHT).value()),
                Optional.ofNullable((DataSize) v.get(Setting.NATIVE_TRANSPORT_MAX_REQUEST_DATA_IN_FLIGHT_PER_IP)
                        .value()),
                (Duration) v.get(Setting.NATIVE_TRANSPORT_IDLE_TIMEOUT).value(),
                (DataSize) v.get(Setting.NATIVE_TRANSPORT_EVENT_BACKLOG_LIMIT).value(),
                Optional.ofNullable((Integer) v.get(Setting.NATIVE_TRANSPORT_IO_THREADS).value()));
        ComponentsConfig components = new ComponentsConfig(
                (String) v.get(Setting.STORAGE_ENGINE).value(),
                (String) v.get(Setting.SCHEMA_MANAGER).value(),
                (String) v.get(Setting.QUERY_HANDLER).value(),
                (String) v.get(Setting.TOPOLOGY_SERVICE).value(),
                (String) v.get(Setting.COORDINATOR).value(),
                (String) v.get(Setting.NATIVE_TRANSPORT).value());
        return new NodeConfig(input.dataDirectory(), cluster, location, network, storage, requests, security,
                protocol, components);
    }

    /** A value with where it came from. */
    private record Resolved(Object value, Source source, String origin) {
    }
}
