package org.ringlet.testkit.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the end-to-end tests need outside Maven, checked so that a missing piece fails the test with the command
 * that installs it (.ci/run installs all of them) instead of skipping it.
 */
final class Prerequisites {
    static final String PYTHON = "/usr/bin/python3";

    private Prerequisites() {
    }

    /** The repository's root directory. */
    static Path sourceRoot() {
        String root = System.getProperty("ringlet.source.root");
        assertTrue(root != null, "ringlet.source.root is not set; run the tests with Maven");
        return Path.of(root).toAbsolutePath().normalize();
    }

    /** {@code /usr/bin/python3} with the DataStax Python driver. */
    static String pythonWithDriver() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            fail(PYTHON + " is missing: install Python 3 and the DataStax Python driver "
                    + "(apt-get install -y python3-cassandra; .ci/run does it)");
        }
        Processes.Result r = Processes.run(List.of(PYTHON, "-c", "import cassandra"), sourceRoot(),
                java.util.Map.of(), Duration.ofSeconds(60));
        if (r.exitCode() != 0) {
            fail("The DataStax Python driver is not installed for " + PYTHON + ": apt-get install -y "
                    + "python3-cassandra (.ci/run does it)\n" + r.output());
        }
        return PYTHON;
    }

    /** The Node.js test project with its modules ({@code npm ci}), and the {@code node} binary. */
    static Path nodeProject() {
        Path project = sourceRoot().resolve("testkit/src/test/node");
        if (!Files.isDirectory(project.resolve("node_modules/cassandra-driver"))) {
            fail("The Node.js driver is not installed in " + project + ": run (cd testkit/src/test/node && npm ci) "
                    + "(.ci/run does it; needs Node.js and npm)");
        }
        Processes.Result r = Processes.run(List.of("node", "--version"), project, java.util.Map.of(),
                Duration.ofSeconds(30));
        if (r.exitCode() != 0) {
            fail("node is not on the PATH: install Node.js (e.g. apt-get install -y nodejs npm)\n" + r.output());
        }
        return project;
    }
}
