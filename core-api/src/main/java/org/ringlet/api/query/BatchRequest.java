package org.ringlet.api.query;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A BATCH request.
 *
 * @param type       logged, unlogged or counter
 * @param statements the statements with their values
 * @param options    consistency, serial consistency, timestamp, keyspace and now (values, paging unused)
 */
public record BatchRequest(Type type, List<Statement> statements, QueryOptions options) {
    /** Batch types with their protocol codes. */
    public enum Type {
        LOGGED(0), UNLOGGED(1), COUNTER(2);

        private final int code;

        Type(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public static Type fromCode(int code) {
            for (Type t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            throw new IllegalArgumentException("Unknown batch type " + code);
        }
    }

    /**
     * One statement of a batch: a query string or a prepared id, with its values.
     *
     * @param query  the query text, or null when {@code id} is set
     * @param id     the prepared statement id, or null when {@code query} is set
     * @param values the values
     */
    public record Statement(String query, byte[] id, BoundValues values) {
        public Statement {
            if ((query == null) == (id == null)) {
                throw new IllegalArgumentException("a batch statement has either a query or an id");
            }
            requireNonNull(values, "values is null");
        }
    }

    public BatchRequest {
        requireNonNull(type, "type is null");
        statements = List.copyOf(statements);
        requireNonNull(options, "options is null");
    }
}
