package org.ringlet.cluster.coordinator;

import java.time.Duration;
import java.util.Locale;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.error.ConfigurationException;

import static java.util.Objects.requireNonNull;

/**
 * The coordinator's timeouts and options, named as in {@code cassandra.yaml} (5.0 names with units, such as
 * {@code write_request_timeout: 2000ms}, or the legacy {@code write_request_timeout_in_ms: 2000}); the node's
 * plain form {@code write_request_timeout_ms: 2000} is read first.
 *
 * @param readTimeout   {@code read_request_timeout}, default 5 s
 * @param rangeTimeout  {@code range_request_timeout}, default 10 s
 * @param writeTimeout  {@code write_request_timeout}, default 2 s
 * @param counterTimeout {@code counter_write_request_timeout}, default 5 s
 * @param truncateTimeout {@code truncate_request_timeout}, default 60 s
 * @param autoSnapshot  {@code auto_snapshot}: snapshot a table before truncating it, default true
 */
public record CoordinatorConfig(Duration readTimeout, Duration rangeTimeout, Duration writeTimeout,
                                Duration counterTimeout, Duration truncateTimeout, boolean autoSnapshot) {
    public CoordinatorConfig {
        requireNonNull(readTimeout, "readTimeout is null");
        requireNonNull(rangeTimeout, "rangeTimeout is null");
        requireNonNull(writeTimeout, "writeTimeout is null");
        requireNonNull(counterTimeout, "counterTimeout is null");
        requireNonNull(truncateTimeout, "truncateTimeout is null");
    }

    /** Cassandra 5.0's defaults. */
    public static CoordinatorConfig defaults() {
        return from(ComponentConfig.empty());
    }

    /**
     * The configuration from options.
     *
     * @throws ConfigurationException naming the option for a bad value
     */
    public static CoordinatorConfig from(ComponentConfig c) {
        return new CoordinatorConfig(duration(c, "read_request_timeout", 5000),
                duration(c, "range_request_timeout", 10000), duration(c, "write_request_timeout", 2000),
                duration(c, "counter_write_request_timeout", 5000), duration(c, "truncate_request_timeout", 60000),
                c.getBoolean("auto_snapshot", true));
    }

    private static Duration duration(ComponentConfig c, String name, long defaultMillis) {
        // the node hands durations over in milliseconds under <name>_ms (ADR 0001)
        if (c.get(name + "_ms").isPresent()) {
            String ms = c.get(name + "_ms").get().trim();
            try {
                return Duration.ofMillis(Long.parseLong(ms));
            } catch (NumberFormatException e) {
                throw new ConfigurationException("Option '" + name + "_ms' must be a number of milliseconds, got '"
                        + ms + "'");
            }
        }
        String legacy = name + "_in_ms";
        if (c.get(legacy).isPresent()) {
            return Duration.ofMillis(c.getInt(legacy, (int) defaultMillis));
        }
        String v = c.get(name).orElse(null);
        if (v == null) {
            return Duration.ofMillis(defaultMillis);
        }
        String s = v.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
            }
            if (s.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1).trim()));
            }
            return Duration.ofMillis(Long.parseLong(s));
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Option '" + name + "' must be a duration such as 2000ms or 2s, got '"
                    + v + "'");
        }
    }
}
