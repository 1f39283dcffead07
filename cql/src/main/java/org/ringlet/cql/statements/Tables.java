package org.ringlet.cql.statements;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.error.UnauthorizedException;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.Schema;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.cql.ast.QualifiedName;
import org.ringlet.cql.schema.SystemKeyspaces;

/** Finds the keyspace and table a statement names, with Cassandra's messages. */
public final class Tables {
    private Tables() {
    }

    /**
     * The keyspace a name is in: its own, or the current one.
     *
     * @param current the keyspace of the request or connection, or null
     * @throws InvalidRequestException when neither is given
     */
    public static String keyspaceOf(QualifiedName name, String current) {
        if (name.keyspace() != null) {
            return name.keyspace();
        }
        if (current == null) {
            throw new InvalidRequestException(
                    "No keyspace has been specified. USE a keyspace, or explicitly specify keyspace.tablename");
        }
        return current;
    }

    /**
     * The table a data statement reads or writes.
     *
     * @throws InvalidRequestException {@code keyspace ks does not exist} or {@code table t does not exist}
     */
    public static TableMetadata table(Schema schema, QualifiedName name, String current) {
        String ks = keyspaceOf(name, current);
        KeyspaceMetadata keyspace = schema.keyspace(ks)
                .orElseThrow(() -> new InvalidRequestException("keyspace " + ks + " does not exist"));
        return keyspace.table(name.name())
                .orElseThrow(() -> new InvalidRequestException("table " + name.name() + " does not exist"));
    }

    /**
     * Checks that a keyspace may be changed by users.
     *
     * @throws UnauthorizedException for the node-local and virtual system keyspaces
     */
    public static void checkModifiable(String keyspace) {
        if (SystemKeyspaces.isReadOnly(keyspace)) {
            throw new UnauthorizedException(keyspace + " keyspace is not user-modifiable.");
        }
    }
}
