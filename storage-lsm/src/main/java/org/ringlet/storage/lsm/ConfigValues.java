package org.ringlet.storage.lsm;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.error.ConfigurationException;

/**
 * Reads sizes, durations and rates the way {@code cassandra.yaml} writes them: {@code 32MiB}, {@code 10000ms},
 * {@code 64MiB/s}; the legacy names with the unit in the key ({@code commitlog_segment_size_in_mb: 32}); and the
 * normalized plain numbers the node passes ({@code commitlog_segment_size_bytes}, {@code commitlog_sync_period_ms},
 * {@code compaction_throughput_bytes_per_second}). Stateless.
 */
final class ConfigValues {
    private static final Pattern QUANTITY = Pattern.compile("\\s*(\\d+)\\s*([a-zA-Z/]*)\\s*");

    private ConfigValues() {
    }

    /**
     * A size in bytes from {@code key} (with a unit: B, KiB, MiB, GiB, TiB) or {@code legacyKey} (a number in
     * {@code legacyUnit} bytes), or the default.
     */
    static long bytes(ComponentConfig cfg, String key, String legacyKey, long legacyUnit, long defaultValue) {
        String v = cfg.options().get(key);
        if (v != null) {
            return parseBytes(key, v);
        }
        String plain = cfg.options().get(key + "_bytes");
        if (plain != null) {
            return number(key + "_bytes", plain);
        }
        if (legacyKey != null) {
            String l = cfg.options().get(legacyKey);
            if (l != null) {
                return number(legacyKey, l) * legacyUnit;
            }
        }
        return defaultValue;
    }

    static long parseBytes(String key, String value) {
        Matcher m = QUANTITY.matcher(value);
        if (!m.matches()) {
            throw invalid(key, value, "a size such as 32MiB");
        }
        long n = Long.parseLong(m.group(1));
        long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1L;
            case "kib", "kb", "k" -> 1L << 10;
            case "mib", "mb", "m" -> 1L << 20;
            case "gib", "gb", "g" -> 1L << 30;
            case "tib", "tb", "t" -> 1L << 40;
            default -> throw invalid(key, value, "a size with unit B, KiB, MiB, GiB or TiB");
        };
        return Math.multiplyExact(n, unit);
    }

    /** A duration from {@code key} (with a unit) or {@code legacyKey} (milliseconds), or the default. */
    static Duration duration(ComponentConfig cfg, String key, String legacyKey, Duration defaultValue) {
        String v = cfg.options().get(key);
        if (v != null) {
            return parseDuration(key, v);
        }
        String plain = cfg.options().get(key + "_ms");
        if (plain != null) {
            return Duration.ofMillis(number(key + "_ms", plain));
        }
        if (legacyKey != null) {
            String l = cfg.options().get(legacyKey);
            if (l != null) {
                return Duration.ofMillis(number(legacyKey, l));
            }
        }
        return defaultValue;
    }

    static Duration parseDuration(String key, String value) {
        Matcher m = QUANTITY.matcher(value);
        if (!m.matches()) {
            throw invalid(key, value, "a duration such as 10000ms");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "ns" -> Duration.ofNanos(n);
            case "us", "µs" -> Duration.ofNanos(n * 1000);
            case "", "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> throw invalid(key, value, "a duration with unit ns, us, ms, s, m, h or d");
        };
    }

    /**
     * A rate in bytes per second from {@code key} ({@code 64MiB/s}; 0 = unthrottled) or {@code legacyKey}
     * (MiB per second).
     */
    static long rate(ComponentConfig cfg, String key, String legacyKey, long defaultValue) {
        String v = cfg.options().get(key);
        if (v != null) {
            String t = v.trim();
            if (!t.endsWith("/s")) {
                if (t.matches("\\d+")) {
                    return Long.parseLong(t) << 20;
                }
                throw invalid(key, v, "a rate such as 64MiB/s");
            }
            return parseBytes(key, t.substring(0, t.length() - 2));
        }
        String plain = cfg.options().get(key + "_bytes_per_second");
        if (plain != null) {
            return number(key + "_bytes_per_second", plain);
        }
        if (legacyKey != null && cfg.options().get(legacyKey) != null) {
            return number(legacyKey, cfg.options().get(legacyKey)) << 20;
        }
        return defaultValue;
    }

    private static long number(String key, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, value, "a whole number");
        }
    }

    static ConfigurationException invalid(String key, String value, String expected) {
        return new ConfigurationException("Invalid value '" + value + "' for " + key + ": expected " + expected);
    }
}
