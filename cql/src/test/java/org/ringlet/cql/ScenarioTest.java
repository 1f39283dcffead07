package org.ringlet.cql;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ringlet.cql.testing.CqlTestNode;
import org.ringlet.cql.testing.Scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every scenario in {@code scenarios/} (the peer harness's format) through the query handler prints exactly what
 * real Cassandra 5.0.6 printed for it ({@code <name>.cassandra-5.0.6.txt}, recorded with
 * {@code cqldiff.py run <name>.cql --port 19042}).
 */
class ScenarioTest {

    static Stream<String> scenarios() throws IOException, URISyntaxException {
        Path dir = Path.of(ScenarioTest.class.getResource("/scenarios").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cql"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void printsWhatCassandraPrinted(String name) throws Exception {
        check(name, CqlTestNode.start(), "");
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void printsWhatCassandraPrintedOnTheLsmEngine(String name, @TempDir Path directory) throws Exception {
        check(name, CqlTestNode.startLsm(directory), ".lsm");
    }

    private static void check(String name, CqlTestNode node, String suffix) throws Exception {
        Path dir = Path.of(ScenarioTest.class.getResource("/scenarios").toURI());
        String actual;
        try {
            actual = Scenario.run(node, dir.resolve(name + ".cql"));
        } finally {
            node.close();
        }
        List<String> golden = Files.readAllLines(dir.resolve(name + ".cassandra-5.0.6.txt"), StandardCharsets.UTF_8);
        Path out = Path.of("target", "scenarios", name + suffix + ".out");
        Files.createDirectories(out.getParent());
        Files.writeString(out, actual, StandardCharsets.UTF_8);
        assertEquals("", differences(blocks(golden), blocks(actual.lines().toList())),
                "differences from Cassandra (whole output in " + out.toAbsolutePath() + ")");
    }

    /** The output split into statement blocks (header and its indented lines). */
    private static List<List<String>> blocks(List<String> lines) {
        List<List<String>> out = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("  ") || out.isEmpty()) {
                out.add(new ArrayList<>());
            }
            out.get(out.size() - 1).add(line);
        }
        return out;
    }

    private static String differences(List<List<String>> expected, List<List<String>> actual) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            List<String> e = i < expected.size() ? expected.get(i) : List.of();
            List<String> a = i < actual.size() ? actual.get(i) : List.of();
            if (!e.equals(a)) {
                sb.append("cassandra:\n  ").append(String.join("\n  ", e)).append("\nringlet:\n  ")
                        .append(String.join("\n  ", a)).append('\n');
            }
        }
        return sb.toString();
    }
}
