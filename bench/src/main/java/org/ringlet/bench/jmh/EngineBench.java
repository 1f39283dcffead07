package org.ringlet.bench.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.bench.BenchNode;
import org.ringlet.storage.lsm.LsmStorageEngine;
import org.ringlet.storage.lsm.StorageConfig;
import org.ringlet.storage.lsm.io.LocalFileSystem;

/**
 * The engine's point read of a partition that lives in one SSTable (flushed, caches warm), and a write with and
 * without the commit log append ({@code durable}; periodic sync, so the append is a buffered write to the
 * segment).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class EngineBench {
    @Param({"200000"})
    public int keys;

    private Path dir;
    private BenchNode node;
    private LsmStorageEngine engine;
    private Rows rows;
    private long next;
    private int i;

    @Setup
    public void setup() throws Exception {
        dir = Files.createTempDirectory("ringlet-jmh");
        node = new BenchNode();
        node.schema().createTable(Rows.TABLE);
        rows = new Rows(node.partitioner());
        Map<String, String> opts = new TreeMap<>();
        opts.put("data_file_directories", dir.resolve("data").toString());
        opts.put("commitlog_directory", dir.resolve("commitlog").toString());
        opts.put("memtable_heap_space", "256MiB");
        engine = new LsmStorageEngine(StorageConfig.from(ComponentConfig.of(opts), Runtime.getRuntime().maxMemory()),
                new LocalFileSystem(), node);
        engine.start();
        engine.replayCommitLog(t -> true);
        for (int k = 0; k < keys; k++) {
            engine.apply(rows.mutation(k, 1), true).toCompletableFuture().join();
        }
        engine.flushAll().toCompletableFuture().join();
        next = keys;
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
    public Partition sstablePointRead() {
        long k = (i++ * 0x9E3779B9L & 0x7fffffffL) % keys;
        return engine.read(SinglePartitionReadCommand.fullPartition(Rows.TABLE.id(), rows.key(k), 1_700_000_000L));
    }

    @Benchmark
    public void writeWithCommitLog() {
        engine.apply(rows.mutation(next++, 2), true).toCompletableFuture().join();
    }

    @Benchmark
    public void writeWithoutCommitLog() {
        engine.apply(rows.mutation(next++, 2), false).toCompletableFuture().join();
    }
}
