package org.ringlet.node;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Finds the example plugin (the examples module's jar, built earlier in the reactor) and installs it into a
 * plugins directory, as a user would by copying it. When only the compiled classes exist (a {@code mvn test}
 * run, which does not package), it packs them into a jar first.
 */
public final class ExamplePlugin {
    public static final String JAR_NAME = "ringlet-example-pinned-racks.jar";

    private ExamplePlugin() {
    }

    /** The examples module's target directory, from the build (system property {@code ringlet.examples.dir}). */
    public static Path examplesTarget() {
        String dir = System.getProperty("ringlet.examples.dir");
        if (dir == null) {
            throw new IllegalStateException("ringlet.examples.dir is not set; run the tests with Maven");
        }
        return Path.of(dir);
    }

    /** Copies the plugin jar to {@code plugins/pinned-racks/} and returns that directory. */
    public static Path install(Path pluginsDirectory) throws IOException {
        Path target = pluginsDirectory.resolve("pinned-racks");
        Files.createDirectories(target);
        Path jar = examplesTarget().resolve(JAR_NAME);
        if (Files.isRegularFile(jar)) {
            Files.copy(jar, target.resolve(JAR_NAME));
        } else {
            pack(examplesTarget().resolve("classes"), target.resolve(JAR_NAME));
        }
        return target;
    }

    private static void pack(Path classes, Path jar) throws IOException {
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException("the examples module is not built: neither " + JAR_NAME + " nor "
                    + classes + " exists");
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                jos.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                jos.write(Files.readAllBytes(p));
                jos.closeEntry();
            }
        }
    }
}
