package org.ringlet.api.schema;

import java.util.Locale;

/** The role of a column in its table, as {@code system_schema.columns.kind} writes it. */
public enum ColumnKind {
    PARTITION_KEY,
    CLUSTERING,
    STATIC,
    REGULAR;

    /** The schema-table form: {@code partition_key}, {@code clustering}, {@code static}, {@code regular}. */
    public String schemaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the column is part of the primary key. */
    public boolean isPrimaryKey() {
        return this == PARTITION_KEY || this == CLUSTERING;
    }

    /** The kind of a schema-table form. */
    public static ColumnKind fromSchemaName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
