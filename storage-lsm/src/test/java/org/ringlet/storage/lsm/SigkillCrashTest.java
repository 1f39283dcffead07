package org.ringlet.storage.lsm;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlet.api.data.Cell;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Row;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.storage.lsm.io.LocalFileSystem;
import org.ringlet.storage.lsm.testing.CrashOracle;
import org.ringlet.storage.lsm.testing.Fixtures;
import org.ringlet.storage.lsm.testing.TestNode;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real process killed with SIGKILL: a child JVM writes with {@code commitlog_sync: batch} and reports each
 * acknowledged write; it is killed after a random number of acknowledgements, the engine is reopened on the same
 * directory, and every acknowledged write must read back with its exact value while nothing never written
 * appears. {@code -Dringlet.crash.cycles} sets the number of cycles (the {@code torture} profile runs hundreds).
 */
class SigkillCrashTest {
    private static final long NOW = 1_700_000_000L;

    @Test
    void acknowledgedWritesSurviveSigkill(@TempDir Path root) throws Exception {
        int cycles = Integer.getInteger("ringlet.crash.cycles", 24);
        Random random = new Random(42);
        CrashOracle oracle = new CrashOracle();
        Map<String, Long> lastAttempt = new ConcurrentHashMap<>();
        long nextTimestamp = 1;
        for (int cycle = 0; cycle < cycles; cycle++) {
            int killAfter = 20 + random.nextInt(400);
            Child child = Child.start(root, random.nextLong(), nextTimestamp, oracle);
            try {
                assertTrue(child.acks.await(killAfter, 120), "cycle " + cycle + ": the child did not reach "
                        + killAfter + " acknowledged writes; its log:\n" + child.stderr());
            } finally {
                // SIGKILL through the process handle: Process.destroyForcibly would also close our end of the
                // pipes and lose reports the child wrote just before dying
                child.process.toHandle().destroyForcibly();
                child.process.waitFor(60, TimeUnit.SECONDS);
                child.drain();
            }
            nextTimestamp = child.maxTimestamp.get() + 1_000_000;
            verify(root, oracle, cycle);
        }
        assertTrue(oracle.acknowledgedCount() > 0);
    }

    private static void verify(Path root, CrashOracle oracle, int cycle) throws Exception {
        try (TestNode node = new TestNode()) {
            TableMetadata kv = node.schema().createTable(Fixtures.kv("ks"));
            LsmStorageEngine engine = new LsmStorageEngine(Fixtures.config(root, CrashChildMain.options()),
                    new LocalFileSystem(), node);
            engine.start();
            try {
                engine.replayCommitLog(t -> true);
                for (String k : oracle.keys()) {
                    DecoratedKey key = Fixtures.key(node.partitioner(), Fixtures.bytes(k));
                    List<Row> rows = engine.read(Fixtures.readAll(kv, key, NOW)).liveRows(NOW);
                    String value = null;
                    long ts = 0;
                    if (!rows.isEmpty()) {
                        Cell c = rows.get(0).cell("v");
                        value = StandardCharsets.UTF_8.decode(c.value()).toString();
                        ts = c.timestamp();
                    }
                    assertNull(oracle.check(k, value, ts), "after kill " + cycle);
                }
            } finally {
                engine.stop();
            }
        }
    }

    /** A running child process and what it reported. */
    private static final class Child {
        final Process process;
        final Acks acks = new Acks();
        final java.util.concurrent.atomic.AtomicLong maxTimestamp = new java.util.concurrent.atomic.AtomicLong();
        private final Thread reader;
        private final Thread errReader;
        private final StringBuffer stderr = new StringBuffer();

        private Child(Process process, CrashOracle oracle) {
            this.process = process;
            this.reader = new Thread(() -> read(oracle), "crash-child-stdout");
            this.errReader = new Thread(this::readErr, "crash-child-stderr");
            reader.start();
            errReader.start();
        }

        static Child start(Path root, long seed, long firstTimestamp, CrashOracle oracle) throws Exception {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Path logConfig = Path.of(SigkillCrashTest.class.getResource("/logback-crash-child.xml").toURI());
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=" + logConfig, "-cp", cp,
                    CrashChildMain.class.getName(), root.toString(), Long.toString(seed),
                    Long.toString(firstTimestamp)));
            Files.createDirectories(root);
            return new Child(new ProcessBuilder(cmd).start(), oracle);
        }

        private void read(CrashOracle oracle) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String[] f = line.split(" ", 4);
                    if (f[0].equals("T") && f.length == 4) {
                        long ts = Long.parseLong(f[2]);
                        maxTimestamp.accumulateAndGet(ts, Math::max);
                        oracle.attempted(f[1], new CrashOracle.Write(ts, f[3].equals("-") ? null : f[3]));
                    } else if (f[0].equals("A") && f.length == 3) {
                        long ts = Long.parseLong(f[2]);
                        oracle.acknowledged(f[1], oracle.attemptedWrite(f[1], ts));
                        acks.increment();
                    }
                }
            } catch (java.io.IOException e) {
                // the child was killed
            }
        }

        private void readErr() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    stderr.append(line).append('\n');
                }
            } catch (java.io.IOException e) {
                // the child was killed
            }
        }

        void drain() throws InterruptedException {
            reader.join(TimeUnit.SECONDS.toMillis(30));
            errReader.join(TimeUnit.SECONDS.toMillis(30));
        }

        String stderr() {
            return stderr.toString();
        }
    }

    /** Counts acknowledgements and lets the test wait for a number of them. */
    private static final class Acks {
        private final AtomicInteger count = new AtomicInteger();
        private volatile CountDownLatch latch = new CountDownLatch(1);
        private volatile int target = Integer.MAX_VALUE;

        void increment() {
            if (count.incrementAndGet() >= target) {
                latch.countDown();
            }
        }

        boolean await(int n, int seconds) throws InterruptedException {
            target = n;
            if (count.get() >= n) {
                return true;
            }
            return latch.await(seconds, TimeUnit.SECONDS) || count.get() >= n;
        }
    }
}
