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
 * The tutorial through the DataStax Python driver (Debian's python3-cassandra) and the {@code native} transport,
 * on the single-node stack (LSM engine, local topology, {@code default} coordinator, {@code cql} handler): the
 * driver builds its metadata from our system tables and the peer harness's {@code seed_check.py} prints exactly
 * what it printed for Cassandra 5.0.6.
 */
class PythonDriverSeedCheckTest {
    private static final String PYTHON = "/usr/bin/python3";

    @Test
    void seedCheckPrintsWhatItPrintedForCassandra(@TempDir Path dir) throws Exception {
        assertTrue(pythonDriverInstalled(), "the Python driver is not installed: apt-get install python3-cassandra");
        try (ServedNode served = new ServedNode(dir.resolve("node"))) {
            for (String script : new String[] {"seed_check.py", "cqldiff.py"}) {
                try (InputStream in = getClass().getResourceAsStream("/python/" + script)) {
                    Files.write(dir.resolve(script), in.readAllBytes());
                }
            }
            Process p = new ProcessBuilder(PYTHON, dir.resolve("seed_check.py").toString(), "127.0.0.1",
                    String.valueOf(served.address.getPort())).directory(dir.toFile()).redirectErrorStream(true)
                    .start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python finished");
            assertEquals(golden(), output);
            assertEquals(0, p.exitValue(), output);
        }
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

    private static String golden() throws IOException {
        try (InputStream in = PythonDriverSeedCheckTest.class.getResourceAsStream(
                "/golden/seed_check.cassandra-5.0.6.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
