package org.ringlet.api.testing.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random CQL statements, well-formed and mutated, for fuzzing whatever reads CQL text: the native protocol's
 * string handling, a CQL parser, the type parser. Deterministic for a given {@link Random}. Not thread-safe (one
 * instance per thread, or none: the methods keep no state besides the random source they are given).
 *
 * <p>{@link #statement} writes one of SELECT, INSERT, UPDATE, DELETE, BATCH, USE, TRUNCATE, CREATE/ALTER/DROP of
 * keyspaces, tables, types and indexes, with literals of every kind (strings with quotes, dollar-quoted
 * strings, blobs, UUIDs, durations, collections, tuples, bind markers) and nested types. {@link #mutate} damages a
 * statement the way hostile or buggy clients do.
 */
public final class CqlStatementGenerator {
    private static final String[] NATIVE_TYPES = {"ascii", "bigint", "blob", "boolean", "counter", "date",
        "decimal", "double", "duration", "float", "inet", "int", "smallint", "text", "time", "timestamp",
        "timeuuid", "tinyint", "uuid", "varchar", "varint"};
    private static final String[] HOSTILE = {"'", "''", "\"", "$$", "(", ")", "<", ">", ",", ";", "--", "/*", "*/",
        "//", "?", ":", "\\", "\0", "\uFFFF", "\uFEFF", "\u202E", "\uD83D\uDE00", "\uD800", "\uDC00", "é", "\n",
        "\t", " ", "0x", "-", "+", "e", "NaN", "Infinity", "null", "NULL", "token(", "[", "]", "{", "}"};
    private static final String[] KEYWORDS = {"SELECT", "FROM", "WHERE", "AND", "INSERT", "INTO", "VALUES",
        "UPDATE", "SET", "DELETE", "USING", "TTL", "TIMESTAMP", "IF", "EXISTS", "NOT", "IN", "CONTAINS", "KEY",
        "LIMIT", "ALLOW", "FILTERING", "ORDER", "BY", "ASC", "DESC", "BATCH", "APPLY", "BEGIN", "CREATE", "DROP",
        "ALTER", "TABLE", "KEYSPACE", "TYPE", "INDEX", "WITH", "PRIMARY", "frozen", "list", "map", "set",
        "tuple", "vector", "JSON", "DISTINCT", "CAST", "AS", "TOKEN", "WRITETIME", "TTL"};

    private CqlStatementGenerator() {
    }

    /** A random statement, most of them well-formed. */
    public static String statement(Random r) {
        return switch (r.nextInt(14)) {
            case 0, 1, 2 -> select(r);
            case 3, 4 -> insert(r);
            case 5 -> update(r);
            case 6 -> delete(r);
            case 7 -> batch(r);
            case 8 -> "USE " + identifier(r);
            case 9 -> "TRUNCATE " + table(r);
            case 10 -> createTable(r);
            case 11 -> createKeyspace(r);
            case 12 -> createType(r);
            default -> switch (r.nextInt(4)) {
                case 0 -> "DROP TABLE IF EXISTS " + table(r);
                case 1 -> "ALTER TABLE " + table(r) + " ADD " + identifier(r) + " " + type(r, 0);
                case 2 -> "CREATE INDEX IF NOT EXISTS ON " + table(r) + " (" + identifier(r) + ")";
                default -> "DROP KEYSPACE " + identifier(r);
            };
        };
    }

    /** A statement, mutated {@code 1..4} times with probability 0.9. */
    public static String statementMaybeMutated(Random r) {
        String s = statement(r);
        if (r.nextInt(10) == 0) {
            return s;
        }
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            s = mutate(s, r);
        }
        return s;
    }

    /** A CQL type name, possibly nested, possibly mutated. */
    public static String typeName(Random r) {
        String t = type(r, 0);
        return r.nextInt(3) == 0 ? mutate(t, r) : t;
    }

    /** One damage to {@code s}. */
    public static String mutate(String s, Random r) {
        int n = s.length();
        int at = n == 0 ? 0 : r.nextInt(n + 1);
        return switch (r.nextInt(12)) {
            case 0 -> n == 0 ? s : s.substring(0, at) + s.substring(Math.min(n, at + 1 + r.nextInt(8)));
            case 1 -> s.substring(0, at) + pick(r, HOSTILE) + s.substring(at);
            case 2 -> s.substring(0, at) + pick(r, KEYWORDS) + " " + s.substring(at);
            case 3 -> s.substring(0, at);
            case 4 -> {
                int end = Math.min(n, at + 1 + r.nextInt(30));
                yield s.substring(0, end) + s.substring(at, end) + s.substring(end);
            }
            case 5 -> s.substring(0, at) + "(".repeat(1 + r.nextInt(5_000)) + s.substring(at);
            case 6 -> s.substring(0, at) + "frozen<list<".repeat(1 + r.nextInt(2_000)) + "int"
                    + s.substring(at);
            case 7 -> s.substring(0, at) + "9".repeat(1 + r.nextInt(2_000)) + s.substring(at);
            case 8 -> s.substring(0, at) + "'" + "x".repeat(r.nextInt(3_000)) + s.substring(at);
            case 9 -> s.toUpperCase(java.util.Locale.ROOT).equals(s) ? s.toLowerCase(java.util.Locale.ROOT)
                    : s.toUpperCase(java.util.Locale.ROOT);
            case 10 -> {
                String[] words = s.split(" ");
                if (words.length > 1) {
                    int i = r.nextInt(words.length);
                    int j = r.nextInt(words.length);
                    String w = words[i];
                    words[i] = words[j];
                    words[j] = w;
                }
                yield String.join(" ", words);
            }
            default -> {
                StringBuilder b = new StringBuilder(s);
                for (int i = 0; i < 1 + r.nextInt(4); i++) {
                    b.insert(r.nextInt(b.length() + 1), (char) r.nextInt(0x3000));
                }
                yield b.toString();
            }
        };
    }

    private static String select(Random r) {
        StringBuilder b = new StringBuilder("SELECT ");
        if (r.nextInt(5) == 0) {
            b.append("JSON ");
        }
        b.append(r.nextBoolean() ? "*" : String.join(", ", selectors(r)));
        b.append(" FROM ").append(table(r));
        if (r.nextInt(4) != 0) {
            b.append(" WHERE ").append(where(r));
        }
        if (r.nextInt(4) == 0) {
            b.append(" ORDER BY ").append(identifier(r)).append(r.nextBoolean() ? " ASC" : " DESC");
        }
        if (r.nextInt(3) == 0) {
            b.append(" LIMIT ").append(r.nextInt(10_000));
        }
        if (r.nextInt(4) == 0) {
            b.append(" ALLOW FILTERING");
        }
        return b.toString();
    }

    private static List<String> selectors(Random r) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(4); i++) {
            String id = identifier(r);
            out.add(switch (r.nextInt(6)) {
                case 0 -> "writetime(" + id + ")";
                case 1 -> "CAST(" + id + " AS " + type(r, 0) + ")";
                case 2 -> id + " AS " + identifier(r);
                case 3 -> "token(" + id + ")";
                default -> id;
            });
        }
        return out;
    }

    private static String where(Random r) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(3); i++) {
            String id = identifier(r);
            parts.add(switch (r.nextInt(5)) {
                case 0 -> id + " IN (" + literal(r, 0) + ", " + literal(r, 0) + ")";
                case 1 -> id + " CONTAINS " + literal(r, 0);
                case 2 -> "token(" + id + ") > " + r.nextLong();
                case 3 -> id + " >= ?";
                default -> id + " = " + literal(r, 0);
            });
        }
        return String.join(" AND ", parts);
    }

    private static String insert(Random r) {
        int n = 1 + r.nextInt(5);
        List<String> cols = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cols.add(identifier(r));
            values.add(literal(r, 0));
        }
        StringBuilder b = new StringBuilder("INSERT INTO ").append(table(r)).append(" (")
                .append(String.join(", ", cols)).append(") VALUES (").append(String.join(", ", values)).append(")");
        if (r.nextInt(3) == 0) {
            b.append(" IF NOT EXISTS");
        }
        if (r.nextInt(3) == 0) {
            b.append(" USING TTL ").append(r.nextInt(100_000)).append(" AND TIMESTAMP ").append(r.nextLong());
        }
        return b.toString();
    }

    private static String update(Random r) {
        String id = identifier(r);
        String set = switch (r.nextInt(4)) {
            case 0 -> id + " = " + id + " + " + literal(r, 1);
            case 1 -> id + "[" + r.nextInt(10) + "] = " + literal(r, 0);
            case 2 -> id + " = " + id + " - {" + literal(r, 1) + "}";
            default -> id + " = " + literal(r, 0);
        };
        return "UPDATE " + table(r) + (r.nextBoolean() ? " USING TTL " + r.nextInt(1000) : "") + " SET " + set
                + " WHERE " + where(r) + (r.nextInt(4) == 0 ? " IF " + identifier(r) + " = " + literal(r, 0) : "");
    }

    private static String delete(Random r) {
        return "DELETE " + (r.nextBoolean() ? identifier(r) + "[" + literal(r, 1) + "] " : "") + "FROM "
                + table(r) + " WHERE " + where(r) + (r.nextInt(4) == 0 ? " IF EXISTS" : "");
    }

    private static String batch(Random r) {
        StringBuilder b = new StringBuilder("BEGIN ").append(r.nextBoolean() ? "UNLOGGED " : "").append("BATCH ");
        for (int i = 0; i < 1 + r.nextInt(4); i++) {
            b.append(r.nextBoolean() ? insert(r) : update(r)).append("; ");
        }
        return b.append("APPLY BATCH").toString();
    }

    private static String createTable(Random r) {
        StringBuilder b = new StringBuilder("CREATE TABLE ").append(r.nextBoolean() ? "IF NOT EXISTS " : "")
                .append(table(r)).append(" (");
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(5); i++) {
            String c = identifier(r);
            cols.add(c);
            b.append(c).append(' ').append(type(r, 0)).append(r.nextInt(8) == 0 ? " static" : "").append(", ");
        }
        b.append("PRIMARY KEY ((").append(cols.get(0)).append(")");
        if (cols.size() > 1) {
            b.append(", ").append(cols.get(1));
        }
        b.append("))");
        if (r.nextBoolean()) {
            b.append(" WITH CLUSTERING ORDER BY (").append(cols.get(cols.size() - 1)).append(" DESC)")
                    .append(" AND comment = ").append(string(r)).append(" AND compaction = {'class': ")
                    .append(string(r)).append("}");
        }
        return b.toString();
    }

    private static String createKeyspace(Random r) {
        return "CREATE KEYSPACE " + (r.nextBoolean() ? "IF NOT EXISTS " : "") + identifier(r)
                + " WITH replication = {'class': " + (r.nextBoolean() ? "'SimpleStrategy', 'replication_factor': "
                + r.nextInt(5) : "'NetworkTopologyStrategy', " + string(r) + ": " + r.nextInt(5))
                + "} AND durable_writes = " + r.nextBoolean();
    }

    private static String createType(Random r) {
        StringBuilder b = new StringBuilder("CREATE TYPE ").append(identifier(r)).append(" (");
        for (int i = 0; i < 1 + r.nextInt(4); i++) {
            b.append(i > 0 ? ", " : "").append(identifier(r)).append(' ').append(type(r, 0));
        }
        return b.append(")").toString();
    }

    /** A type; nested up to a few levels. */
    static String type(Random r, int depth) {
        if (depth > 3 || r.nextInt(3) != 0) {
            return r.nextInt(15) == 0 ? "\"" + identifier(r) + "\"" : pick(r, NATIVE_TYPES);
        }
        return switch (r.nextInt(6)) {
            case 0 -> "list<" + type(r, depth + 1) + ">";
            case 1 -> "set<" + type(r, depth + 1) + ">";
            case 2 -> "map<" + type(r, depth + 1) + ", " + type(r, depth + 1) + ">";
            case 3 -> "tuple<" + type(r, depth + 1) + ", " + type(r, depth + 1) + ">";
            case 4 -> "vector<float, " + (r.nextInt(3) == 0 ? r.nextInt() : 1 + r.nextInt(16)) + ">";
            default -> "frozen<" + type(r, depth + 1) + ">";
        };
    }

    private static String literal(Random r, int depth) {
        if (depth > 2) {
            return String.valueOf(r.nextInt());
        }
        return switch (r.nextInt(14)) {
            case 0 -> String.valueOf(r.nextLong());
            case 1 -> String.valueOf(r.nextDouble() * 1e6);
            case 2, 3 -> string(r);
            case 4 -> "$$" + words(r) + "$$";
            case 5 -> "0x" + java.util.HexFormat.of().formatHex(bytes(r));
            case 6 -> new java.util.UUID(r.nextLong(), r.nextLong()).toString();
            case 7 -> r.nextBoolean() ? "true" : "false";
            case 8 -> "null";
            case 9 -> "[" + literal(r, depth + 1) + ", " + literal(r, depth + 1) + "]";
            case 10 -> "{" + literal(r, depth + 1) + ": " + literal(r, depth + 1) + "}";
            case 11 -> "(" + literal(r, depth + 1) + ", " + literal(r, depth + 1) + ")";
            case 12 -> r.nextInt(100) + "h" + r.nextInt(60) + "m";
            default -> r.nextBoolean() ? "?" : ":" + identifier(r);
        };
    }

    private static String string(Random r) {
        return "'" + words(r).replace("'", "''") + "'";
    }

    private static String words(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < r.nextInt(6); i++) {
            b.append(i > 0 ? " " : "").append(r.nextInt(6) == 0 ? pick(r, HOSTILE) : identifier(r));
        }
        return b.toString();
    }

    private static byte[] bytes(Random r) {
        byte[] b = new byte[r.nextInt(16)];
        r.nextBytes(b);
        return b;
    }

    private static String table(Random r) {
        return r.nextBoolean() ? identifier(r) + "." + identifier(r) : identifier(r);
    }

    /** An identifier: plain, quoted with an escaped quote, or non-ASCII. */
    static String identifier(Random r) {
        int kind = r.nextInt(12);
        if (kind == 0) {
            return "\"Quoted \"\"" + r.nextInt(100) + "\"\"\"";
        }
        if (kind == 1) {
            return "\"ñame_" + r.nextInt(100) + "\"";
        }
        StringBuilder b = new StringBuilder();
        b.append((char) ('a' + r.nextInt(26)));
        for (int i = 0; i < r.nextInt(10); i++) {
            int c = r.nextInt(37);
            b.append(c < 26 ? (char) ('a' + c) : c < 36 ? (char) ('0' + c - 26) : '_');
        }
        return b.toString();
    }

    private static String pick(Random r, String[] from) {
        return from[r.nextInt(from.length)];
    }
}
