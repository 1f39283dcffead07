package org.ringlet.node.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Everything a configuration is loaded from. The environment is passed in, never read from the process, so
 * that several nodes with different settings can run in one JVM.
 *
 * @param configFile       the configuration file, if any; it must exist
 * @param dataDirectory    the root of every directory the configuration leaves unset
 * @param confDirectory    where the snitch's properties files are
 * @param environment      environment variables (only the Cassandra Docker image's are read)
 * @param flags            command-line overrides, by setting key ({@code listen_address}, {@code dc} …)
 * @param workingDirectory what relative paths in the file and flags are resolved against
 * @param maxHeapBytes     the JVM's maximum heap, for defaults derived from it
 */
public record ConfigInput(Optional<Path> configFile, Path dataDirectory, Path confDirectory,
                          Map<String, String> environment, Map<String, String> flags, Path workingDirectory,
                          long maxHeapBytes) {
    public ConfigInput {
        requireNonNull(configFile, "configFile is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(confDirectory, "confDirectory is null");
        environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        flags = Map.copyOf(requireNonNull(flags, "flags is null"));
        requireNonNull(workingDirectory, "workingDirectory is null");
    }
}
