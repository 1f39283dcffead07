package org.ringlet.api.query;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a DDL statement changed: the body of a Schema_change result and of a SCHEMA_CHANGE event.
 *
 * @param change        CREATED, UPDATED or DROPPED
 * @param target        KEYSPACE, TABLE, TYPE, FUNCTION or AGGREGATE
 * @param keyspace      the keyspace
 * @param name          the table, type, function or aggregate name; null for KEYSPACE
 * @param argumentTypes the argument types of a function or aggregate; empty otherwise
 */
public record SchemaChange(Change change, Target target, String keyspace, String name,
                           List<String> argumentTypes) {
    /** The kind of change; names are the protocol's. */
    public enum Change { CREATED, UPDATED, DROPPED }

    /** The kind of object; names are the protocol's. */
    public enum Target { KEYSPACE, TABLE, TYPE, FUNCTION, AGGREGATE }

    public SchemaChange {
        requireNonNull(change, "change is null");
        requireNonNull(target, "target is null");
        requireNonNull(keyspace, "keyspace is null");
        argumentTypes = List.copyOf(argumentTypes);
        if ((target == Target.KEYSPACE) != (name == null)) {
            throw new IllegalArgumentException("a KEYSPACE change has no name; other changes have one");
        }
    }

    public static SchemaChange keyspace(Change change, String keyspace) {
        return new SchemaChange(change, Target.KEYSPACE, keyspace, null, List.of());
    }

    public static SchemaChange table(Change change, String keyspace, String table) {
        return new SchemaChange(change, Target.TABLE, keyspace, table, List.of());
    }

    public static SchemaChange type(Change change, String keyspace, String type) {
        return new SchemaChange(change, Target.TYPE, keyspace, type, List.of());
    }
}
