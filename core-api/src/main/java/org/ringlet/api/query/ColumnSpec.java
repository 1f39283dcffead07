package org.ringlet.api.query;

import org.ringlet.api.types.CqlType;

import static java.util.Objects.requireNonNull;

/**
 * A result column or bind marker: where it comes from and its type.
 *
 * @param keyspace the keyspace
 * @param table    the table
 * @param name     the column name as the client sees it (e.g. {@code system.token(username)} or an alias)
 * @param type     the type
 */
public record ColumnSpec(String keyspace, String table, String name, CqlType type) {
    public ColumnSpec {
        requireNonNull(keyspace, "keyspace is null");
        requireNonNull(table, "table is null");
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}
