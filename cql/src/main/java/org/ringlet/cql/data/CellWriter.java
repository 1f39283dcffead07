package org.ringlet.cql.data;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.ringlet.api.data.Cell;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.LivenessInfo;
import org.ringlet.api.data.Row;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.types.CollectionCodec;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.SetType;
import org.ringlet.api.types.UserType;

import static java.util.Objects.requireNonNull;

/**
 * Writes column values as cells of a row being built: the write timestamp, TTL and "now" of one statement.
 * Setting a non-frozen collection or user type replaces it: its previous cells are deleted just before the new
 * ones (a complex deletion one microsecond earlier), as Cassandra does.
 *
 * @param timestamp    the write timestamp, microseconds
 * @param ttl          the TTL in seconds, 0 for none
 * @param nowInSeconds the statement's "now"
 * @param timeUuids    makes the cell paths of list elements (time-based UUIDs in write order)
 */
public record CellWriter(long timestamp, int ttl, long nowInSeconds, TimeUuids timeUuids) {

    /** Makes increasing time-based UUIDs for list cell paths. */
    @FunctionalInterface
    public interface TimeUuids {
        /** A new serialized timeuuid, greater than the previous one. */
        ByteBuffer next();
    }

    public CellWriter {
        requireNonNull(timeUuids, "timeUuids is null");
    }

    /**
     * Sets a static or regular column to a value (null deletes it).
     *
     * @param value the serialized value, or null
     */
    public void set(Row.Builder row, ColumnMetadata column, ByteBuffer value) {
        CqlType type = column.type();
        String name = column.name();
        if (!type.isMultiCell()) {
            row.addCell(value == null ? Cell.tombstone(name, null, timestamp, nowInSeconds)
                    : Cell.expiring(name, null, value, timestamp, ttl, nowInSeconds));
            return;
        }
        row.deleteComplex(name, new DeletionTime(timestamp - 1, nowInSeconds));
        if (value != null) {
            addElements(row, column, value);
        }
    }

    /** Adds the elements of a collection or the fields of a user type value without deleting the old ones. */
    public void addElements(Row.Builder row, ColumnMetadata column, ByteBuffer value) {
        CqlType type = column.type();
        String name = column.name();
        if (type instanceof SetType) {
            for (ByteBuffer e : CollectionCodec.unpackCollection(value, 1, "set")) {
                row.addCell(Cell.expiring(name, e, ByteBuffer.allocate(0), timestamp, ttl, nowInSeconds));
            }
        } else if (type instanceof ListType) {
            for (ByteBuffer e : CollectionCodec.unpackCollection(value, 1, "list")) {
                row.addCell(Cell.expiring(name, timeUuids.next(), e, timestamp, ttl, nowInSeconds));
            }
        } else if (type instanceof MapType) {
            List<Map.Entry<ByteBuffer, ByteBuffer>> entries = CellReader.entries(value);
            for (Map.Entry<ByteBuffer, ByteBuffer> e : entries) {
                row.addCell(Cell.expiring(name, e.getKey(), e.getValue(), timestamp, ttl, nowInSeconds));
            }
        } else {
            UserType u = (UserType) type;
            List<ByteBuffer> fields = CollectionCodec.unpackFields(value, u.fieldNames().size(), u.name());
            for (int i = 0; i < fields.size(); i++) {
                ByteBuffer path = NativeType.SMALLINT.decompose((short) i);
                ByteBuffer f = fields.get(i);
                row.addCell(f == null ? Cell.tombstone(name, path, timestamp, nowInSeconds)
                        : Cell.expiring(name, path, f, timestamp, ttl, nowInSeconds));
            }
        }
    }

    /** The row marker of an INSERT: the row exists even when all its other columns are null. */
    public LivenessInfo rowMarker() {
        return LivenessInfo.expiring(timestamp, ttl, nowInSeconds);
    }
}
