package org.ringlet.api.error;

import static java.util.Objects.requireNonNull;

/** A keyspace, table or type that already exists was created again (0x2400). */
public final class AlreadyExistsException extends RingletException {
    private final String keyspace;
    private final String table;

    /**
     * @param keyspace the keyspace
     * @param table    the table (or type), or the empty string when the keyspace itself exists
     */
    public AlreadyExistsException(String keyspace, String table, String message) {
        super(ErrorCode.ALREADY_EXISTS, message);
        this.keyspace = requireNonNull(keyspace, "keyspace is null");
        this.table = requireNonNull(table, "table is null");
    }

    /** Cassandra 5.0's message for an existing keyspace: {@code Keyspace 'ks' already exists}. */
    public static AlreadyExistsException keyspace(String keyspace) {
        return new AlreadyExistsException(keyspace, "", "Keyspace '" + keyspace + "' already exists");
    }

    /** Cassandra 5.0's message for an existing table: {@code Table 'ks.t' already exists}. */
    public static AlreadyExistsException table(String keyspace, String table) {
        return new AlreadyExistsException(keyspace, table,
                "Table '" + keyspace + "." + table + "' already exists");
    }

    public String keyspace() {
        return keyspace;
    }

    /** The table or type; empty for a keyspace. */
    public String table() {
        return table;
    }
}
