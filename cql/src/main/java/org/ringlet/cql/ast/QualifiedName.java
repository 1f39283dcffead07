package org.ringlet.cql.ast;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A name that may be qualified by a keyspace ({@code ks.table}, {@code ks.type}, {@code ks.function}).
 *
 * @param keyspace the keyspace, or null when unqualified
 * @param name     the name
 */
public record QualifiedName(String keyspace, String name) {
    public QualifiedName {
        requireNonNull(name, "name is null");
    }

    public static QualifiedName of(String name) {
        return new QualifiedName(null, name);
    }

    public Optional<String> keyspaceIfAny() {
        return Optional.ofNullable(keyspace);
    }

    @Override
    public String toString() {
        return keyspace == null ? name : keyspace + "." + name;
    }
}
