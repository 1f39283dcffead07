package org.ringlet.node.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.error.ErrorCode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    private static final long HEAP = 4L * 1024 * 1024 * 1024;

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(CassandraKeys.load());

    private LoadedConfig load(String yaml, Map<String, String> env, Map<String, String> flags) throws IOException {
        Optional<Path> file = Optional.empty();
        if (yaml != null) {
            Path f = dir.resolve("ringlet.yaml");
            Files.writeString(f, yaml);
            file = Optional.of(f);
        }
        return loader.load(new ConfigInput(file, dir.resolve("data"), dir.resolve("conf"), env, flags, dir, HEAP));
    }

    private ConfigurationException fails(String yaml, Map<String, String> env, Map<String, String> flags) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> load(yaml, env, flags));
        assertEquals(ErrorCode.CONFIG_ERROR, e.code());
        return e;
    }

    @Test
    void defaultsPutEveryDirectoryUnderTheDataDirectory() throws IOException {
        LoadedConfig loaded = load(null, Map.of(), Map.of());
        NodeConfig c = loaded.config();
        Path data = dir.resolve("data");
        assertEquals(List.of(data.resolve("data")), c.storage().dataFileDirectories());
        assertEquals(data.resolve("commitlog"), c.storage().commitlogDirectory());
        assertEquals(data.resolve("saved_caches"), c.storage().savedCachesDirectory());
        assertEquals(data.resolve("hints"), c.storage().hintsDirectory());
        assertEquals("Test Cluster", c.cluster().clusterName());
        assertEquals(16, c.cluster().numTokens());
        assertEquals(CommitLogSync.PERIODIC, c.storage().commitlogSync());
        assertEquals(Duration.ofSeconds(10), c.storage().commitlogSyncPeriod());
        assertEquals(HEAP / 4, c.storage().memtableHeapSpace().bytes());
        assertEquals(InetAddress.getLoopbackAddress(), c.network().broadcastAddress());
        assertEquals(Source.DEFAULT, loaded.value("commitlog_directory").source());
        assertTrue(loaded.warnings().isEmpty());
    }

    @Test
    void readsUnitsAndLegacyNames() throws IOException {
        LoadedConfig loaded = load("""
                commitlog_sync: group
                commitlog_sync_group_window_in_ms: 15
                native_transport_max_frame_size: 32MiB
                memtable_heap_space_in_mb: 512
                compaction_throughput_mb_per_sec: 16
                max_hint_window: 2h
                data_file_directories:
                    - disk1
                    - /abs/disk2
                commitlog_directory: cl
                """, Map.of(), Map.of());
        StorageConfig s = loaded.config().storage();
        assertEquals(CommitLogSync.GROUP, s.commitlogSync());
        assertEquals(Duration.ofMillis(15), s.commitlogSyncGroupWindow());
        assertEquals(512L * 1024 * 1024, s.memtableHeapSpace().bytes());
        assertEquals(16L * 1024 * 1024, s.compactionThroughput().bytesPerSecond());
        assertEquals(32L * 1024 * 1024, loaded.config().network().maxFrameSize().bytes());
        assertEquals(Duration.ofHours(2), loaded.config().requests().maxHintWindow());
        assertEquals(List.of(dir.resolve("disk1"), Path.of("/abs/disk2")), s.dataFileDirectories());
        assertEquals(dir.resolve("cl"), s.commitlogDirectory());
        assertEquals("15ms", loaded.value("commitlog_sync_group_window").value());
        assertEquals("ringlet.yaml:2 (commitlog_sync_group_window_in_ms)",
                loaded.value("commitlog_sync_group_window").origin());
        assertTrue(loaded.warnings().stream().anyMatch(w -> w.contains("commitlog_sync_group_window_in_ms")
                && w.contains("deprecated")), loaded.warnings().toString());
    }

    @Test
    void aRealCassandra50YamlLoadsWithWarningsForWhatIsNotSupported() throws IOException {
        String yaml;
        try (InputStream in = getClass().getResourceAsStream("cassandra-5.0.yaml")) {
            yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        LoadedConfig loaded = load(yaml, Map.of(), Map.of());
        assertEquals("org.apache.cassandra.dht.Murmur3Partitioner", loaded.config().cluster().partitioner());
        assertEquals(List.of("127.0.0.1:7000"), loaded.config().cluster().seeds());
        assertEquals("AllowAllAuthenticator", loaded.config().security().authenticator());
        assertTrue(loaded.warnings().stream().anyMatch(w -> w.startsWith("Cassandra setting 'concurrent_writes'")));
        assertEquals(32, loaded.config().requests().concurrentReads(), "concurrent_reads is supported");
        assertTrue(loaded.warnings().stream().anyMatch(w -> w.contains("'storage_compatibility_mode'")));
        assertFalse(loaded.warnings().stream().anyMatch(w -> w.contains("'commitlog_sync'")),
                "supported keys are not warned about");
    }

    @Test
    void anUnknownKeyIsAnErrorWithTheLineAndASuggestion() {
        ConfigurationException e = fails("""
                cluster_name: x
                comitlog_sync: batch
                """, Map.of(), Map.of());
        assertEquals("Unknown configuration key 'comitlog_sync' (ringlet.yaml:2): it is neither a Ringlet setting "
                + "nor a cassandra.yaml setting; did you mean 'commitlog_sync'?", e.getMessage());
    }

    @Test
    void badValuesNameTheKeyTheValueAndWhatIsAllowed() {
        assertEquals("Invalid value '10 seconds' for commitlog_sync_period (ringlet.yaml:1): expected a duration "
                        + "with a unit, such as 10000ms, 10s or 2m (units: d, h, m, s, ms, us, ns)",
                fails("commitlog_sync_period: 10 seconds\n", Map.of(), Map.of()).getMessage());
        assertEquals("Invalid value 'sometimes' for commitlog_sync (ringlet.yaml:1): expected one of periodic, "
                + "batch, group", fails("commitlog_sync: sometimes\n", Map.of(), Map.of()).getMessage());
        assertEquals("Invalid value '16MB' for native_transport_max_frame_size (ringlet.yaml:1): expected a size "
                        + "with a unit, such as 16MiB (units: B, KiB, MiB, GiB)",
                fails("native_transport_max_frame_size: 16MB\n", Map.of(), Map.of()).getMessage());
        assertTrue(fails("num_tokens: 0\n", Map.of(), Map.of()).getMessage()
                .contains("expected an integer from 1 to 1536"));
        assertTrue(fails("listen_address: 0.0.0.0\n", Map.of(), Map.of()).getMessage()
                .contains("not a wildcard address"));
        assertTrue(fails("authenticator: PasswordAuthenticator\n", Map.of(), Map.of()).getMessage()
                .contains("PasswordAuthenticator is not supported by Ringlet yet"));
        assertTrue(fails("disk_failure_policy: explode\n", Map.of(), Map.of()).getMessage()
                .contains("best_effort, stop, ignore, stop_paranoid, die"));
        assertTrue(fails("memtable_allocation_type: slabs\n", Map.of(), Map.of()).getMessage()
                .contains("unslabbed_heap_buffers, heap_buffers, offheap_buffers, offheap_objects"));
    }

    @Test
    void allProblemsAreReportedTogether() {
        String message = fails("""
                num_tokens: lots
                bogus_key: 1
                """, Map.of(), Map.of("storage_port", "70000")).getMessage();
        assertTrue(message.startsWith("Invalid configuration:"), message);
        assertTrue(message.contains("num_tokens") && message.contains("bogus_key") && message.contains("--storage-port"),
                message);
    }

    @Test
    void environmentOverridesTheFileAndFlagsOverrideTheEnvironment() throws IOException {
        String yaml = """
                cluster_name: from-file
                num_tokens: 8
                endpoint_snitch: SimpleSnitch
                listen_address: 127.0.0.1
                """;
        Map<String, String> env = Map.of("CASSANDRA_CLUSTER_NAME", "from-env", "CASSANDRA_NUM_TOKENS", "4",
                "CASSANDRA_SEEDS", "127.0.0.1,127.0.0.2:7001", "CASSANDRA_DC", "dc-east",
                "CASSANDRA_ENDPOINT_SNITCH", "GossipingPropertyFileSnitch", "CASSANDRA_LISTEN_ADDRESS", "127.0.0.2",
                "UNRELATED", "ignored");
        LoadedConfig loaded = load(yaml, env, Map.of("num_tokens", "2", "rack", "r9"));
        NodeConfig c = loaded.config();
        assertEquals("from-env", c.cluster().clusterName());
        assertEquals(2, c.cluster().numTokens());
        assertEquals(List.of("127.0.0.1", "127.0.0.2:7001"), c.cluster().seeds());
        assertEquals(Optional.of("dc-east"), c.location().datacenter());
        assertEquals(Optional.of("r9"), c.location().rack());
        assertEquals("GossipingPropertyFileSnitch", c.location().endpointSnitch());
        assertEquals(InetAddress.getByName("127.0.0.2"), c.network().listenAddress());
        assertEquals(InetAddress.getByName("127.0.0.2"), c.network().broadcastAddress());
        assertEquals(new ConfigValue("cluster_name", "from-env", Source.ENV, "CASSANDRA_CLUSTER_NAME"),
                loaded.value("cluster_name"));
        assertEquals(new ConfigValue("num_tokens", "2", Source.FLAG, "--num-tokens"), loaded.value("num_tokens"));
        assertEquals(Source.ENV, loaded.value("endpoint_snitch").source());
    }

    @Test
    void twoNodesInOneJvmReadTheirOwnEnvironments() throws IOException {
        LoadedConfig a = load(null, Map.of("CASSANDRA_LISTEN_ADDRESS", "127.0.0.2"), Map.of());
        LoadedConfig b = load(null, Map.of("CASSANDRA_LISTEN_ADDRESS", "127.0.0.3"), Map.of());
        assertEquals("127.0.0.2", a.config().nodeName());
        assertEquals("127.0.0.3", b.config().nodeName());
    }

    @Test
    void legacyAndNewNameTogetherIsAnError() {
        assertTrue(fails("""
                commitlog_sync_period: 10s
                commitlog_sync_period_in_ms: 10000
                """, Map.of(), Map.of()).getMessage()
                .contains("'commitlog_sync_period' (ringlet.yaml:1) and its deprecated name "
                        + "'commitlog_sync_period_in_ms' are both set"));
    }

    @Test
    void commitLogModesAreCheckedAsCassandraDoes() throws IOException {
        assertTrue(fails("commitlog_sync: group\n", Map.of(), Map.of()).getMessage()
                .contains("commitlog_sync_group_window must be set"));
        assertTrue(fails("commitlog_sync: batch\ncommitlog_sync_period: 1000ms\n", Map.of(), Map.of()).getMessage()
                .contains("only used with commitlog_sync: periodic"));
        assertTrue(fails("commitlog_sync_period: 0ms\n", Map.of(), Map.of()).getMessage()
                .contains("must be more than 0ms"));
        assertEquals(CommitLogSync.BATCH, load("commitlog_sync: batch\n", Map.of(), Map.of()).config().storage()
                .commitlogSync());
    }

    @Test
    void aWildcardRpcAddressNeedsABroadcastRpcAddress() throws IOException {
        assertTrue(fails("rpc_address: 0.0.0.0\n", Map.of(), Map.of()).getMessage()
                .contains("broadcast_rpc_address must be set"));
        NodeConfig c = load("rpc_address: 0.0.0.0\nbroadcast_rpc_address: 127.0.0.5\n", Map.of(), Map.of()).config();
        assertEquals(InetAddress.getByName("127.0.0.5"), c.network().broadcastRpcAddress());
    }

    @Test
    void structuralProblemsInTheFileAreReported() {
        assertTrue(fails("- a\n- b\n", Map.of(), Map.of()).getMessage().contains("must be a mapping"));
        assertTrue(fails("cluster_name: a\ncluster_name: b\n", Map.of(), Map.of()).getMessage()
                .contains("sets 'cluster_name' twice (lines 1 and 2)"));
        assertTrue(fails("cluster_name: [unclosed\n", Map.of(), Map.of()).getMessage().contains("not valid YAML"));
        assertTrue(fails("dc: east\n", Map.of(), Map.of()).getMessage().contains("Unknown configuration key 'dc'"),
                "dc and rack come from the environment, flags or cassandra-rackdc.properties, not the yaml");
        assertTrue(fails(null, Map.of(), Map.of("no_such_thing", "1")).getMessage()
                .contains("Unknown option --no-such-thing"));
    }

    @Test
    void anEmptyValueKeepsTheDefault() throws IOException {
        LoadedConfig loaded = load("memtable_heap_space:\nkey_cache_size:\n", Map.of(), Map.of());
        assertEquals(HEAP / 4, loaded.config().storage().memtableHeapSpace().bytes());
    }

    @Test
    void theKeyListKnowsCassandra50Keys() {
        CassandraKeys keys = CassandraKeys.load();
        assertTrue(keys.size() > 500, "keys: " + keys.size());
        assertTrue(keys.contains("storage_compatibility_mode"));
        assertTrue(keys.contains("commitlog_sync_period_in_ms"));
        assertFalse(keys.contains("comitlog_sync"));
        for (Setting s : Setting.values()) {
            assertTrue(!s.inYaml() || keys.contains(s.key()), s.key() + " is a cassandra.yaml key");
            s.legacyNames().forEach(l -> assertTrue(keys.contains(l.name()), l.name()));
        }
    }
}
