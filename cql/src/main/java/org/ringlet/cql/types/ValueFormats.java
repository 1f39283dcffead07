package org.ringlet.cql.types;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ringlet.api.types.CollectionCodec;
import org.ringlet.api.types.CqlDuration;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.SetType;
import org.ringlet.api.types.TupleType;
import org.ringlet.api.types.UserType;
import org.ringlet.api.types.VectorType;

/**
 * Values written as text the way Cassandra writes them: as {@code CAST(x AS text)} does, and as JSON
 * ({@code SELECT JSON}, {@code toJson()}).
 */
public final class ValueFormats {
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter JSON_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final long NANOS_PER_MICRO = 1000L;
    private static final long NANOS_PER_MILLI = 1000 * NANOS_PER_MICRO;
    private static final long NANOS_PER_SECOND = 1000 * NANOS_PER_MILLI;
    private static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
    private static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;

    private ValueFormats() {
    }

    /** A native value as {@code CAST(x AS text)} writes it. */
    public static String text(NativeType type, ByteBuffer value) {
        Object v = type.compose(value);
        return switch (type.kind()) {
            case TIMESTAMP -> ISO_MILLIS.format((Instant) v);
            case TIME -> time((Long) v);
            case INET -> ((InetAddress) v).getHostAddress();
            case BLOB -> hex(value);
            case DURATION -> duration((CqlDuration) v);
            case DATE -> ((LocalDate) v).toString();
            case DECIMAL -> ((BigDecimal) v).toString();
            default -> String.valueOf(v);
        };
    }

    /** A time of day as {@code HH:mm:ss.nnnnnnnnn}. */
    public static String time(long nanosOfDay) {
        long h = nanosOfDay / NANOS_PER_HOUR;
        long m = nanosOfDay % NANOS_PER_HOUR / NANOS_PER_MINUTE;
        long s = nanosOfDay % NANOS_PER_MINUTE / NANOS_PER_SECOND;
        long n = nanosOfDay % NANOS_PER_SECOND;
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%09d", h, m, s, n);
    }

    /** A blob as {@code 0x...}. */
    public static String hex(ByteBuffer value) {
        StringBuilder sb = new StringBuilder(2 + value.remaining() * 2).append("0x");
        for (int i = value.position(); i < value.limit(); i++) {
            sb.append(Character.forDigit((value.get(i) >> 4) & 0xF, 16)).append(Character.forDigit(value.get(i) & 0xF,
                    16));
        }
        return sb.toString();
    }

    /** A duration as Cassandra prints it, e.g. {@code 1y2mo25d5h6m7s8ms9us10ns}. */
    public static String duration(CqlDuration d) {
        StringBuilder sb = new StringBuilder();
        if (d.months() < 0 || d.days() < 0 || d.nanoseconds() < 0) {
            sb.append('-');
        }
        long months = Math.abs((long) d.months());
        append(sb, append(sb, months, 12, "y"), 1, "mo");
        append(sb, Math.abs((long) d.days()), 1, "d");
        if (d.nanoseconds() != 0) {
            long r = append(sb, Math.abs(d.nanoseconds()), NANOS_PER_HOUR, "h");
            r = append(sb, r, NANOS_PER_MINUTE, "m");
            r = append(sb, r, NANOS_PER_SECOND, "s");
            r = append(sb, r, NANOS_PER_MILLI, "ms");
            r = append(sb, r, NANOS_PER_MICRO, "us");
            append(sb, r, 1, "ns");
        }
        return sb.toString();
    }

    private static long append(StringBuilder sb, long dividend, long divisor, String unit) {
        if (dividend == 0 || dividend < divisor) {
            return dividend;
        }
        sb.append(dividend / divisor).append(unit);
        return dividend % divisor;
    }

    /** A value as JSON, as Cassandra's {@code toJson()} writes it. */
    public static String json(CqlType type, ByteBuffer value) {
        StringBuilder sb = new StringBuilder();
        appendJson(sb, type.unwrap(), value);
        return sb.toString();
    }

    /** Appends a value (null for JSON null) as JSON. */
    public static void appendJson(StringBuilder sb, CqlType type, ByteBuffer value) {
        if (value == null) {
            sb.append("null");
            return;
        }
        CqlType t = type.unwrap();
        if (t instanceof NativeType n) {
            appendNative(sb, n, value);
        } else if (t instanceof ListType || t instanceof SetType) {
            CqlType element = t.subTypes().get(0);
            sb.append('[');
            List<ByteBuffer> elements = CollectionCodec.unpackCollection(value, 1, t instanceof SetType ? "set"
                    : "list");
            for (int i = 0; i < elements.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                appendJson(sb, element, elements.get(i));
            }
            sb.append(']');
        } else if (t instanceof MapType m) {
            List<ByteBuffer> flat = CollectionCodec.unpackCollection(value, 2, "map");
            sb.append('{');
            for (int i = 0; i + 1 < flat.size(); i += 2) {
                if (i > 0) {
                    sb.append(", ");
                }
                String key = json(m.keyType(), flat.get(i));
                if (!key.startsWith("\"")) {
                    key = "\"" + key + "\"";
                }
                sb.append(key).append(": ");
                appendJson(sb, m.valueType(), flat.get(i + 1));
            }
            sb.append('}');
        } else if (t instanceof TupleType tt) {
            List<ByteBuffer> fields = CollectionCodec.unpackFields(value, tt.size(), "tuple");
            sb.append('[');
            for (int i = 0; i < tt.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                appendJson(sb, tt.types().get(i), i < fields.size() ? fields.get(i) : null);
            }
            sb.append(']');
        } else if (t instanceof UserType u) {
            List<ByteBuffer> fields = CollectionCodec.unpackFields(value, u.fieldNames().size(), "udt");
            sb.append('{');
            for (int i = 0; i < u.fieldNames().size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append('"').append(quote(jsonName(u.fieldNames().get(i)))).append("\": ");
                appendJson(sb, u.fieldTypes().get(i), i < fields.size() ? fields.get(i) : null);
            }
            sb.append('}');
        } else if (t instanceof VectorType v) {
            sb.append('[');
            List<ByteBuffer> elements = vectorElements(v, value);
            for (int i = 0; i < elements.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                appendJson(sb, v.elementType(), elements.get(i));
            }
            sb.append(']');
        } else {
            sb.append('"').append(hex(value)).append('"');
        }
    }

    private static List<ByteBuffer> vectorElements(VectorType v, ByteBuffer value) {
        List<ByteBuffer> out = new ArrayList<>(v.dimension());
        List<?> composed = (List<?>) v.compose(value);
        for (Object o : composed) {
            out.add(v.elementType().decompose(o));
        }
        return out;
    }

    /** A column or field name as a JSON object key: quoted in CQL form when it is not all lower case. */
    public static String jsonName(String name) {
        return name.equals(name.toLowerCase(Locale.US)) ? name : "\"" + name + "\"";
    }

    private static void appendNative(StringBuilder sb, NativeType type, ByteBuffer value) {
        if (!value.hasRemaining() && type.kind() != NativeType.Kind.TEXT && type.kind() != NativeType.Kind.ASCII
                && type.kind() != NativeType.Kind.BLOB) {
            sb.append("null");
            return;
        }
        Object v = type.compose(value);
        switch (type.kind()) {
            case ASCII, TEXT -> sb.append('"').append(quote((String) v)).append('"');
            case BIGINT, COUNTER, INT, SMALLINT, TINYINT, VARINT, BOOLEAN -> sb.append(v);
            case DECIMAL -> sb.append(((BigDecimal) v).toString());
            case DOUBLE -> {
                double d = (Double) v;
                sb.append(Double.isNaN(d) || Double.isInfinite(d) ? "null" : Double.toString(d));
            }
            case FLOAT -> {
                float f = (Float) v;
                sb.append(Float.isNaN(f) || Float.isInfinite(f) ? "null" : Float.toString(f));
            }
            case TIMESTAMP -> sb.append('"').append(JSON_TIMESTAMP.format((Instant) v)).append('"');
            default -> sb.append('"').append(quote(text(type, value))).append('"');
        }
    }

    /** A string escaped for use inside JSON quotes. */
    public static String quote(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escape = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> c < 0x20 ? String.format(Locale.ROOT, "\\u%04X", (int) c) : null;
            };
            if (escape != null && sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (sb != null) {
                if (escape != null) {
                    sb.append(escape);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }
}
