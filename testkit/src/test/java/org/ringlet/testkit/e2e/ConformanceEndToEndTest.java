package org.ringlet.testkit.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ringlet.testkit.RingletExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every conformance scenario ({@code conformance/NN_topic.cql}) run end to end: a started node, the DataStax Python
 * driver and {@code conformance/conformance_check.py}, compared statement by statement with Cassandra 5.0.6's
 * recorded answers. The statements listed in {@code NN_topic.known-differences} (the same lists the {@code cql}
 * module's in-JVM ConformanceTest keeps, which may only shrink) may differ; any other statement must match.
 */
class ConformanceEndToEndTest {
    @RegisterExtension
    static final RingletExtension RINGLET = RingletExtension.singleNode();

    private static final Pattern DIFF = Pattern.compile("^DIFF (\\S+) \\[(\\d+)\\] .*$", Pattern.MULTILINE);

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(Prerequisites.sourceRoot().resolve("conformance"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cql")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void answersAsCassandraDid(String scenario) throws IOException {
        String python = Prerequisites.pythonWithDriver();
        Path root = Prerequisites.sourceRoot();
        String port = Integer.toString(RINGLET.node().nativeAddress().getPort());
        Processes.Result r = Processes.run(List.of(python, "conformance/conformance_check.py", "--port", port,
                "conformance/" + scenario), root, Map.of(), Duration.ofMinutes(5));
        String output = r.output();
        assertTrue(output.contains(scenario + ": "), "no summary line; the check failed to run:\n" + output);
        assertTrue(!output.contains("recorded statements,"), "the statement count differs:\n" + output);

        Set<Integer> differing = new TreeSet<>();
        Matcher m = DIFF.matcher(output);
        while (m.find()) {
            differing.add(Integer.parseInt(m.group(2)));
        }
        Set<Integer> unexpected = new TreeSet<>(differing);
        unexpected.removeAll(knownDifferences(root, scenario));
        assertEquals(Set.of(), unexpected, "statements of " + scenario + " that answer differently from Cassandra "
                + "5.0.6 and are not in its known-differences list:\n" + output);
        assertEquals(differing.isEmpty() ? 0 : 1, r.exitCode(), output);
    }

    /** The line numbers listed in {@code NN_topic.known-differences} (the first word of each line). */
    private static Set<Integer> knownDifferences(Path root, String scenario) throws IOException {
        Path file = root.resolve("conformance").resolve(scenario.replaceAll("\\.cql$", ".known-differences"));
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
}
