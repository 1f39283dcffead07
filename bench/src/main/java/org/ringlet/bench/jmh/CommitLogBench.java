package org.ringlet.bench.jmh;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.ringlet.api.data.ByteOutput;
import org.ringlet.api.data.DataSerializer;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.schema.TableId;
import org.ringlet.bench.BenchNode;
import org.ringlet.storage.lsm.commitlog.CommitFailurePolicy;
import org.ringlet.storage.lsm.commitlog.CommitLog;
import org.ringlet.storage.lsm.commitlog.CommitLogConfig;
import org.ringlet.storage.lsm.commitlog.SyncMode;
import org.ringlet.storage.lsm.io.LocalFileSystem;

/**
 * Appending one mutation's record to the commit log (periodic sync: a buffered write to the segment, synced every
 * 10 s), with and without serializing the mutation first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CommitLogBench {
    private Path dir;
    private BenchNode node;
    private CommitLog log;
    private Mutation mutation;
    private ByteBuffer record;
    private List<TableId> tables;

    @Setup
    public void setup() throws Exception {
        dir = Files.createTempDirectory("ringlet-jmh-cl");
        node = new BenchNode();
        CommitLogConfig config = new CommitLogConfig(dir, SyncMode.PERIODIC, Duration.ofSeconds(10), Duration.ZERO,
                32 << 20, 1L << 30, CommitFailurePolicy.STOP);
        log = new CommitLog(new LocalFileSystem(), config, node.scheduler(), node.clock(), new CommitLog.Listener() {
            @Override
            public void onSpaceExceeded(Set<TableId> tablesToFlush) {
                log.discardCompleted(Rows.TABLE.id(), log.currentPosition());
            }

            @Override
            public void onFailure(Throwable error, CommitFailurePolicy policy) {
            }
        });
        log.start(1);
        mutation = new Rows(node.partitioner()).mutation(7, 1);
        ByteOutput out = CommitLog.recordBuffer(mutation.dataSize() + 64);
        DataSerializer.write(mutation, out);
        out.writeInt(0);
        record = out.toByteBuffer();
        tables = List.of(Rows.TABLE.id());
    }

    @TearDown
    public void tearDown() throws Exception {
        log.stop();
        node.close();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public Object append() throws Exception {
        return log.append(record.duplicate(), tables);
    }

    @Benchmark
    public Object serializeAndAppend() throws Exception {
        ByteOutput out = CommitLog.recordBuffer(mutation.dataSize() + 64);
        DataSerializer.write(mutation, out);
        out.writeInt(0);
        return log.append(out.toByteBuffer(), tables);
    }
}
