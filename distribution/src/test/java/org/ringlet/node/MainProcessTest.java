package org.ringlet.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Main} as a real process, as the launcher runs it: started, reporting itself up through its status file,
 * stopped by SIGTERM through its shutdown hook, refusing a bad configuration with exit code 2, and printing
 * components and configuration.
 */
class MainProcessTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Process launch(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=" + Path.of(System.getProperty("ringlet.source.root"), "conf",
                        "logback.xml"),
                "-Dringlet.logdir=" + dir.resolve("data").resolve("logs"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CASSANDRA_"));
        pb.environment().putAll(env);
        return pb.start();
    }

    private String stdout() throws IOException {
        return Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8);
    }

    private String stderr() throws IOException {
        return Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
    }

    private int finish(Process p) throws InterruptedException {
        if (!p.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the process did not end within " + DEADLINE);
        }
        return p.exitValue();
    }

    @Test
    void startsReportsItselfUpAndStopsCleanlyOnSigterm() throws Exception {
        Process p = launch(Map.of(), "start", "--data", "data", "--partitioner", "TestPartitioner",
                "--endpoint-snitch", "test-snitch", "--node-proximity", "test-proximity",
                "--native-transport-port", "0", "--storage-port", "0", "--jmx-port", "0");
        Path status = dir.resolve("data").resolve("ringlet.status");
        try {
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (!Files.exists(status)) {
                assertTrue(p.isAlive(), () -> "the node exited early: " + safe(this::stderr));
                assertTrue(System.nanoTime() < deadline, "no status file within " + DEADLINE);
                p.waitFor(50, TimeUnit.MILLISECONDS);
            }
            Properties props = new Properties();
            try (var in = Files.newBufferedReader(status)) {
                props.load(in);
            }
            assertEquals("started", props.getProperty("state"));
            assertEquals(Long.toString(p.pid()), props.getProperty("pid"));
            assertEquals("127.0.0.1", props.getProperty("listen_address"));
        } finally {
            p.destroy(); // SIGTERM
        }
        assertEquals(143, finish(p), "ended by SIGTERM after the shutdown hook ran");
        assertFalse(Files.exists(status), "the shutdown hook removes the status file");
        String log = Files.readString(dir.resolve("data").resolve("logs").resolve("system.log"));
        assertTrue(log.contains("Node 127.0.0.1 of cluster 'Test Cluster' assembled"), log);
        assertTrue(log.contains("Node 127.0.0.1 stopped"), log);
        assertEquals("", stdout(), "in the background the console stays quiet");
    }

    @Test
    void aBadValueStopsTheStartWithExitCodeTwoAndAMessage() throws Exception {
        Process p = launch(Map.of(), "start", "--data", "data", "--commitlog-sync", "sometimes");
        assertEquals(Main.EXIT_CONFIGURATION, finish(p));
        assertTrue(stderr().contains("ringlet: cannot start: Invalid value 'sometimes' for commitlog_sync "
                + "(--commitlog-sync): expected one of periodic, batch, group"), stderr());
        assertFalse(Files.exists(dir.resolve("data").resolve("ringlet.status")));
    }

    @Test
    void anUnknownComponentStopsTheStartListingTheKnownOnes() throws Exception {
        Files.writeString(dir.resolve("ringlet.yaml"), "partitioner: NoSuchPartitioner\nendpoint_snitch: Ec2Snitch\n");
        Process p = launch(Map.of(), "start", "--data", "data", "--config", "ringlet.yaml", "--jmx-port", "0");
        assertEquals(Main.EXIT_CONFIGURATION, finish(p));
        assertTrue(stderr().contains("Invalid value 'NoSuchPartitioner' for partitioner: Unknown partitioner "
                + "'NoSuchPartitioner'; known: "), stderr());
        assertTrue(stderr().contains("test-partitioner (TestPartitioner)"), stderr());
        assertTrue(stderr().contains("Invalid value 'Ec2Snitch' for endpoint_snitch: Unknown snitch 'Ec2Snitch'; "
                + "known: "), stderr());
        assertTrue(stderr().contains("test-snitch (TestSnitch)"), stderr());
    }

    @Test
    void componentsListsThePluginWithItsDirectory() throws Exception {
        ExamplePlugin.install(dir.resolve("plugins"));
        Process p = launch(Map.of(), "components");
        assertEquals(0, finish(p), () -> safe(this::stderr));
        List<String> lines = stdout().lines().toList();
        assertTrue(lines.get(0).matches("KIND +NAME +ALIASES +ORIGIN"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.matches("replication-strategy +pinned-racks +"
                + "PinnedRacksStrategy, org\\.example\\.pinnedracks\\.PinnedRacksStrategy +plugins/pinned-racks")),
                stdout());
        assertTrue(lines.stream().anyMatch(l -> l.matches("partitioner +test-partitioner +.* +built-in")), stdout());
    }

    @Test
    void configShowsWhereEachValueCameFrom() throws Exception {
        Files.writeString(dir.resolve("ringlet.yaml"), "cluster_name: from-file\nnum_tokens: 8\nconcurrent_writes: 64\n"
                + "concurrent_reads: 64\n");
        Process p = launch(Map.of("CASSANDRA_NUM_TOKENS", "4"), "config", "--config", "ringlet.yaml",
                "--listen-address", "127.0.0.3");
        assertEquals(0, finish(p), () -> safe(this::stderr));
        String out = stdout();
        assertTrue(out.lines().anyMatch(l -> l.matches("cluster_name +from-file +file +ringlet\\.yaml:1")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("num_tokens +4 +env +CASSANDRA_NUM_TOKENS")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("listen_address +127\\.0\\.0\\.3 +flag +--listen-address")),
                out);
        assertTrue(out.lines().anyMatch(l -> l.matches("commitlog_sync +periodic +default")), out);
        assertTrue(out.contains("Cassandra setting 'concurrent_writes' (ringlet.yaml:3) is not supported by Ringlet "
                + "yet; ignored"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("concurrent_reads +64 +file +ringlet\\.yaml:4")), out);
    }

    private interface IoSupplier {
        String get() throws IOException;
    }

    private static String safe(IoSupplier s) {
        try {
            return s.get();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
