package org.ringlet.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checked-in golden files are exactly what Cassandra 5.0.6 produces today. With
 * {@code -Dringlet.oracle.write=true} they are (re)written instead.
 */
class GoldenFilesTest {
    private static final Path ROOT = Path.of(System.getProperty("ringlet.root", ".."));
    private static final boolean WRITE = Boolean.getBoolean("ringlet.oracle.write");

    private static void check(String file, Supplier<String> content) throws IOException {
        Path path = ROOT.resolve(file);
        String generated = content.get();
        if (WRITE) {
            Files.createDirectories(path.getParent());
            Files.writeString(path, generated, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(path), () -> path + " is missing: generate it with -Dringlet.oracle.write=true");
        assertEquals(generated, Files.readString(path, StandardCharsets.UTF_8),
                () -> path + " is not what Cassandra produces: regenerate it with -Dringlet.oracle.write=true");
    }

    @Test
    void tokens() throws IOException {
        check("partitioner/src/test/resources/golden/tokens-cassandra-5.0.6.txt", GoldenGenerator::tokens);
    }

    @Test
    void simplePlacement() throws IOException {
        check("replication-simple/src/test/resources/golden/simple-placement-cassandra-5.0.6.txt",
                () -> GoldenGenerator.placement(false, 11L, 30));
    }

    @Test
    void ntsPlacement() throws IOException {
        check("replication-topology/src/test/resources/golden/nts-placement-cassandra-5.0.6.txt",
                () -> GoldenGenerator.placement(true, 13L, 30));
    }

    @Test
    void simpleValidation() throws IOException {
        check("replication-simple/src/test/resources/golden/simple-validation-cassandra-5.0.6.txt",
                () -> GoldenGenerator.validation(GoldenGenerator.simpleStatements()));
    }

    @Test
    void ntsValidation() throws IOException {
        check("replication-topology/src/test/resources/golden/nts-validation-cassandra-5.0.6.txt",
                () -> GoldenGenerator.validation(GoldenGenerator.ntsStatements()));
    }
}
