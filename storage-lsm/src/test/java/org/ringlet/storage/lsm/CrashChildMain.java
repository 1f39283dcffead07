package org.ringlet.storage.lsm;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.ringlet.api.data.Cell;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.LivenessInfo;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.storage.lsm.io.LocalFileSystem;
import org.ringlet.storage.lsm.testing.Fixtures;
import org.ringlet.storage.lsm.testing.TestNode;

/**
 * The child process of {@link SigkillCrashTest}: opens the engine on a real directory with {@code commitlog_sync:
 * batch}, then writes from several threads until it is killed, printing {@code T key ts value} before each write
 * and {@code A key ts} once it is acknowledged ({@code -} as value is a deletion).
 *
 * <p>Arguments: the root directory, a seed, the first timestamp to use.
 */
public final class CrashChildMain {
    private CrashChildMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        AtomicLong timestamps = new AtomicLong(Long.parseLong(args[2]));
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        TestNode node = new TestNode();
        TableMetadata kv = node.schema().createTable(Fixtures.kv("ks"));
        LsmStorageEngine engine = new LsmStorageEngine(Fixtures.config(root, options()), new LocalFileSystem(),
                node);
        engine.start();
        engine.replayCommitLog(t -> true);
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        Thread[] writers = new Thread[4];
        for (int w = 0; w < writers.length; w++) {
            Random random = new Random(seed * 31 + w);
            writers[w] = new Thread(() -> writeForever(engine, kv, node, timestamps, random, out), "writer-" + w);
            writers[w].start();
        }
        for (Thread t : writers) {
            t.join();
        }
    }

    static Map<String, String> options() {
        return Map.of("commitlog_sync", "batch", "commitlog_segment_size", "64KiB",
                "commitlog_total_space", "256KiB", "memtable_heap_space", "256KiB");
    }

    private static void writeForever(LsmStorageEngine engine, TableMetadata kv, TestNode node, AtomicLong timestamps,
                                     Random random, PrintStream out) {
        while (true) {
            String k = "k" + random.nextInt(200);
            long ts = timestamps.getAndIncrement();
            DecoratedKey key = Fixtures.key(node.partitioner(), Fixtures.bytes(k));
            Partition update;
            String value;
            if (random.nextInt(12) == 0) {
                value = "-";
                update = Partition.builder(kv, key).deletePartition(new DeletionTime(ts, 1_700_000_000L)).build();
            } else {
                value = "v" + ts + "x" + "y".repeat(random.nextInt(300));
                Partition.Builder b = Partition.builder(kv, key);
                b.row(Clustering.EMPTY).liveness(LivenessInfo.create(ts))
                        .addCell(Cell.live("v", null, Fixtures.bytes(value), ts));
                update = b.build();
            }
            synchronized (out) {
                out.println("T " + k + " " + ts + " " + value);
                out.flush();
            }
            engine.apply(Mutation.of("ks", update), true).toCompletableFuture().join();
            synchronized (out) {
                out.println("A " + k + " " + ts);
                out.flush();
            }
        }
    }
}
