package org.ringlet.cql.ast;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The {@code WITH a = x AND b = {...}} properties of DDL statements, in the order written. A value is a
 * {@link String} (a constant's text or an unreserved keyword) or a {@code Map<String, String>} (a map literal of
 * constants).
 */
public record RawProperties(List<Map.Entry<String, Object>> entries) {
    /** No properties. */
    public static final RawProperties NONE = new RawProperties(List.of());

    public RawProperties {
        entries = List.copyOf(requireNonNull(entries, "entries is null"));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The value of the last property of that name, if any. */
    public Optional<Object> get(String name) {
        Object found = null;
        for (Map.Entry<String, Object> e : entries) {
            if (e.getKey().equals(name)) {
                found = e.getValue();
            }
        }
        return Optional.ofNullable(found);
    }
}
