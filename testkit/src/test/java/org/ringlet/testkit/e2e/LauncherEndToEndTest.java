package org.ringlet.testkit.e2e;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultProtocolVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The distribution as a user installs it: the tarball unpacked, {@code bin/ringlet start} (a real process, which
 * returns once the CQL port accepts), the Java driver (which negotiates protocol v5), the tutorial's Python program
 * (whose driver does too), {@code bin/ringlet nodetool status}, {@code bin/ringlet stop}
 * (SIGTERM, clean shutdown), and a second start that finds the data, tokens and host id of the first.
 */
class LauncherEndToEndTest {
    private static final Duration DEADLINE = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    private Path home;
    private Path data;

    private Processes.Result ringlet(String... args) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/ringlet").toString()));
        command.addAll(List.of(args));
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("RINGLET_HEAP", "384m");
        return Processes.run(command, dir, env, DEADLINE);
    }

    private Processes.Result start(int nativePort) {
        return ringlet("start", "--data", data.toString(), "--native-transport-port", Integer.toString(nativePort),
                "--jmx-port", "0", "--storage-port", "0", "--commitlog-segment-size", "4MiB");
    }

    private Properties status() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(data.resolve("ringlet.status"))) {
            p.load(r);
        }
        return p;
    }

    @Test
    void startUseStopAndStartAgain() throws Exception {
        Path tarball = Path.of(System.getProperty("ringlet.dist.tarball", "missing"));
        assertTrue(Files.isRegularFile(tarball), "no distribution tarball at " + tarball
                + "; build it first: mvn -B -pl distribution -am package (mvn -B verify does)");
        Processes.Result unpacked = Processes.run(List.of("tar", "xzf", tarball.toString(), "-C", dir.toString()),
                dir, Map.of(), DEADLINE);
        assertEquals(0, unpacked.exitCode(), unpacked.output());
        home = dir.resolve(tarball.getFileName().toString().replaceAll("\\.tar\\.gz$", ""));
        data = dir.resolve("data");
        int port = freePort();
        try {
            Processes.Result first = start(port);
            assertEquals(0, first.exitCode(), first.output());
            assertTrue(first.output().contains("  CQL:       127.0.0.1:" + port), first.output());
            Properties status = status();
            assertEquals("127.0.0.1:" + port, status.getProperty("native_transport"));
            // the tarball's class-data archive (ADR 0146) was made for this runtime, so the node maps it; the shipped
            // logging configuration is set up directly (ADR 0147) and writes the shipped format
            Path archive = home.resolve("lib/ringlet.jsa");
            assertTrue(Files.isRegularFile(archive), "the tarball has a class-data archive");
            String pid = status.getProperty("pid");
            assertTrue(commandLine(pid).contains("-XX:SharedArchiveFile=" + archive), commandLine(pid));
            assertTrue(Files.readString(Path.of("/proc", pid, "maps")).contains(archive.toString()),
                    "the JVM mapped the archive");
            assertTrue(Files.readAllLines(data.resolve("logs/system.log")).stream()
                    .anyMatch(l -> l.matches("INFO  \\[main\\] \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} "
                            + "org\\.ringlet\\.node\\.Node - Node 127\\.0\\.0\\.1 started .*")),
                    "the shipped log format");
            String hostId;
            String tokens;
            try (CqlSession session = Drivers.connect(List.of(new InetSocketAddress("127.0.0.1", port)),
                    "datacenter1")) {
                assertEquals(DefaultProtocolVersion.V5, session.getContext().getProtocolVersion(),
                        "the Java driver negotiates v5 by itself");
                session.execute("CREATE KEYSPACE launcher WITH replication = {'class': 'SimpleStrategy', "
                        + "'replication_factor': 1}");
                session.execute("CREATE TABLE launcher.kv (k int PRIMARY KEY, v text)");
                for (int i = 0; i < 100; i++) {
                    session.execute("INSERT INTO launcher.kv (k, v) VALUES (" + i + ", 'v" + i + "')");
                }
                var local = session.execute("SELECT host_id, tokens FROM system.local").one();
                hostId = local.getUuid("host_id").toString();
                tokens = local.getSet("tokens", String.class).toString();
            }
            // the tutorial's Python program, asked for it, prints the protocol version its driver negotiated
            String python = Prerequisites.pythonWithDriver();
            Path root = Prerequisites.sourceRoot();
            Processes.Result tutorial = Processes.run(List.of(python, "conformance/conformance_check.py", "--port",
                    Integer.toString(port), "conformance/00_tutorial.cql"), root, Map.of(), DEADLINE);
            assertEquals("00_tutorial.cql: 25 same, 0 differ\n", tutorial.output());
            Processes.Result program = Processes.run(List.of(python, "conformance/tutorial.py",
                    Integer.toString(port), "--protocol-version"), root, Map.of(), DEADLINE);
            assertEquals(0, program.exitCode(), program.output());
            assertTrue(program.output().endsWith("ninopk\nprotocol_version 5\n"), program.output());

            Processes.Result nodetool = ringlet("nodetool", "-p", status.getProperty("jmx_port"), "status");
            assertEquals(0, nodetool.exitCode(), nodetool.output());
            assertTrue(nodetool.output().lines().anyMatch(l -> l.startsWith("UN  127.0.0.1 ")
                    && l.contains("  16      100.0%  ") && l.endsWith(hostId + "  rack1")), nodetool.output());

            Processes.Result stop = ringlet("stop", "--data", data.toString());
            assertEquals(0, stop.exitCode(), stop.output());
            assertTrue(stop.output().startsWith("Ringlet node stopped"), stop.output());
            assertFalse(Files.exists(data.resolve("ringlet.status")), "the status file goes with the node");

            // an archive made for another runtime is not used, and an edited conf/logback.xml is honoured
            Path info = home.resolve("lib/ringlet.jsa.info");
            Files.writeString(info, Files.readString(info).replaceFirst("(?m)^runtime=.*$", "runtime=another"));
            Path logback = home.resolve("conf/logback.xml");
            String xml = Files.readString(logback);
            String edited = xml.replace("<pattern>%-5level [%thread] %date{ISO8601}",
                    "<pattern>EDITED %-5level [%thread] %date{ISO8601}");
            assertFalse(xml.equals(edited), "the shipped file has the pattern this test edits");
            Files.writeString(logback, edited);

            Processes.Result second = start(port);
            assertEquals(0, second.exitCode(), second.output());
            String secondPid = status().getProperty("pid");
            assertFalse(commandLine(secondPid).contains("SharedArchiveFile"), commandLine(secondPid));
            assertTrue(Files.readAllLines(data.resolve("logs/system.log")).stream()
                    .anyMatch(l -> l.startsWith("EDITED INFO  [main] ") && l.contains("Node 127.0.0.1 started")),
                    "the edited logging configuration is used");
            try (CqlSession session = Drivers.connect(List.of(new InetSocketAddress("127.0.0.1", port)),
                    "datacenter1")) {
                assertEquals(100L, session.execute("SELECT count(*) FROM launcher.kv").one().getLong(0));
                assertEquals("v42", session.execute("SELECT v FROM launcher.kv WHERE k = 42").one().getString(0));
                var local = session.execute("SELECT host_id, tokens FROM system.local").one();
                assertEquals(hostId, local.getUuid("host_id").toString());
                assertEquals(tokens, local.getSet("tokens", String.class).toString());
            }
        } finally {
            Processes.Result stop = ringlet("stop", "--data", data.toString());
            assertEquals(0, stop.exitCode(), stop.output());
        }
    }

    private static String commandLine(String pid) throws IOException {
        return Files.readString(Path.of("/proc", pid, "cmdline")).replace('\0', ' ');
    }

    private static int freePort() throws IOException {
        return org.ringlet.node.net.FreePort.pick(java.net.InetAddress.getLoopbackAddress());
    }
}
