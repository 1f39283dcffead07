package org.ringlet.cql.functions;

import static java.util.Objects.requireNonNull;

/**
 * A function's name: its keyspace ({@code system} for native functions) and name.
 */
public record FunctionName(String keyspace, String name) {
    /** The keyspace of native functions. */
    public static final String SYSTEM = "system";

    public FunctionName {
        requireNonNull(keyspace, "keyspace is null");
        requireNonNull(name, "name is null");
    }

    public static FunctionName system(String name) {
        return new FunctionName(SYSTEM, name);
    }

    @Override
    public String toString() {
        return keyspace + "." + name;
    }
}
