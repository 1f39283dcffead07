package org.ringlet.transport.nativeproto.driver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DataStax Python driver (Debian's python3-cassandra) against the real server: it negotiates down from
 * DSE_V2 through our refusals to the highest version the server accepts (v5 in segments, or v4), builds its
 * metadata (all nine system_schema queries must succeed), pages, prepares, sends and reads a value larger than a
 * v5 segment, and decodes every error body it knows. Runs where the driver is installed (CI installs it).
 */
class PythonDriverTest {
    private static final String PYTHON = "/usr/bin/python3";

    @BeforeAll
    static void requirePythonDriver() throws Exception {
        assertTrue(pythonDriverInstalled(), "the Python driver is not installed: apt-get install python3-cassandra, as .ci/run does");
    }

    private static boolean pythonDriverInstalled() throws InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import cassandra").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "server up to v{0}")
    @ValueSource(ints = {4, 5})
    void connectsPagesPreparesAndDecodesErrors(int maxVersion, @TempDir Path dir) throws Exception {
        try (RunningServer server = new RunningServer(1_000, Map.of(
                "native_transport_max_negotiable_protocol_version", String.valueOf(maxVersion)))) {
            server.node.createUserTable("ks", "scratch", "pk int", "ck int", "v text");
            check(server, maxVersion, dir);
        }
    }

    private static void check(RunningServer server, int maxVersion, Path dir) throws Exception {
        Path script = dir.resolve("driver_check.py");
        try (InputStream in = PythonDriverTest.class.getResourceAsStream("/python/driver_check.py")) {
            Files.write(script, in.readAllBytes());
        }
        Process p = new ProcessBuilder(PYTHON, script.toString(), String.valueOf(server.address.getPort()))
                .redirectErrorStream(true).start();
        // Read everything the script prints; it ends when the process does.
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(Duration.ofSeconds(120).toSeconds(), TimeUnit.SECONDS), "python finished");
        assertEquals(0, p.exitValue(), output);

        Map<String, String> facts = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && !line.startsWith("WARNING") && !line.contains(":")) {
                facts.put(line.substring(0, space), line.substring(space + 1).trim());
            }
        }
        assertEquals(String.valueOf(maxVersion), facts.get("protocol"), output);
        assertEquals(FakeNode.CLUSTER_NAME, facts.get("cluster"));
        assertEquals("ks", facts.get("keyspaces"));
        assertEquals("pk,ck", facts.get("primary_key"));
        assertEquals("ck,pk,v", facts.get("columns"));
        assertEquals("True", facts.get("token_map"));
        assertEquals("1000 0 999 v999", facts.get("rows"));
        assertEquals("[0]", facts.get("prepared_pk_indexes"));
        assertEquals("v7", facts.get("prepared_value"));
        // Python prints consistency levels as their protocol codes.
        assertEquals("4 2 1", facts.get("unavailable"));
        assertEquals("5 1 3 BATCH_LOG", facts.get("write_timeout"));
        assertEquals("6 1 2 True", facts.get("read_timeout"));
        assertEquals("1 0 1 1", facts.get("read_failure"));
        assertEquals("2 1 2 2 UNLOGGED_BATCH", facts.get("write_failure"));
        assertEquals("ks divide int,int", facts.get("function_failure"));
        assertEquals("ks items", facts.get("already_exists"));
        assertEquals("True", facts.get("invalid"));
        assertEquals("v1", facts.get("still_connected"));
        assertEquals("300000", facts.get("big_value"));
        assertTrue(output.endsWith("done\n"), output);
        assertTrue(output.contains("Downgrading core protocol version"), "negotiated down through refusals:\n"
                + output);
        List<String> queries = server.node.queries;
        assertTrue(queries.contains("USE \"ks\""), queries.toString());
    }
}
