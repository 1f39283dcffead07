package org.ringlet.cql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlet.cql.testing.ServedNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The query-side conformance scenarios (SELECT, JSON, functions, paging) through the DataStax Python driver and the
 * {@code native} transport, compared by the repository's {@code conformance_check.py} with Cassandra 5.0.6's
 * recorded answers: what {@link ConformanceTest} checks in the JVM, checked again on the wire (result metadata,
 * paging state, value encodings) with the harness's own formatting. These scenarios have no known differences.
 */
class PythonDriverConformanceTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final Path DIR = Path.of("..", "conformance").toAbsolutePath().normalize();
    private static final List<String> SCENARIOS = List.of("04_select", "10_json", "11_functions", "13_paging",
            "15_select_more", "16_functions_more", "17_collection_selection");

    @Test
    void queryScenariosMatchCassandraThroughThePythonDriver(@TempDir Path dir) throws Exception {
        assertTrue(pythonDriverInstalled(), "the Python driver is not installed: apt-get install python3-cassandra");
        for (String s : SCENARIOS) {
            assertTrue(Files.notExists(DIR.resolve(s + ".known-differences")), s + " has known differences");
        }
        try (ServedNode served = new ServedNode(dir.resolve("node"))) {
            List<String> command = new ArrayList<>(List.of(PYTHON, DIR.resolve("conformance_check.py").toString(),
                    "--host", "127.0.0.1", "--port", String.valueOf(served.address.getPort())));
            SCENARIOS.forEach(s -> command.add(DIR.resolve(s + ".cql").toString()));
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "python finished");
            assertEquals(0, p.exitValue(), output);
            for (String s : SCENARIOS) {
                assertTrue(output.contains(s + ".cql: ") && output.contains(", 0 differ"), output);
            }
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
}
