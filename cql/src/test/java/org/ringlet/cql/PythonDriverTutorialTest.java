package org.ringlet.cql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlet.cql.testing.ServedNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tutorial through the DataStax Python driver (Debian's python3-cassandra) and the {@code native} transport, on
 * the single-node stack (LSM engine, local topology, {@code default} coordinator, {@code cql} handler): the driver
 * builds its metadata from our system tables, the tutorial's statements ({@code conformance/00_tutorial.cql}, run by
 * {@code conformance/conformance_check.py}) answer as Cassandra 5.0.6 did, and the tutorial's program prints what
 * it printed against Cassandra.
 */
class PythonDriverTutorialTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final Path CONFORMANCE = Path.of("..", "conformance").toAbsolutePath().normalize();

    @Test
    void theTutorialAnswersAsCassandraDid(@TempDir Path dir) throws Exception {
        assertTrue(pythonDriverInstalled(), "the Python driver is not installed: apt-get install python3-cassandra "
                + "(.ci/run does it)");
        try (ServedNode served = new ServedNode(dir.resolve("node"))) {
            String port = String.valueOf(served.address.getPort());
            String statements = run(dir, CONFORMANCE.resolve("conformance_check.py").toString(), "--port", port,
                    CONFORMANCE.resolve("00_tutorial.cql").toString());
            assertEquals("00_tutorial.cql: 25 same, 0 differ\n", statements);
            String users = run(dir, CONFORMANCE.resolve("tutorial.py").toString(), port);
            assertEquals(Files.readString(CONFORMANCE.resolve("tutorial.cassandra-5.0.6.txt"), StandardCharsets.UTF_8),
                    users);
        }
    }

    private static String run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(PYTHON));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python finished");
        assertEquals(0, p.exitValue(), output);
        return output;
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
}
