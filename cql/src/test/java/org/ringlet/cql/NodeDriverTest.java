package org.ringlet.cql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlet.cql.testing.ServedNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Node.js driver (cassandra-driver, from {@code npm ci} in {@code testkit/src/test/node}) against the single-node
 * stack through the native transport: connection and metadata from our system tables, DDL, prepared writes,
 * paging, table metadata and Cassandra's error; the script prints the same lines against Cassandra 5.0.6.
 */
class NodeDriverTest {
    private static final Path NODE_MODULES = Path.of("..", "testkit", "src", "test", "node", "node_modules")
            .toAbsolutePath().normalize();

    @Test
    void connectsWritesPagesAndReadsMetadata(@TempDir Path dir) throws Exception {
        assertTrue(Files.isDirectory(NODE_MODULES.resolve("cassandra-driver")), "cassandra-driver is not installed in "
                + NODE_MODULES + "; run: (cd testkit/src/test/node && npm ci)");
        assertTrue(nodeInstalled(), "node is not installed (Debian package nodejs)");
        try (ServedNode served = new ServedNode(dir.resolve("node"))) {
            Path script = dir.resolve("stack_check.js");
            try (InputStream in = getClass().getResourceAsStream("/node/stack_check.js")) {
                Files.write(script, in.readAllBytes());
            }
            ProcessBuilder pb = new ProcessBuilder("node", script.toString(),
                    String.valueOf(served.address.getPort())).redirectErrorStream(true);
            pb.environment().put("NODE_PATH", NODE_MODULES.toString());
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node finished");
            assertEquals(0, p.exitValue(), output);
            assertEquals(String.join("\n",
                    "version 5.0.6",
                    "datacenter datacenter1",
                    "tokens 16",
                    "rows 250",
                    "pages 3",
                    "partition_key k",
                    "clustering c",
                    "columns c,k,v",
                    "error 8704 Cannot execute this query as it might involve data filtering and thus may have "
                            + "unpredictable performance. If you want to execute this query despite the performance "
                            + "unpredictability, use ALLOW FILTERING"), output.strip());
        }
    }

    private static boolean nodeInstalled() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
