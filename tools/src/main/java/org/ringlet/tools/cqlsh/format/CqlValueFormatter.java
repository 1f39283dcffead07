package org.ringlet.tools.cqlsh.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.MapType;
import com.datastax.oss.driver.api.core.type.SetType;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.api.core.type.VectorType;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;

import static java.util.Objects.requireNonNull;

/**
 * Turns driver values into the text cqlsh shows for them. Top-level text is unquoted, text inside collections,
 * tuples and UDTs is quoted; blobs are {@code 0x…}; timestamps {@code 2024-01-02 03:04:05.000000+0000}; floats and
 * doubles follow {@link FloatFormat}; booleans {@code True}/{@code False} (Python's spelling, as cqlsh); sets and map
 * keys sorted as Python sorts them; {@code null} for a missing value and an empty string for an empty (zero-byte)
 * value of a type that cannot be empty.
 *
 * <p>Immutable and thread-safe.
 */
public final class CqlValueFormatter {
    private static final String HEX = "0123456789abcdef";

    private final DisplaySettings settings;
    private final DateTimeFormatter timestampFormat = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss.SSSSSSxx");

    public CqlValueFormatter(DisplaySettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    public DisplaySettings settings() {
        return settings;
    }

    /**
     * A result cell from its serialized bytes.
     *
     * @param raw the bytes as the server sent them, or null for a null value
     */
    public FormattedValue formatCell(DataType type, ByteBuffer raw, ProtocolVersion version, CodecRegistry codecs) {
        if (raw == null) {
            return nullValue();
        }
        if (!raw.hasRemaining() && !mayBeEmpty(type)) {
            return color("", Ansi.YELLOW);
        }
        Object value = codecs.codecFor(type).decode(raw.duplicate(), version);
        return format(type, value);
    }

    /** A top-level (unquoted) value; null shows as {@code null}. */
    public FormattedValue format(DataType type, Object value) {
        if (value == null) {
            return nullValue();
        }
        int precision = DataTypes.DOUBLE.equals(type) ? settings.doublePrecision() : settings.floatPrecision();
        return format(type, value, false, precision);
    }

    /** A column name in a header, in the given colour (when colours are on). */
    public FormattedValue formatName(String name, String nameColor) {
        return color(TextFormat.escape(name, false), nameColor);
    }

    private FormattedValue nullValue() {
        return color("null", Ansi.RED);
    }

    private static boolean mayBeEmpty(DataType type) {
        return DataTypes.TEXT.equals(type) || DataTypes.ASCII.equals(type) || DataTypes.BLOB.equals(type)
                || (type instanceof com.datastax.oss.driver.api.core.type.CustomType
                && !(type instanceof VectorType));
    }

    private FormattedValue format(DataType type, Object value, boolean quote, int precision) {
        if (value == null) {
            return nullValue();
        }
        if (value instanceof String s) {
            return color(TextFormat.escape(s, quote), Ansi.YELLOW);
        }
        if (value instanceof ByteBuffer b) {
            return color(blob(b), Ansi.DARK_MAGENTA);
        }
        if (value instanceof Boolean b) {
            return color(b ? "True" : "False", Ansi.GREEN);
        }
        if (value instanceof Double d) {
            return color(FloatFormat.cqlsh(d, precision), Ansi.GREEN);
        }
        if (value instanceof Float f) {
            return color(FloatFormat.cqlsh(f.doubleValue(), precision), Ansi.GREEN);
        }
        if (value instanceof BigDecimal || value instanceof BigInteger || value instanceof Long
                || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return color(value.toString(), Ansi.GREEN);
        }
        if (value instanceof UUID u) {
            return color(u.toString(), Ansi.GREEN);
        }
        if (value instanceof InetAddress a) {
            String text = inetText(a);
            return color(quote ? "'" + text + "'" : text, Ansi.GREEN);
        }
        if (value instanceof Instant i) {
            String text = timestamp(i);
            return color(quote ? "'" + text + "'" : text, Ansi.GREEN);
        }
        if (value instanceof LocalDate d) {
            return color(date(d), Ansi.GREEN);
        }
        if (value instanceof LocalTime t) {
            return color(String.format("%02d:%02d:%02d.%09d", t.getHour(), t.getMinute(), t.getSecond(),
                    t.getNano()), Ansi.GREEN);
        }
        if (value instanceof CqlDuration d) {
            return color(duration(d.getMonths(), d.getDays(), d.getNanoseconds()), Ansi.GREEN);
        }
        if (value instanceof UdtValue u) {
            return udt(u, precision);
        }
        if (value instanceof TupleValue t) {
            TupleType tt = t.getType();
            List<FormattedValue> parts = new ArrayList<>();
            for (int i = 0; i < tt.getComponentTypes().size(); i++) {
                parts.add(format(tt.getComponentTypes().get(i), t.isNull(i) ? null : t.getObject(i), true, precision));
            }
            return sequence("(", parts, ")");
        }
        if (value instanceof Map<?, ?> m) {
            return map(type, m, precision);
        }
        if (value instanceof CqlVector<?> v) {
            DataType element = type instanceof VectorType vt ? vt.getElementType() : null;
            List<FormattedValue> parts = new ArrayList<>();
            for (Object o : v) {
                parts.add(format(element, o, true, precision));
            }
            return sequence("[", parts, "]");
        }
        if (value instanceof Collection<?> c) {
            DataType element = type instanceof ListType lt ? lt.getElementType()
                    : type instanceof SetType st ? st.getElementType() : null;
            List<Object> items = new ArrayList<>(c);
            boolean set = type instanceof SetType || (type == null && value instanceof java.util.Set);
            if (set) {
                items.sort(PythonOrder.INSTANCE);
            }
            List<FormattedValue> parts = new ArrayList<>();
            for (Object o : items) {
                parts.add(format(element, o, true, precision));
            }
            return set ? sequence("{", parts, "}") : sequence("[", parts, "]");
        }
        return color(TextFormat.escape(String.valueOf(value), false), Ansi.YELLOW);
    }

    private FormattedValue map(DataType type, Map<?, ?> m, int precision) {
        DataType keyType = type instanceof MapType mt ? mt.getKeyType() : null;
        DataType valueType = type instanceof MapType mt ? mt.getValueType() : null;
        List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
        entries.sort((a, b) -> PythonOrder.INSTANCE.compare(a.getKey(), b.getKey()));
        List<FormattedValue[]> pairs = new ArrayList<>();
        for (Map.Entry<?, ?> e : entries) {
            pairs.add(new FormattedValue[] {format(keyType, e.getKey(), true, precision),
                format(valueType, e.getValue(), true, precision)});
        }
        return pairs(pairs);
    }

    private FormattedValue udt(UdtValue u, int precision) {
        UserDefinedType t = u.getType();
        List<FormattedValue[]> pairs = new ArrayList<>();
        for (int i = 0; i < t.getFieldNames().size(); i++) {
            FormattedValue name = color(TextFormat.escape(t.getFieldNames().get(i).asInternal(), false), Ansi.YELLOW);
            pairs.add(new FormattedValue[] {name, format(t.getFieldTypes().get(i), u.isNull(i) ? null : u.getObject(i), true, precision)});
        }
        return pairs(pairs);
    }

    private FormattedValue pairs(List<FormattedValue[]> pairs) {
        StringBuilder text = new StringBuilder("{");
        StringBuilder colored = new StringBuilder(collection("{"));
        int width = 2;
        for (int i = 0; i < pairs.size(); i++) {
            if (i > 0) {
                text.append(", ");
                colored.append(collection(", "));
                width += 2;
            }
            FormattedValue k = pairs.get(i)[0];
            FormattedValue v = pairs.get(i)[1];
            text.append(k.text()).append(": ").append(v.text());
            colored.append(k.colored()).append(collection(": ")).append(v.colored());
            width += k.displayWidth() + 2 + v.displayWidth();
        }
        text.append('}');
        colored.append(collection("}"));
        return new FormattedValue(text.toString(), settings.color() ? colored.toString() : text.toString(), width);
    }

    private FormattedValue sequence(String open, List<FormattedValue> parts, String close) {
        StringBuilder text = new StringBuilder(open);
        StringBuilder colored = new StringBuilder(collection(open));
        int width = open.length() + close.length();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                text.append(", ");
                colored.append(collection(", "));
                width += 2;
            }
            text.append(parts.get(i).text());
            colored.append(parts.get(i).colored());
            width += parts.get(i).displayWidth();
        }
        text.append(close);
        colored.append(collection(close));
        return new FormattedValue(text.toString(), settings.color() ? colored.toString() : text.toString(), width);
    }

    private String collection(String s) {
        return settings.color() ? Ansi.BLUE + s + Ansi.RESET : s;
    }

    private FormattedValue color(String text, String color) {
        return settings.color() ? FormattedValue.colored(text, color) : FormattedValue.plain(text);
    }

    /** {@code 0x} and the bytes in lower-case hex. */
    public static String blob(ByteBuffer b) {
        StringBuilder sb = new StringBuilder(2 + 2 * b.remaining()).append("0x");
        for (int i = b.position(); i < b.limit(); i++) {
            int v = b.get(i) & 0xff;
            sb.append(HEX.charAt(v >> 4)).append(HEX.charAt(v & 0xf));
        }
        return sb.toString();
    }

    /** A timestamp as {@code %Y-%m-%d %H:%M:%S.%f%z} in the display zone; outside years 1..9999, the milliseconds. */
    public String timestamp(Instant instant) {
        ZonedDateTime utc = instant.atZone(java.time.ZoneOffset.UTC);
        if (utc.getYear() < 1 || utc.getYear() > 9999) {
            return Long.toString(instant.toEpochMilli());
        }
        ZonedDateTime local = instant.atZone(settings.zone());
        return local.getYear() + "-" + timestampFormat.format(local);
    }

    /** A date as {@code YYYY-MM-DD}; outside years 1..9999, the number of days since 1970-01-01. */
    public static String date(LocalDate d) {
        if (d.getYear() < 1 || d.getYear() > 9999) {
            return Long.toString(ChronoUnit.DAYS.between(LocalDate.EPOCH, d));
        }
        return String.format("%04d-%02d-%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    /** A duration as cqlsh shows it: {@code 1y2mo3d4h5m6s7ms8us9ns}, units with a zero count left out. */
    public static String duration(int months, int days, long nanos) {
        StringBuilder sb = new StringBuilder();
        if (months < 0 || days < 0 || nanos < 0) {
            sb.append('-');
        }
        long m = Math.abs((long) months);
        m = append(sb, m, 12, "y");
        append(sb, m, 1, "mo");
        append(sb, Math.abs((long) days), 1, "d");
        if (nanos != 0) {
            long rest = append(sb, Math.abs(nanos), 3_600_000_000_000L, "h");
            rest = append(sb, rest, 60_000_000_000L, "m");
            rest = append(sb, rest, 1_000_000_000L, "s");
            rest = append(sb, rest, 1_000_000L, "ms");
            rest = append(sb, rest, 1_000L, "us");
            append(sb, rest, 1, "ns");
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

    /** An address as the C library's {@code inet_ntop} writes it (IPv6 compressed, lower case). */
    public static String inetText(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestBase = -1;
        int bestLen = 0;
        int curBase = -1;
        int curLen = 0;
        for (int i = 0; i < 8; i++) {
            if (words[i] == 0) {
                if (curBase < 0) {
                    curBase = i;
                    curLen = 1;
                } else {
                    curLen++;
                }
            } else if (curBase >= 0) {
                if (curLen > bestLen) {
                    bestBase = curBase;
                    bestLen = curLen;
                }
                curBase = -1;
            }
        }
        if (curBase >= 0 && curLen > bestLen) {
            bestBase = curBase;
            bestLen = curLen;
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
}
