package org.ringlet.cql.testing;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.ringlet.api.error.ErrorCode;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.SetType;
import org.ringlet.api.types.TupleType;
import org.ringlet.api.types.UserType;

/**
 * Prints results as the peer harness ({@code seed_check.py}, {@code cqldiff.py}) prints what the Python driver
 * receives, so that results of the query layer can be compared with real Cassandra's recorded output.
 */
public final class DriverFormat {
    private DriverFormat() {
    }

    /** The lines printed for a statement's response. */
    public static List<String> response(Response response) {
        List<String> out = new ArrayList<>();
        if (!(response.result() instanceof Result.Rows rows)) {
            out.add("OK");
            return out;
        }
        List<String> cols = new ArrayList<>();
        for (ColumnSpec c : rows.columns()) {
            cols.add(c.name() + " " + typeName(c.type()));
        }
        out.add("columns: " + String.join(", ", cols));
        for (List<ByteBuffer> row : rows.rows()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                ByteBuffer v = row.get(i);
                CqlType type = rows.columns().get(i).type();
                values.add(v == null ? "null" : value(type, type.compose(v)));
            }
            out.add("row: " + String.join(" | ", values));
        }
        out.add("(" + rows.rows().size() + " rows)");
        return out;
    }

    /** The line printed for an error. */
    public static String error(RingletException e) {
        return "ERROR " + driverClass(e.code()) + " code=0x" + String.format("%04x", e.code().code())
                + " message=\"" + e.getMessage().replace("\n", "\\n") + "\"";
    }

    private static String driverClass(ErrorCode code) {
        return switch (code) {
            case SYNTAX_ERROR -> "SyntaxException";
            case INVALID -> "InvalidRequest";
            case CONFIG_ERROR -> "ConfigurationException";
            case ALREADY_EXISTS -> "AlreadyExists";
            case UNAUTHORIZED -> "Unauthorized";
            case UNAVAILABLE -> "Unavailable";
            case WRITE_TIMEOUT -> "WriteTimeout";
            case READ_TIMEOUT -> "ReadTimeout";
            case PROTOCOL_ERROR -> "ProtocolException";
            case FUNCTION_FAILURE -> "FunctionFailure";
            default -> code.name();
        };
    }

    /** The type name the Python driver prints (text is varchar, nothing is frozen). */
    public static String typeName(CqlType type) {
        CqlType t = type.unwrap();
        if (t instanceof NativeType n) {
            return n == NativeType.TEXT ? "varchar" : n.cqlName();
        }
        if (t instanceof ListType l) {
            return "list<" + typeName(l.elementType()) + ">";
        }
        if (t instanceof SetType s) {
            return "set<" + typeName(s.elementType()) + ">";
        }
        if (t instanceof MapType m) {
            return "map<" + typeName(m.keyType()) + ", " + typeName(m.valueType()) + ">";
        }
        if (t instanceof UserType u) {
            return "frozen<" + u.name() + ">";
        }
        if (t instanceof TupleType tuple) {
            List<String> parts = new ArrayList<>();
            tuple.types().forEach(e -> parts.add(typeName(e)));
            return "frozen<tuple<" + String.join(", ", parts) + ">>";
        }
        return t.cqlName();
    }

    /**
     * A value of a type as the harness prints it: as {@link #value(Object)}, with user type values as
     * {@code {field: value, ...}} and tuples as {@code (a, b)}, as the Python driver shows them.
     */
    public static String value(CqlType type, Object v) {
        if (v == null) {
            return "null";
        }
        CqlType t = type.unwrap();
        if (t instanceof UserType u && v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < u.fieldNames().size(); i++) {
                parts.add(u.fieldNames().get(i) + ": " + value(u.fieldTypes().get(i), i < l.size() ? l.get(i) : null));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        if (t instanceof TupleType tuple && v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < tuple.size(); i++) {
                parts.add(value(tuple.types().get(i), i < l.size() ? l.get(i) : null));
            }
            return "(" + String.join(", ", parts) + ")";
        }
        if (t instanceof ListType lt && v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(x -> parts.add(value(lt.elementType(), x)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (t instanceof SetType st && v instanceof Set<?> set) {
            List<String> parts = new ArrayList<>();
            set.forEach(x -> parts.add(value(st.elementType(), x)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (t instanceof MapType mt && v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(value(mt.keyType(), k) + ": " + value(mt.valueType(), x)));
            return "{" + String.join(", ", parts) + "}";
        }
        return value(v);
    }

    /** A value as the harness prints it (CQL-literal-like). */
    public static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return "'" + s.replace("'", "''").replace("\n", "\\n").replace("\r", "\\r") + "'";
        }
        if (v instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (v instanceof Double d) {
            return pythonFloat(d);
        }
        if (v instanceof Float f) {
            return pythonFloat(f.doubleValue());
        }
        if (v instanceof BigDecimal d) {
            return d.toString();
        }
        if (v instanceof ByteBuffer b) {
            StringBuilder sb = new StringBuilder("0x");
            for (int i = b.position(); i < b.limit(); i++) {
                sb.append(String.format("%02x", b.get(i)));
            }
            return sb.toString();
        }
        if (v instanceof UUID || v instanceof Number) {
            return v.toString();
        }
        if (v instanceof InetAddress a) {
            return a.getHostAddress();
        }
        if (v instanceof java.time.Instant i) {
            // the harness prints datetime.isoformat(timespec="milliseconds") + "Z": always three digits
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                    .withZone(java.time.ZoneOffset.UTC).format(i);
        }
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(value(k) + ": " + value(x)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof Set<?> s) {
            List<String> parts = new ArrayList<>();
            s.forEach(x -> parts.add(value(x)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(x -> parts.add(value(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        return v.toString();
    }

    private static String pythonFloat(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e16) {
            return String.valueOf((long) d) + ".0";
        }
        return Double.toString(d);
    }
}
