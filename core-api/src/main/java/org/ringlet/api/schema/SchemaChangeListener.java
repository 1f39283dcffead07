package org.ringlet.api.schema;

import org.ringlet.api.types.UserType;

/**
 * Receives schema changes. Called synchronously, in registration order, after the new schema is current and
 * before the statement that made the change completes. Listeners must be quick and must not throw; every method
 * has an empty default.
 */
public interface SchemaChangeListener {

    default void onCreateKeyspace(KeyspaceMetadata keyspace) {
    }

    default void onAlterKeyspace(KeyspaceMetadata before, KeyspaceMetadata after) {
    }

    default void onDropKeyspace(KeyspaceMetadata keyspace) {
    }

    default void onCreateTable(TableMetadata table) {
    }

    default void onAlterTable(TableMetadata before, TableMetadata after) {
    }

    default void onDropTable(TableMetadata table) {
    }

    default void onCreateType(UserType type) {
    }

    default void onAlterType(UserType before, UserType after) {
    }

    default void onDropType(UserType type) {
    }
}
