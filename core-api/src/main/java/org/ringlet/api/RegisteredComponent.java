package org.ringlet.api;

import static java.util.Objects.requireNonNull;

/**
 * One factory known to a {@link ComponentRegistry}, with where it came from.
 *
 * @param factory the factory
 * @param origin  {@code "built-in"} for the node's classpath, or the plugin directory it was loaded from
 */
public record RegisteredComponent(ComponentFactory<?> factory, String origin) {
    public RegisteredComponent {
        requireNonNull(factory, "factory is null");
        requireNonNull(origin, "origin is null");
    }

    /** The origin of components found on the node's own classpath. */
    public static final String BUILT_IN = "built-in";
}
