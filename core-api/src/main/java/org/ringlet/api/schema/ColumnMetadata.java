package org.ringlet.api.schema;

import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.ReversedType;

import static java.util.Objects.requireNonNull;

/**
 * A column of a table.
 *
 * @param name     the column name, case preserved (unquoted form)
 * @param type     the declared type (never a {@link ReversedType}; see {@link #comparisonType()})
 * @param kind     partition key, clustering, static or regular
 * @param position the position within the partition key or clustering columns; -1 for static and regular
 * @param order    ASC or DESC for clustering columns, NONE otherwise
 */
public record ColumnMetadata(String name, CqlType type, ColumnKind kind, int position, ClusteringOrder order) {
    public ColumnMetadata {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(order, "order is null");
        if (type.isReversed()) {
            throw new IllegalArgumentException("declare DESC with the order, not a reversed type: " + name);
        }
        if (kind.isPrimaryKey() != (position >= 0)) {
            throw new IllegalArgumentException("position " + position + " does not fit a " + kind + " column");
        }
        if ((kind == ColumnKind.CLUSTERING) == (order == ClusteringOrder.NONE)) {
            throw new IllegalArgumentException("order " + order + " does not fit a " + kind + " column");
        }
    }

    public static ColumnMetadata partitionKey(String name, CqlType type, int position) {
        return new ColumnMetadata(name, type, ColumnKind.PARTITION_KEY, position, ClusteringOrder.NONE);
    }

    public static ColumnMetadata clustering(String name, CqlType type, int position, ClusteringOrder order) {
        return new ColumnMetadata(name, type, ColumnKind.CLUSTERING, position, order);
    }

    public static ColumnMetadata regular(String name, CqlType type) {
        return new ColumnMetadata(name, type, ColumnKind.REGULAR, -1, ClusteringOrder.NONE);
    }

    public static ColumnMetadata staticColumn(String name, CqlType type) {
        return new ColumnMetadata(name, type, ColumnKind.STATIC, -1, ClusteringOrder.NONE);
    }

    /** The type values are ordered by: the declared type, reversed for a DESC clustering column. */
    public CqlType comparisonType() {
        return order == ClusteringOrder.DESC ? ReversedType.of(type) : type;
    }

    public boolean isStatic() {
        return kind == ColumnKind.STATIC;
    }

    public boolean isPrimaryKeyColumn() {
        return kind.isPrimaryKey();
    }

    /** Whether values are stored one cell per element (non-frozen collection or UDT). */
    public boolean isComplex() {
        return type.isMultiCell();
    }

    /** A copy with another name (ALTER TABLE RENAME). */
    public ColumnMetadata withName(String newName) {
        return new ColumnMetadata(newName, type, kind, position, order);
    }

    /** A copy with another type (ALTER TYPE field changes ripple into columns). */
    public ColumnMetadata withType(CqlType newType) {
        return new ColumnMetadata(name, newType, kind, position, order);
    }
}
