package org.ringlet.node.config;

import static java.util.Objects.requireNonNull;

/**
 * One effective setting, as {@code ringlet config} shows it.
 *
 * @param key    the setting's name, e.g. {@code commitlog_sync_period}
 * @param value  the value in its canonical text form ({@code 10000ms}, {@code 16MiB}); empty when unset
 * @param source where it came from
 * @param origin the detail: {@code conf/ringlet.yaml:12}, {@code CASSANDRA_SEEDS}, {@code --listen-address} or a
 *               note on how a default was derived; may be empty
 */
public record ConfigValue(String key, String value, Source source, String origin) {
    public ConfigValue {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        requireNonNull(source, "source is null");
        requireNonNull(origin, "origin is null");
    }
}
