package org.ringlet.api.schema;

import java.util.Locale;

/** A column's clustering order, as {@code system_schema.columns.clustering_order} writes it. */
public enum ClusteringOrder {
    ASC,
    DESC,
    NONE;

    /** {@code asc}, {@code desc} or {@code none}. */
    public String schemaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ClusteringOrder fromSchemaName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
