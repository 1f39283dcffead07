package org.ringlet.api.types;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * CQL identifier rules: unquoted identifiers are case-insensitive (folded to lower case); a name that is not all
 * lower-case letters, digits and underscores, or that is a reserved keyword, must be double-quoted to be written
 * in CQL, with embedded quotes doubled.
 */
public final class Identifiers {
    private static final Pattern UNQUOTED = Pattern.compile("[a-z][a-z0-9_]*");

    /** Cassandra 5.0's reserved keywords, which must be quoted when used as identifiers. */
    private static final Set<String> RESERVED = Set.of(
            "add", "allow", "alter", "and", "apply", "asc", "authorize", "batch", "begin", "by", "columnfamily",
            "create", "delete", "desc", "describe", "drop", "entries", "execute", "from", "full", "grant", "if",
            "in", "index", "infinity", "insert", "into", "is", "keyspace", "limit", "materialized", "modify", "nan",
            "norecursive", "not", "null", "of", "on", "or", "order", "primary", "rename", "revoke", "schema",
            "select", "set", "table", "to", "token", "truncate", "unlogged", "update", "use", "using", "view",
            "where", "with");

    private Identifiers() {
    }

    /** The name as CQL must write it: unchanged if it may be unquoted, double-quoted otherwise. */
    public static String maybeQuote(String name) {
        if (UNQUOTED.matcher(name).matches() && !RESERVED.contains(name)) {
            return name;
        }
        return quote(name);
    }

    /** The name double-quoted, with embedded double quotes doubled. */
    public static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** Whether {@code word} is a reserved keyword. */
    public static boolean isReserved(String word) {
        return RESERVED.contains(word.toLowerCase(java.util.Locale.ROOT));
    }
}
