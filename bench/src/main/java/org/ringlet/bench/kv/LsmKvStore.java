package org.ringlet.bench.kv;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.data.Cell;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.LivenessInfo;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.ClusteringFilter;
import org.ringlet.api.storage.ColumnFilter;
import org.ringlet.api.storage.DataLimits;
import org.ringlet.api.storage.KeyRange;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.api.types.NativeType;
import org.ringlet.bench.BenchNode;
import org.ringlet.partitioner.Murmur3Partitioner;
import org.ringlet.storage.lsm.LsmStorageEngine;
import org.ringlet.storage.lsm.StorageConfig;
import org.ringlet.storage.lsm.io.LocalFileSystem;

/**
 * The {@code lsm} engine through the {@code StorageEngine} API, with the table
 * {@code bench.kv (k bigint PRIMARY KEY, v blob)} at its default options: writes are INSERT-like mutations (row
 * marker and cell), reads are full-partition reads, the scan pages through the token ring 5,000 rows at a time
 * as a coordinator would.
 */
final class LsmKvStore implements KvStore {
    static final int SCAN_PAGE_ROWS = 5000;

    private final BenchNode node;
    private final LsmStorageEngine engine;
    private final TableMetadata table;
    private final Murmur3Partitioner partitioner;

    /**
     * @param dir        the engine's directory (data and commit log)
     * @param cacheBytes {@code file_cache_size} (the key cache keeps its default, min(5% of the heap, 100 MiB))
     * @param memtable   {@code memtable_heap_space}
     */
    LsmKvStore(Path dir, long cacheBytes, long memtable) throws Exception {
        node = new BenchNode();
        partitioner = node.partitioner();
        table = node.schema().createTable(TableMetadata.builder("bench", "kv")
                .id(new org.ringlet.api.schema.TableId(java.util.UUID.nameUUIDFromBytes("bench.kv".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8))))
                .addPartitionKey("k", NativeType.BIGINT).addRegular("v", NativeType.BLOB).build());
        Map<String, String> opts = new TreeMap<>();
        opts.put("data_file_directories", dir.resolve("data").toString());
        opts.put("commitlog_directory", dir.resolve("commitlog").toString());
        opts.put("commitlog_sync", "periodic");
        opts.put("commitlog_sync_period", "10000ms");
        opts.put("memtable_heap_space", (memtable >> 20) + "MiB");
        opts.put("file_cache_size", Math.max(1, cacheBytes >> 20) + "MiB");
        engine = new LsmStorageEngine(StorageConfig.from(ComponentConfig.of(opts), Runtime.getRuntime().maxMemory()),
                new LocalFileSystem(), node);
        engine.start();
        engine.replayCommitLog(t -> true);
    }

    private DecoratedKey key(long k) {
        ByteBuffer b = ByteBuffer.allocate(8).putLong(0, k);
        return new DecoratedKey(partitioner.token(b), b);
    }

    @Override
    public void put(long k, byte[] value) {
        long ts = System.currentTimeMillis() * 1000;
        Partition.Builder b = Partition.builder(table, key(k));
        b.row(Clustering.EMPTY).liveness(LivenessInfo.create(ts)).addCell(Cell.live("v", null,
                ByteBuffer.wrap(value), ts));
        engine.apply(Mutation.of("bench", b.build()), true).toCompletableFuture().join();
    }

    @Override
    public int get(long k) {
        long now = System.currentTimeMillis() / 1000;
        Partition p = engine.read(SinglePartitionReadCommand.fullPartition(table.id(), key(k), now));
        List<Row> rows = p.rows();
        if (rows.isEmpty()) {
            return -1;
        }
        Cell c = rows.get(0).cell("v");
        return c == null ? -1 : c.value().remaining();
    }

    @Override
    public long scanAll(int valueSize) {
        long now = System.currentTimeMillis() / 1000;
        KeyRange range = KeyRange.all();
        long count = 0;
        while (true) {
            List<Partition> page = engine.scan(new PartitionRangeReadCommand(table.id(), range, ClusteringFilter.ALL,
                    ColumnFilter.ALL, DataLimits.rows(SCAN_PAGE_ROWS), now));
            for (Partition p : page) {
                for (Row r : p.rows()) {
                    Cell c = r.cell("v");
                    if (c == null || c.value().remaining() != valueSize) {
                        throw new IllegalStateException("bad value in " + p);
                    }
                    count++;
                }
            }
            if (page.size() < SCAN_PAGE_ROWS) {
                return count;
            }
            range = KeyRange.all().resumingAfter(page.get(page.size() - 1).key(), null);
        }
    }

    @Override
    public void settle() throws Exception {
        engine.flushAll().toCompletableFuture().join();
        int quiet = 0;
        while (quiet < 3) {
            Thread.sleep(200);
            quiet = engine.compactionProgress().isEmpty() ? quiet + 1 : 0;
        }
    }

    @Override
    public String describe() {
        List<Long> sizes = new java.util.ArrayList<>(engine.sstables(table.id()).stream()
                .map(i -> i.onDiskSize() >> 20).toList());
        sizes.sort(java.util.Comparator.reverseOrder());
        return engine.stats(table.id()).liveSSTableCount() + " sstables, " + (engine.liveDiskSpaceUsed() >> 20)
                + " MiB " + sizes + ", compactions running " + engine.compactionProgress().size();
    }

    @Override
    public void close() {
        try {
            engine.stop();
        } finally {
            node.close();
        }
    }
}
