package org.ringlet.api.schema;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * A table's identity, stable for its whole life (a re-created table with the same name gets a new id).
 *
 * @param uuid the id
 */
public record TableId(UUID uuid) {
    public TableId {
        requireNonNull(uuid, "uuid is null");
    }

    /**
     * The fixed id of a system table: a name-based UUID of the keyspace and table names, as Cassandra computes it,
     * so that every node agrees without exchanging it.
     */
    public static TableId forSystemTable(String keyspace, String table) {
        byte[] ks = keyspace.getBytes(StandardCharsets.UTF_8);
        byte[] tb = table.getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[ks.length + tb.length];
        System.arraycopy(ks, 0, both, 0, ks.length);
        System.arraycopy(tb, 0, both, ks.length, tb.length);
        return new TableId(UUID.nameUUIDFromBytes(both));
    }

    /** The id without dashes, as used in data directory names ({@code <table>-<id>}). */
    public String toHexString() {
        return uuid.toString().replace("-", "");
    }

    @Override
    public String toString() {
        return uuid.toString();
    }
}
