package org.ringlet.testkit.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ringlet.testkit.RingletExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The tutorial this project started from, with the DataStax Python driver against a started node: its statements
 * ({@code conformance/00_tutorial.cql}) answer exactly as Cassandra 5.0.6 did, and its client program prints the
 * four users exactly as it printed them against Cassandra (in token order), and, asked for it, the protocol version
 * the driver negotiated: 5.
 */
class TutorialEndToEndTest {
    @RegisterExtension
    static final RingletExtension RINGLET = RingletExtension.singleNode();

    @Test
    void theTutorialsStatementsThenItsProgram() throws Exception {
        String python = Prerequisites.pythonWithDriver();
        Path root = Prerequisites.sourceRoot();
        String port = Integer.toString(RINGLET.node().nativeAddress().getPort());

        Processes.Result statements = Processes.run(List.of(python, "conformance/conformance_check.py", "--port", port,
                "conformance/00_tutorial.cql"), root, Map.of(), Duration.ofMinutes(3));
        assertEquals("00_tutorial.cql: 25 same, 0 differ\n", statements.output());
        assertEquals(0, statements.exitCode());

        Path program = root.resolve("conformance/tutorial.py");
        Processes.Result users = Processes.run(List.of(python, program.toString(), port), root, Map.of(),
                Duration.ofMinutes(2));
        String expected = Files.readString(root.resolve("conformance/tutorial.cassandra-5.0.6.txt"),
                StandardCharsets.UTF_8);
        assertEquals(expected, users.output());
        assertEquals(0, users.exitCode());

        // asked for it, the program also prints the protocol version the driver negotiated by itself
        Processes.Result version = Processes.run(List.of(python, program.toString(), port, "--protocol-version"),
                root, Map.of(), Duration.ofMinutes(2));
        assertEquals(expected + "protocol_version 5\n", version.output());
        assertEquals(0, version.exitCode());
    }
}
