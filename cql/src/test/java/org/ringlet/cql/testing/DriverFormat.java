package org.ringlet.cql.testing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
import org.ringlet.api.types.CollectionCodec;
import org.ringlet.api.types.CqlDuration;
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
                values.add(value(rows.columns().get(i).type(), v));
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
        if (t instanceof TupleType tt) {
            List<String> parts = new ArrayList<>();
            tt.types().forEach(x -> parts.add(typeName(x)));
            return "frozen<tuple<" + String.join(", ", parts) + ">>";
        }
        if (t instanceof UserType u) {
            return "frozen<" + u.name() + ">";
        }
        return t.cqlName();
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

    /**
     * A serialized value of a type as the harness prints what the Python driver decodes from it: floats as
     * Python's {@code repr}, timestamps in ISO form with milliseconds, dates and times as the driver's {@code Date}
     * and {@code Time}, durations as its {@code Duration}, inets as {@code inet_ntop} strings, tuples in
     * parentheses and UDTs as named fields.
     */
    public static String value(CqlType type, ByteBuffer v) {
        if (v == null) {
            return "null";
        }
        CqlType t = type.unwrap();
        if (t instanceof NativeType n) {
            return nativeValue(n, v);
        }
        if (t instanceof ListType l) {
            List<String> parts = new ArrayList<>();
            CollectionCodec.unpackCollection(v, 1, "list").forEach(e -> parts.add(value(l.elementType(), e)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (t instanceof SetType s) {
            List<String> parts = new ArrayList<>();
            CollectionCodec.unpackCollection(v, 1, "set").forEach(e -> parts.add(value(s.elementType(), e)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (t instanceof MapType m) {
            List<ByteBuffer> kv = CollectionCodec.unpackCollection(v, 2, "map");
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < kv.size(); i += 2) {
                parts.add(value(m.keyType(), kv.get(i)) + ": " + value(m.valueType(), kv.get(i + 1)));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        if (t instanceof TupleType tt) {
            List<ByteBuffer> fields = CollectionCodec.unpackFields(v, tt.size(), "tuple");
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < tt.size(); i++) {
                parts.add(value(tt.types().get(i), i < fields.size() ? fields.get(i) : null));
            }
            return "(" + String.join(", ", parts) + ")";
        }
        if (t instanceof UserType u) {
            List<ByteBuffer> fields = CollectionCodec.unpackFields(v, u.fieldTypes().size(), u.name());
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < u.fieldTypes().size(); i++) {
                parts.add(u.fieldNames().get(i) + ": "
                        + value(u.fieldTypes().get(i), i < fields.size() ? fields.get(i) : null));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        return value(t.compose(v));
    }

    private static String nativeValue(NativeType n, ByteBuffer v) {
        if (v.remaining() == 0 && n != NativeType.ASCII && n != NativeType.TEXT && n != NativeType.BLOB) {
            return "null";
        }
        int p = v.position();
        if (n == NativeType.TIMESTAMP) {
            return timestamp(v.getLong(p));
        } else if (n == NativeType.DATE) {
            long days = (v.getInt(p) & 0xffffffffL) - (1L << 31);
            LocalDate d = LocalDate.ofEpochDay(days);
            return d.getYear() < 1 || d.getYear() > 9999 ? Long.toString(days)
                    : String.format("%04d-%02d-%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        } else if (n == NativeType.TIME) {
            long nanos = v.getLong(p);
            long s = nanos / 1_000_000_000L;
            return String.format("%02d:%02d:%02d.%09d", s / 3600, s / 60 % 60, s % 60, nanos % 1_000_000_000L);
        } else if (n == NativeType.DURATION) {
            CqlDuration d = CqlDuration.deserialize(v);
            boolean negative = d.months() < 0 || d.days() < 0 || d.nanoseconds() < 0;
            return (negative ? "-" : "") + Math.abs((long) d.months()) + "mo" + Math.abs((long) d.days()) + "d"
                    + Math.abs(d.nanoseconds()) + "ns";
        } else if (n == NativeType.INET) {
            byte[] b = new byte[v.remaining()];
            v.duplicate().get(b);
            return "'" + inet(b) + "'";
        } else if (n == NativeType.FLOAT) {
            return pythonFloat(v.getFloat(p));
        } else if (n == NativeType.DOUBLE) {
            return pythonFloat(v.getDouble(p));
        }
        return value(n.compose(v));
    }

    /**
     * Python's {@code datetime.isoformat(timespec="milliseconds")} of what the driver decodes: it divides the
     * milliseconds by 1e3 and adds {@code timedelta(seconds=float)}, which rounds the float to microseconds (so
     * 253402300799999 ms prints .998); the milliseconds shown are then truncated.
     */
    private static String timestamp(long millis) {
        double seconds = millis / 1e3;
        double whole = seconds < 0 ? Math.ceil(seconds) : Math.floor(seconds);
        double fraction = seconds - whole;
        long micros = (long) whole * 1_000_000L;
        double scaled = fraction * 1e6;
        double scaledWhole = scaled < 0 ? Math.ceil(scaled) : Math.floor(scaled);
        micros += (long) scaledWhole;
        double leftover = scaled - scaledWhole;
        double rounded = Math.rint(leftover);
        if (Math.abs(rounded - leftover) == 0.5) {
            long odd = micros & 1;
            rounded = 2.0 * Math.rint((leftover + odd) * 0.5) - odd;
        }
        micros += (long) rounded;
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
        return String.format("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000);
    }

    /** glibc's {@code inet_ntop}: dotted IPv4; IPv6 with the longest run of zero groups compressed. */
    private static String inet(byte[] b) {
        if (b.length == 4) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
        }
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestBase = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestBase = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    sb.append(':');
                }
                continue;
            }
            if (i != 0) {
                sb.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xffff))) {
                sb.append(b[12] & 0xff).append('.').append(b[13] & 0xff).append('.').append(b[14] & 0xff)
                        .append('.').append(b[15] & 0xff);
                return sb.toString();
            }
            sb.append(Integer.toHexString(words[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            sb.append(':');
        }
        return sb.toString();
    }

    /** Python's {@code repr} of a float: the shortest digits that read back, in Python's notation. */
    static String pythonFloat(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal shortest = exact;
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal r = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) {
                shortest = r;
                break;
            }
        }
        String digits = shortest.unscaledValue().abs().toString().replaceAll("0+$", "");
        if (digits.isEmpty()) {
            digits = "0";
        }
        // value = 0.digits * 10^decpt
        int decpt = shortest.precision() - shortest.scale();
        String sign = d < 0 ? "-" : "";
        if (decpt > -4 && decpt <= 16) {
            String plain;
            if (decpt <= 0) {
                plain = "0." + "0".repeat(-decpt) + digits;
            } else if (digits.length() <= decpt) {
                plain = digits + "0".repeat(decpt - digits.length()) + ".0";
            } else {
                plain = digits.substring(0, decpt) + "." + digits.substring(decpt);
            }
            return sign + plain;
        }
        int exp = decpt - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }
}
