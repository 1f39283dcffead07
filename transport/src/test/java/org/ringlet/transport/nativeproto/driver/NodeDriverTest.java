package org.ringlet.transport.nativeproto.driver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Node.js driver (cassandra-driver 4.10, which speaks v4 at most) against a server that accepts v5: it must
 * read our refusal of its first attempt (in a v5 header) and settle on v4. Runs where the driver is installed:
 * {@code npm ci} in {@code testkit/src/test/node} (CI does it) provides it.
 */
class NodeDriverTest {
    private static final Path NODE_MODULES = Path.of("..", "testkit", "src", "test", "node", "node_modules")
            .toAbsolutePath().normalize();

    @BeforeAll
    static void requireNodeDriver() {
        assertTrue(Files.isDirectory(NODE_MODULES.resolve("cassandra-driver")),
                "cassandra-driver is not installed in " + NODE_MODULES
                + "; run: (cd testkit/src/test/node && npm ci), as .ci/run does");
        assertTrue(executable("node"), "node is not installed (Debian package nodejs)");
    }

    private static boolean executable(String command) {
        try {
            Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void negotiatesV4AndWorks(@TempDir Path dir) throws Exception {
        try (RunningServer server = new RunningServer(1_000, Map.of())) {
            Path script = dir.resolve("driver_check.js");
            try (InputStream in = NodeDriverTest.class.getResourceAsStream("/node/driver_check.js")) {
                Files.write(script, in.readAllBytes());
            }
            ProcessBuilder pb = new ProcessBuilder("node", script.toString(),
                    String.valueOf(server.address.getPort())).redirectErrorStream(true);
            pb.environment().put("NODE_PATH", NODE_MODULES.toString());
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node finished");
            assertEquals(0, p.exitValue(), output);
            Map<String, String> facts = new LinkedHashMap<>();
            for (String line : output.split("\n")) {
                int space = line.indexOf(' ');
                facts.put(space > 0 ? line.substring(0, space) : line, space > 0 ? line.substring(space + 1) : "");
            }
            assertEquals("4", facts.get("protocol"), output);
            assertEquals("v7", facts.get("prepared"), output);
            assertEquals("1000", facts.get("rows"), output);
            assertEquals("4096 4 2 1", facts.get("unavailable"), output);
            assertEquals("9216 ks items", facts.get("already_exists"), output);
            assertTrue(facts.containsKey("done"), output);
        }
    }
}
