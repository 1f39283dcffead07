package org.ringlet.cql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ringlet.cql.testing.CqlTestNode;
import org.ringlet.cql.testing.Scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The conformance scenarios of the repository's {@code conformance/} folder, run through the query handler on the
 * LSM engine, compared statement by statement with Apache Cassandra 5.0.6's recorded answers.
 *
 * <p>{@code NN_topic.known-differences} lists the statements (by line number) that do not match yet. The test
 * fails when a statement not on that list differs, and also when a listed statement now matches, so the lists only
 * ever shrink. (The same scenarios run end to end against a started node with the Python driver in testkit.)
 */
class ConformanceTest {
    private static final Path DIR = Path.of("..", "conformance").toAbsolutePath().normalize();

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cql"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void answersAsCassandraDid(String name, @TempDir Path directory) throws Exception {
        CqlTestNode node = CqlTestNode.startLsm(directory);
        String actual;
        try {
            actual = Scenario.run(node, DIR.resolve(name + ".cql"));
        } finally {
            node.close();
        }
        Path out = Path.of("target", "conformance", name + ".out");
        Files.createDirectories(out.getParent());
        Files.writeString(out, actual, StandardCharsets.UTF_8);

        List<List<String>> expected = blocks(Files.readAllLines(DIR.resolve(name + ".cassandra-5.0.6.txt"),
                StandardCharsets.UTF_8));
        List<List<String>> got = blocks(actual.lines().toList());
        assertEquals(expected.size(), got.size(), "statement count of " + name);
        Set<Integer> known = knownDifferences(name);
        Set<Integer> differing = new TreeSet<>();
        StringBuilder unexpected = new StringBuilder();
        for (int i = 0; i < expected.size(); i++) {
            List<String> e = expected.get(i);
            List<String> a = got.get(i);
            int line = lineOf(e.get(0));
            if (!e.equals(a)) {
                differing.add(line);
                if (!known.contains(line)) {
                    unexpected.append("cassandra:\n  ").append(String.join("\n  ", e)).append("\nringlet:\n  ")
                            .append(String.join("\n  ", a)).append('\n');
                }
            }
        }
        Set<Integer> nowMatching = new TreeSet<>(known);
        nowMatching.removeAll(differing);
        assertEquals("", unexpected.toString(), name + ": statements differing from Cassandra (whole output in "
                + out.toAbsolutePath() + ")");
        assertEquals(Set.of(), nowMatching, name + ": these statements now match Cassandra; remove them from "
                + name + ".known-differences");
    }

    private static Set<Integer> knownDifferences(String name) throws IOException {
        Path file = DIR.resolve(name + ".known-differences");
        Set<Integer> out = new TreeSet<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                out.add(Integer.parseInt(l.split("\\s+")[0]));
            }
        }
        return out;
    }

    private static int lineOf(String header) {
        return Integer.parseInt(header.substring(1, header.indexOf(']')));
    }

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
}
