package org.ringlet.cql.statements.ddl;

import java.util.regex.Pattern;

import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.error.InvalidRequestException;

/** The rules for keyspace and table names, with Cassandra's messages. */
final class SchemaNames {
    /** The longest keyspace name. */
    static final int KEYSPACE_NAME_LENGTH = 48;
    /** The longest table name. */
    static final int TABLE_NAME_LENGTH = 222;
    private static final Pattern VALID = Pattern.compile("\\w+");

    private SchemaNames() {
    }

    static void checkKeyspace(String name) {
        if (!VALID.matcher(name).matches()) {
            throw new InvalidRequestException("Keyspace name must not be empty and must contain alphanumeric or "
                    + "underscore characters only (got \"" + name + "\")");
        }
        if (name.length() > KEYSPACE_NAME_LENGTH) {
            throw new InvalidRequestException("Keyspace name must not be more than " + KEYSPACE_NAME_LENGTH
                    + " characters long (got " + name.length() + " characters for \"" + name + "\")");
        }
    }

    static void checkTable(String keyspace, String name) {
        if (!VALID.matcher(name).matches()) {
            throw new ConfigurationException(keyspace + "." + name + ": Table name must not be empty and must "
                    + "contain alphanumeric or underscore characters only (got \"" + name + "\")");
        }
        if (name.length() > TABLE_NAME_LENGTH) {
            throw new ConfigurationException(keyspace + "." + name + ": Table name must not be more than "
                    + TABLE_NAME_LENGTH + " characters long (got " + name.length() + " characters for \"" + name
                    + "\")");
        }
    }
}
