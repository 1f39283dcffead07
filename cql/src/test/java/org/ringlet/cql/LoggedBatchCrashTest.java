package org.ringlet.cql;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.cluster.coordinator.ReplicaClient;
import org.ringlet.cql.testing.CqlTestNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A logged batch is all or nothing across a crash: a real node process is killed (SIGKILL) in the middle of a
 * logged batch of ten inserts (the batchlog entry written, three of the inserts applied, the others not), and the
 * node started again over its files first shows what the crash left (three rows, one batchlog entry), then, once
 * its coordinator has replayed the batchlog as a starting node does, all ten rows with the batch's timestamp and
 * an empty batchlog.
 */
class LoggedBatchCrashTest {
    private static final int APPLIED_BEFORE_CRASH = 3;
    private static final String BATCH = "BEGIN BATCH USING TIMESTAMP 1234567 "
            + "INSERT INTO crash.a (k, v) VALUES (1, 'a1'); INSERT INTO crash.a (k, v) VALUES (2, 'a2'); "
            + "INSERT INTO crash.a (k, v) VALUES (3, 'a3'); INSERT INTO crash.a (k, v) VALUES (4, 'a4'); "
            + "INSERT INTO crash.a (k, v) VALUES (5, 'a5'); INSERT INTO crash.b (k, c, v) VALUES (11, 1, 'b1'); "
            + "INSERT INTO crash.b (k, c, v) VALUES (12, 1, 'b2'); INSERT INTO crash.b (k, c, v) VALUES (13, 1, 'b3'); "
            + "INSERT INTO crash.b (k, c, v) VALUES (14, 1, 'b4'); INSERT INTO crash.b (k, c, v) VALUES (15, 1, 'b5'); "
            + "APPLY BATCH";

    @Test
    void aLoggedBatchInterruptedByAKillIsCompletedByTheBatchlogReplay(@TempDir Path directory) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", cp, Child.class.getName(), directory.toString()).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        CountDownLatch midBatch = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.append(line).append('\n');
                    if (line.equals(Child.MID_BATCH)) {
                        midBatch.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                // the child was killed
            }
        }, "crash-child-output");
        reader.start();
        try {
            assertTrue(midBatch.await(60, TimeUnit.SECONDS), "the child never got into the batch (alive: "
                    + child.isAlive() + "):\n" + output);
        } finally {
            child.toHandle().destroyForcibly();
            child.waitFor(60, TimeUnit.SECONDS);
            reader.join(TimeUnit.SECONDS.toMillis(30));
        }

        // what the crash left: the batchlog entry and the first inserts only
        CqlTestNode left = CqlTestNode.startLsm(directory, new CqlTestNode.LsmOptions(Map.of(), r -> r, false));
        try {
            assertEquals(APPLIED_BEFORE_CRASH, rows(left, "crash.a") + rows(left, "crash.b"), output.toString());
            assertEquals(1, rows(left, "system.batches"));
        } finally {
            left.close();
        }

        CqlTestNode started = CqlTestNode.startLsm(directory);
        try {
            assertEquals(List.of(List.of(1, "a1"), List.of(2, "a2"), List.of(3, "a3"), List.of(4, "a4"),
                    List.of(5, "a5")), sorted(started.rows("SELECT k, v FROM crash.a")));
            assertEquals(5, rows(started, "crash.b"));
            for (List<Object> ts : started.rows("SELECT writetime(v) FROM crash.b")) {
                assertEquals(List.of(1234567L), ts, "replayed with the batch's timestamp");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (rows(started, "system.batches") != 0 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            assertEquals(0, rows(started, "system.batches"), "the replayed entry is removed");
        } finally {
            started.close();
        }
    }

    private static int rows(CqlTestNode node, String table) {
        return node.rows("SELECT * FROM " + table).size();
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>(rows);
        out.sort((x, y) -> Integer.compare((Integer) x.get(0), (Integer) y.get(0)));
        return out;
    }

    /**
     * The node process: creates the tables, then runs the logged batch with a replica client that lets the
     * batchlog entry and the first inserts reach the storage engine (acknowledged, with {@code commitlog_sync:
     * batch}), then announces it is mid-batch and holds the remaining inserts until it is killed.
     */
    public static final class Child {
        static final String MID_BATCH = "MID-BATCH";

        public static void main(String[] args) throws Exception {
            AtomicInteger crashWrites = new AtomicInteger();
            CountDownLatch never = new CountDownLatch(1);
            List<CompletableFuture<Void>> applied = new ArrayList<>();
            CqlTestNode node = CqlTestNode.startLsm(Path.of(args[0]), new CqlTestNode.LsmOptions(
                    Map.of("commitlog_sync", "batch"), delegate -> new HoldingReplicas(delegate, m -> {
                        if (!m.keyspace().equals("crash")) {
                            return false;
                        }
                        if (crashWrites.incrementAndGet() <= APPLIED_BEFORE_CRASH) {
                            return false;
                        }
                        CompletableFuture.allOf(applied.toArray(CompletableFuture[]::new)).join();
                        System.out.println(MID_BATCH);
                        System.out.flush();
                        return true;
                    }, applied, never), true));
            node.execute("CREATE KEYSPACE crash WITH replication = {'class': 'SimpleStrategy', "
                    + "'replication_factor': 1}");
            node.execute("CREATE TABLE crash.a (k int PRIMARY KEY, v text)");
            node.execute("CREATE TABLE crash.b (k int, c int, v text, PRIMARY KEY (k, c))");
            node.execute(BATCH);
            System.out.println("the batch completed: the test expected to kill this process in its middle");
            System.exit(1);
        }
    }

    /** A replica client that holds, forever, the writes a predicate picks (once it picks one, all that follow). */
    private static final class HoldingReplicas implements ReplicaClient {
        private final ReplicaClient delegate;
        private final java.util.function.Predicate<Mutation> hold;
        private final List<CompletableFuture<Void>> applied;
        private final CountDownLatch never;
        private volatile boolean holding;

        HoldingReplicas(ReplicaClient delegate, java.util.function.Predicate<Mutation> hold,
                        List<CompletableFuture<Void>> applied, CountDownLatch never) {
            this.delegate = delegate;
            this.hold = hold;
            this.applied = applied;
            this.never = never;
        }

        @Override
        public synchronized CompletionStage<Void> apply(UUID replica, Mutation mutation, boolean durable) {
            if (holding || hold.test(mutation)) {
                holding = true;
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new CompletableFuture<>();
            }
            CompletableFuture<Void> f = delegate.apply(replica, mutation, durable).toCompletableFuture();
            if (mutation.keyspace().equals("crash")) {
                applied.add(f);
            }
            return f;
        }

        @Override
        public CompletionStage<Mutation> applyCounters(UUID replica, Mutation deltas) {
            return delegate.applyCounters(replica, deltas);
        }

        @Override
        public CompletionStage<Partition> read(UUID replica, SinglePartitionReadCommand command) {
            return delegate.read(replica, command);
        }

        @Override
        public CompletionStage<List<Partition>> scan(UUID replica, PartitionRangeReadCommand command) {
            return delegate.scan(replica, command);
        }

        @Override
        public CompletionStage<Void> truncate(UUID replica, TableId table) {
            return delegate.truncate(replica, table);
        }
    }
}
