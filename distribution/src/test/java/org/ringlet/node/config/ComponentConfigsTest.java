package org.ringlet.node.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.ComponentKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComponentConfigsTest {
    @TempDir
    Path dir;

    @Test
    void eachKindGetsTheKeysItNeedsInPlainUnits() throws Exception {
        Path file = dir.resolve("ringlet.yaml");
        Files.writeString(file, """
                commitlog_sync_period: 2s
                commitlog_segment_size: 8MiB
                memtable_heap_space: 64MiB
                compaction_throughput: 16MiB/s
                disk_failure_policy: best_effort
                memtable_allocation_type: unslabbed_heap_buffers
                native_transport_port: 9043
                native_transport_max_frame_size: 1MiB
                write_request_timeout: 1500ms
                """);
        NodeConfig config = new ConfigLoader(CassandraKeys.load()).load(new ConfigInput(Optional.of(file),
                dir.resolve("data"), dir.resolve("conf"), Map.of("CASSANDRA_DC", "dc2"), Map.of(), dir, 1L << 30))
                .config();
        ComponentConfigs configs = new ComponentConfigs(config);

        ComponentConfig storage = configs.forKind(ComponentKind.STORAGE_ENGINE);
        assertEquals("node", storage.scope());
        assertEquals(dir.resolve("data").resolve("data").toString(), storage.require("data_file_directories"));
        assertEquals(2000, storage.getInt("commitlog_sync_period_ms", -1));
        assertEquals(8L << 20, storage.getLong("commitlog_segment_size_bytes", -1));
        assertEquals(64L << 20, storage.getLong("memtable_heap_space_bytes", -1));
        assertEquals(16L << 20, storage.getLong("compaction_throughput_bytes_per_second", -1));
        assertEquals("best_effort", storage.require("disk_failure_policy"));
        assertEquals("unslabbed_heap_buffers", storage.require("memtable_allocation_type"));
        assertEquals("periodic", storage.require("commitlog_sync"));

        ComponentConfig transport = configs.forKind(ComponentKind.TRANSPORT);
        assertEquals(9043, transport.getInt("native_transport_port", -1));
        assertEquals(1L << 20, transport.getLong("native_transport_max_frame_size_bytes", -1));

        ComponentConfig location = configs.forKind(ComponentKind.LOCATION_PROVIDER);
        assertEquals("dc2", location.require("dc"));
        assertTrue(location.get("rack").isEmpty());
        assertEquals(dir.resolve("conf").toString(), location.require("conf_dir"));
        assertEquals("127.0.0.1", location.require("broadcast_address"));

        assertEquals(1500, configs.forKind(ComponentKind.COORDINATOR).getInt("write_request_timeout_ms", -1));
        assertEquals("127.0.0.1:7000", configs.forKind(ComponentKind.MEMBERSHIP).require("seeds"));
        assertEquals(Map.of(), configs.forKind(ComponentKind.PARTITIONER).options());
        for (ComponentKind kind : ComponentKind.values()) {
            assertEquals("node", configs.forKind(kind).scope(), kind + " has a mapping");
        }
    }

    @Test
    void cacheSizesReachTheStorageEngineAndConcurrentReadsTheScheduler() throws Exception {
        Path file = dir.resolve("ringlet.yaml");
        Files.writeString(file, """
                file_cache_size: 64MiB
                key_cache_size_in_mb: 10
                concurrent_reads: 8
                """);
        LoadedConfig loaded = new ConfigLoader(CassandraKeys.load()).load(new ConfigInput(Optional.of(file),
                dir.resolve("data"), dir.resolve("conf"), Map.of(), Map.of(), dir, 1L << 30));
        assertTrue(loaded.warnings().stream().noneMatch(w -> w.contains("not supported")), loaded.warnings().toString());
        NodeConfig config = loaded.config();
        assertEquals(8, config.requests().concurrentReads());
        ComponentConfig storage = new ComponentConfigs(config).forKind(ComponentKind.STORAGE_ENGINE);
        assertEquals(64L << 20, storage.getLong("file_cache_size_bytes", -1));
        assertEquals(10L << 20, storage.getLong("key_cache_size_bytes", -1));

        Files.writeString(file, "cluster_name: x\n");
        NodeConfig defaults = new ConfigLoader(CassandraKeys.load()).load(new ConfigInput(Optional.of(file),
                dir.resolve("data"), dir.resolve("conf"), Map.of(), Map.of(), dir, 1L << 30)).config();
        assertEquals(32, defaults.requests().concurrentReads(), "Cassandra's default");
        ComponentConfig unset = new ComponentConfigs(defaults).forKind(ComponentKind.STORAGE_ENGINE);
        assertTrue(unset.get("file_cache_size_bytes").isEmpty(), "unset: the engine sizes it from the heap");
        assertTrue(unset.get("key_cache_size_bytes").isEmpty());
    }
}
