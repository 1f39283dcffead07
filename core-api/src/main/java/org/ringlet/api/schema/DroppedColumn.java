package org.ringlet.api.schema;

import org.ringlet.api.types.CqlType;

import static java.util.Objects.requireNonNull;

/**
 * A column that was dropped: data written to it at or before {@code droppedTimeMicros} is ignored, even if a
 * column of the same name is added again later.
 *
 * @param name              the column's name
 * @param type              its type when dropped
 * @param kind              static or regular
 * @param droppedTimeMicros the timestamp of the drop, in microseconds
 */
public record DroppedColumn(String name, CqlType type, ColumnKind kind, long droppedTimeMicros) {
    public DroppedColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(kind, "kind is null");
    }
}
