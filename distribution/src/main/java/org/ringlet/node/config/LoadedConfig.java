package org.ringlet.node.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The result of loading a configuration: the typed config, every effective value with its source, and the
 * warnings to log (ignored Cassandra keys, deprecated names).
 *
 * @param config   the typed configuration
 * @param values   every setting's effective value, in a stable order
 * @param warnings what the node logs as warnings at start
 * @param file     the configuration file read, if any
 */
public record LoadedConfig(NodeConfig config, List<ConfigValue> values, List<String> warnings, Optional<Path> file) {
    public LoadedConfig {
        requireNonNull(config, "config is null");
        values = List.copyOf(requireNonNull(values, "values is null"));
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        requireNonNull(file, "file is null");
    }

    /** The effective value of a setting. */
    public ConfigValue value(String key) {
        return values.stream().filter(v -> v.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no setting " + key));
    }
}
