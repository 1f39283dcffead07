package org.ringlet.arch;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;

/**
 * The main classes of every module, found on the test class path (each module's jar, or its target/classes),
 * with the modules listed in the root POM as the reference. Imported once per test JVM.
 */
final class ModuleClasses {
    /** Modules whose classes are not checked: this one, which has only tests. */
    private static final String SELF = "architecture-tests";

    private final Path root;
    private final Map<String, Path> outputs;
    private final JavaClasses classes;

    private ModuleClasses(Path root, Map<String, Path> outputs, JavaClasses classes) {
        this.root = root;
        this.outputs = outputs;
        this.classes = classes;
    }

    static ModuleClasses load() {
        String rootProperty = System.getProperty("ringlet.source.root");
        if (rootProperty == null) {
            throw new IllegalStateException("ringlet.source.root is not set; run the architecture tests with Maven");
        }
        try {
            Path root = Path.of(rootProperty).toRealPath();
            Map<String, Path> outputs = new LinkedHashMap<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path p = Path.of(entry);
                if (!Files.exists(p)) {
                    continue;
                }
                p = p.toRealPath();
                if (!p.startsWith(root) || p.toString().contains("test-classes")
                        || p.getFileName().toString().endsWith("-tests.jar")) {
                    continue;
                }
                Path relative = root.relativize(p);
                if (relative.getNameCount() >= 3 && relative.getName(1).toString().equals("target")
                        && !relative.getName(0).toString().equals(SELF)) {
                    outputs.put(relative.getName(0).toString(), p);
                }
            }
            List<Location> locations = new ArrayList<>();
            for (Path output : outputs.values()) {
                locations.add(Files.isDirectory(output) ? Location.of(output)
                        : Location.of(URI.create("jar:" + output.toUri() + "!/")));
            }
            JavaClasses imported = new ClassFileImporter().importLocations(locations);
            return new ModuleClasses(root, Collections.unmodifiableMap(outputs), imported);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JavaClasses classes() {
        return classes;
    }

    /** Module name to its jar or classes directory. */
    Map<String, Path> outputs() {
        return outputs;
    }

    /** The modules the root POM builds by default, except this one. */
    List<String> expectedModules() {
        try {
            String pom = Files.readString(root.resolve("pom.xml"), StandardCharsets.UTF_8);
            int profiles = pom.indexOf("<profiles>");
            if (profiles >= 0) {
                pom = pom.substring(0, profiles); // modules of profiles (the oracle) are not built by default
            }
            Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
            List<String> modules = new ArrayList<>();
            while (m.find()) {
                if (!m.group(1).equals(SELF)) {
                    modules.add(m.group(1));
                }
            }
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many class files the build produced in a module's output. */
    static long countClassFiles(Path output) {
        try {
            if (Files.isDirectory(output)) {
                try (Stream<Path> files = Files.walk(output)) {
                    return files.filter(f -> f.toString().endsWith(".class")).count();
                }
            }
            try (JarFile jar = new JarFile(output.toFile())) {
                return jar.stream().filter(e -> e.getName().endsWith(".class")).count();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
