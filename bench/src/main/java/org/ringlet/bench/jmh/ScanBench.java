package org.ringlet.bench.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.data.Partition;
import org.ringlet.api.storage.ClusteringFilter;
import org.ringlet.api.storage.ColumnFilter;
import org.ringlet.api.storage.DataLimits;
import org.ringlet.api.storage.KeyRange;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.bench.BenchNode;
import org.ringlet.storage.lsm.LsmStorageEngine;
import org.ringlet.storage.lsm.StorageConfig;
import org.ringlet.storage.lsm.io.LocalFileSystem;

/**
 * The engine's full scan of {@code keys} partitions of {@code bench.kv} written in random order into three
 * SSTables (as the engine-vs-RocksDB benchmark's 1M keys end up after its settle phase), paged 5,000 rows at a
 * time as a coordinator pages. One operation is the whole scan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
public class ScanBench {
    private static final int PAGE = 5_000;

    @Param({"300000"})
    public int keys;

    private Path dir;
    private BenchNode node;
    private LsmStorageEngine engine;

    @Setup
    public void setup() throws Exception {
        dir = Files.createTempDirectory("ringlet-jmh-scan");
        node = new BenchNode();
        node.schema().createTable(Rows.TABLE);
        Rows rows = new Rows(node.partitioner());
        Map<String, String> opts = new TreeMap<>();
        opts.put("data_file_directories", dir.resolve("data").toString());
        opts.put("commitlog_directory", dir.resolve("commitlog").toString());
        opts.put("memtable_heap_space", "256MiB");
        engine = new LsmStorageEngine(StorageConfig.from(ComponentConfig.of(opts), Runtime.getRuntime().maxMemory()),
                new LocalFileSystem(), node);
        engine.start();
        engine.replayCommitLog(t -> true);
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        for (int part = 0; part < 3; part++) {
            for (int k = 0; k < keys / 3; k++) {
                engine.apply(rows.mutation(r.nextLong(), 1), false).toCompletableFuture().join();
            }
            engine.flushAll().toCompletableFuture().join();
        }
    }

    @TearDown
    public void tearDown() throws Exception {
        engine.stop();
        node.close();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public long scan() {
        KeyRange range = KeyRange.all();
        long count = 0;
        while (true) {
            List<Partition> page = engine.scan(new PartitionRangeReadCommand(Rows.TABLE.id(), range,
                    ClusteringFilter.ALL, ColumnFilter.ALL, DataLimits.rows(PAGE), 1_700_000_000L));
            for (Partition p : page) {
                count += p.rows().size();
            }
            if (page.size() < PAGE) {
                return count;
            }
            range = KeyRange.all().resumingAfter(page.get(page.size() - 1).key(), null);
        }
    }
}
