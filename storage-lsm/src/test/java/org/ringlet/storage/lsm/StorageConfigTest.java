package org.ringlet.storage.lsm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.Scheduler;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.storage.StorageEngineFactory;
import org.ringlet.storage.lsm.commitlog.CommitFailurePolicy;
import org.ringlet.storage.lsm.commitlog.SyncMode;
import org.ringlet.storage.lsm.memtable.AllocationType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorageConfigTest {
    private static StorageConfig parse(Map<String, String> options) {
        return StorageConfig.from(ComponentConfig.of(options), 4L << 30);
    }

    @Test
    void defaultsFollowCassandra() {
        StorageConfig c = parse(Map.of());
        assertEquals(SyncMode.PERIODIC, c.commitLog().syncMode());
        assertEquals(Duration.ofSeconds(10), c.commitLog().syncPeriod());
        assertEquals(32 << 20, c.commitLog().segmentSize());
        assertEquals(8192L << 20, c.commitLog().totalSpace());
        assertEquals(1L << 30, c.memtableHeapSpace(), "a quarter of the heap");
        assertEquals(StorageConfig.DiskFailurePolicy.STOP, c.diskFailurePolicy());
        assertEquals(CommitFailurePolicy.STOP, c.commitLog().failurePolicy());
        assertEquals(64L << 20, c.compactionThroughput());
        assertTrue(c.autoSnapshot());
        assertEquals(List.of(Path.of("data/data").toAbsolutePath()), c.dataDirectories());
        assertEquals(AllocationType.HEAP_BUFFERS, c.memtableAllocation());
    }

    @Test
    void memtableAllocationTypes() {
        assertEquals(AllocationType.UNSLABBED_HEAP_BUFFERS,
                parse(Map.of("memtable_allocation_type", "unslabbed_heap_buffers")).memtableAllocation());
        assertEquals(AllocationType.HEAP_BUFFERS,
                parse(Map.of("memtable_allocation_type", "Heap_Buffers")).memtableAllocation());
        // Cassandra's off-heap types are served on the heap
        assertEquals(AllocationType.HEAP_BUFFERS,
                parse(Map.of("memtable_allocation_type", "offheap_objects")).memtableAllocation());
        assertEquals(AllocationType.HEAP_BUFFERS,
                parse(Map.of("memtable_allocation_type", "offheap_buffers")).memtableAllocation());
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parse(Map.of("memtable_allocation_type", "arena")));
        assertTrue(e.getMessage().contains("'arena'") && e.getMessage().contains("heap_buffers"), e.getMessage());
    }

    @Test
    void cassandraYamlNamesWithUnitsAndLegacyNames() {
        StorageConfig c = parse(Map.of("data_file_directories", "/a, /b", "commitlog_directory", "/c",
                "commitlog_sync", "group", "commitlog_sync_group_window", "15ms", "commitlog_segment_size", "8MiB",
                "commitlog_total_space_in_mb", "100", "memtable_heap_space", "512MiB",
                "disk_failure_policy", "best_effort", "compaction_throughput", "16MiB/s", "auto_snapshot", "false"));
        assertEquals(List.of(Path.of("/a"), Path.of("/b")), c.dataDirectories());
        assertEquals(Path.of("/c"), c.commitLog().directory());
        assertEquals(SyncMode.GROUP, c.commitLog().syncMode());
        assertEquals(Duration.ofMillis(15), c.commitLog().groupWindow());
        assertEquals(8 << 20, c.commitLog().segmentSize());
        assertEquals(100L << 20, c.commitLog().totalSpace());
        assertEquals(512L << 20, c.memtableHeapSpace());
        assertEquals(StorageConfig.DiskFailurePolicy.BEST_EFFORT, c.diskFailurePolicy());
        assertEquals(16L << 20, c.compactionThroughput());
        assertFalse(c.autoSnapshot());
        assertEquals(Duration.ofMillis(2500),
                parse(Map.of("commitlog_sync_period_in_ms", "2500")).commitLog().syncPeriod());
    }

    @Test
    void theNodesNormalizedNumbersAreAccepted() {
        StorageConfig c = parse(Map.of("commitlog_sync_period_ms", "1234", "commitlog_segment_size_bytes", "1048576",
                "commitlog_total_space_bytes", "4194304", "memtable_heap_space_bytes", "8388608",
                "compaction_throughput_bytes_per_second", "0", "commitlog_sync_group_window_ms", "3"));
        assertEquals(Duration.ofMillis(1234), c.commitLog().syncPeriod());
        assertEquals(1 << 20, c.commitLog().segmentSize());
        assertEquals(4L << 20, c.commitLog().totalSpace());
        assertEquals(8L << 20, c.memtableHeapSpace());
        assertEquals(0, c.compactionThroughput());
        assertEquals(Duration.ofMillis(3), c.commitLog().groupWindow());
    }

    @Test
    void badValuesNameTheOption() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parse(Map.of("commitlog_sync", "sometimes")));
        assertTrue(e.getMessage().contains("commitlog_sync"), e.getMessage());
        e = assertThrows(ConfigurationException.class, () -> parse(Map.of("commitlog_segment_size", "32 parsecs")));
        assertTrue(e.getMessage().contains("commitlog_segment_size"), e.getMessage());
        e = assertThrows(ConfigurationException.class, () -> parse(Map.of("disk_failure_policy", "panic")));
        assertTrue(e.getMessage().contains("best_effort"), e.getMessage());
        assertThrows(ConfigurationException.class, () -> parse(Map.of("commitlog_sync_period", "0ms")));
    }

    @Test
    void theFactoryIsFoundByItsName() {
        StorageEngineFactory f = ServiceLoader.load(StorageEngineFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(x -> x.name().equals("lsm")).findFirst().orElseThrow();
        assertEquals(ComponentKind.STORAGE_ENGINE, f.kind());
        assertTrue(f.requiredServices().containsAll(List.of(Clock.class, Scheduler.class, SchemaService.class,
                Partitioner.class)));
    }
}
