package org.ringlet.api;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ringlet.api.error.ConfigurationException;

import static java.util.Objects.requireNonNull;

/**
 * The configuration of one component instance: an immutable map of string options, plus the name of the scope
 * the instance serves (the node, a keyspace, a table) so that validation errors can name it.
 *
 * <p>Options are kept in key order so that error messages and printed configurations are deterministic.
 *
 * @param scope   what this instance is configured for, e.g. {@code "node"} or a keyspace name; never null
 * @param options the options; copied, never null, no null keys or values
 */
public record ComponentConfig(String scope, Map<String, String> options) {
    public ComponentConfig {
        requireNonNull(scope, "scope is null");
        requireNonNull(options, "options is null");
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /** A configuration with no options, for the node scope. */
    public static ComponentConfig empty() {
        return new ComponentConfig("node", Map.of());
    }

    /** A configuration for the node scope. */
    public static ComponentConfig of(Map<String, String> options) {
        return new ComponentConfig("node", options);
    }

    /** The option's value, if set. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(options.get(key));
    }

    /** The option's value, or {@code defaultValue}. */
    public String get(String key, String defaultValue) {
        return options.getOrDefault(key, defaultValue);
    }

    /**
     * The option's value.
     *
     * @throws ConfigurationException naming the option and the scope when it is not set
     */
    public String require(String key) {
        String value = options.get(key);
        if (value == null) {
            throw new ConfigurationException("Missing option '" + key + "' for " + scope);
        }
        return value;
    }

    /**
     * The option parsed as an int.
     *
     * @throws ConfigurationException naming the option, the value and the scope when it is not an integer
     */
    public int getInt(String key, int defaultValue) {
        String value = options.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException(
                    "Option '" + key + "' for " + scope + " must be an integer, got '" + value + "'");
        }
    }

    /**
     * The option parsed as a long.
     *
     * @throws ConfigurationException naming the option, the value and the scope when it is not an integer
     */
    public long getLong(String key, long defaultValue) {
        String value = options.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException(
                    "Option '" + key + "' for " + scope + " must be an integer, got '" + value + "'");
        }
    }

    /** The option parsed as a boolean ({@code true}/{@code false}, case-insensitive). */
    public boolean getBoolean(String key, boolean defaultValue) {
        String value = options.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigurationException(
                "Option '" + key + "' for " + scope + " must be true or false, got '" + value + "'");
    }

    /** A copy with one more option. */
    public ComponentConfig with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(options);
        copy.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
        return new ComponentConfig(scope, copy);
    }
}
