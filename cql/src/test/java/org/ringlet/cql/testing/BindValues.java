package org.ringlet.cql.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.ringlet.api.query.BoundValues;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.types.CollectionCodec;
import org.ringlet.api.types.CqlDuration;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.SetType;
import org.ringlet.api.types.TupleType;

/**
 * The values of a scenario's {@code --! bind=[...]} directive (a Python list, as {@code conformance_check.py}
 * evaluates it), serialized for the bind markers' types as the Python driver serializes them: collections in the
 * order written, naive datetimes as UTC, {@code UNSET} as an unset value.
 */
final class BindValues {
    private static final Object UNSET = new Object();

    private final String text;
    private int pos;

    private BindValues(String text) {
        this.text = text;
    }

    /** A Python tuple. */
    private record Tuple(List<Object> values) {
    }

    /** {@code name(args)}. */
    private record Call(String name, List<Object> args) {
    }

    /** The bound values for the markers. */
    static BoundValues bind(String list, List<ColumnSpec> markers) {
        BindValues p = new BindValues(list);
        Object parsed = p.value();
        p.skipSpaces();
        if (!(parsed instanceof List<?> values) || p.pos != p.text.length()) {
            throw new IllegalArgumentException("bind values must be a list: " + list);
        }
        if (values.size() != markers.size()) {
            throw new IllegalArgumentException(values.size() + " values for " + markers.size() + " markers");
        }
        List<ByteBuffer> out = new ArrayList<>();
        BitSet unset = new BitSet();
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == UNSET) {
                unset.set(i);
                out.add(null);
            } else {
                out.add(v == null ? null : serialize(v, markers.get(i).type()));
            }
        }
        return BoundValues.of(out, unset);
    }

    private static ByteBuffer serialize(Object v, CqlType type) {
        CqlType t = type.unwrap();
        if (t instanceof ListType l) {
            return elements((List<?>) v, l.elementType());
        }
        if (t instanceof SetType s) {
            Iterable<?> items = v instanceof Map<?, ?> m ? m.keySet() : (Iterable<?>) v;
            List<Object> list = new ArrayList<>();
            items.forEach(list::add);
            return elements(list, s.elementType());
        }
        if (t instanceof MapType m) {
            List<ByteBuffer> kv = new ArrayList<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                kv.add(serialize(e.getKey(), m.keyType()));
                kv.add(serialize(e.getValue(), m.valueType()));
            }
            return CollectionCodec.packCollection(kv, kv.size() / 2);
        }
        if (t instanceof TupleType tt) {
            List<Object> values = ((Tuple) v).values();
            List<ByteBuffer> fields = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                Object x = values.get(i);
                fields.add(x == null ? null : serialize(x, tt.types().get(i)));
            }
            return CollectionCodec.packFields(fields);
        }
        return t.decompose(javaValue(v, (NativeType) t));
    }

    private static ByteBuffer elements(List<?> values, CqlType elementType) {
        List<ByteBuffer> out = new ArrayList<>();
        for (Object x : values) {
            out.add(x == null ? null : serialize(x, elementType));
        }
        return CollectionCodec.packCollection(out, out.size());
    }

    private static Object javaValue(Object v, NativeType t) {
        if (v instanceof Call c) {
            return call(c, t);
        }
        return switch (t.kind()) {
            case INT -> ((BigInteger) v).intValueExact();
            case BIGINT, COUNTER -> ((BigInteger) v).longValueExact();
            case SMALLINT -> ((BigInteger) v).shortValueExact();
            case TINYINT -> ((BigInteger) v).byteValueExact();
            case VARINT -> v;
            case FLOAT -> v instanceof BigInteger b ? b.floatValue() : ((Double) v).floatValue();
            case DOUBLE -> v instanceof BigInteger b ? b.doubleValue() : v;
            case TIME -> ((BigInteger) v).longValueExact();
            case INET -> {
                try {
                    yield InetAddress.getByName((String) v);
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException(e);
                }
            }
            default -> v;
        };
    }

    private static Object call(Call c, NativeType t) {
        List<Object> a = c.args();
        return switch (c.name()) {
            case "Decimal" -> new BigDecimal((String) a.get(0));
            case "UUID" -> UUID.fromString((String) a.get(0));
            case "blob" -> {
                String hex = (String) a.get(0);
                byte[] b = new byte[hex.length() / 2];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
                }
                yield ByteBuffer.wrap(b);
            }
            case "date" -> LocalDate.of(num(a, 0), num(a, 1), num(a, 2));
            case "datetime" -> LocalDateTime.of(num(a, 0), num(a, 1), num(a, 2), a.size() > 3 ? num(a, 3) : 0,
                    a.size() > 4 ? num(a, 4) : 0, a.size() > 5 ? num(a, 5) : 0, a.size() > 6 ? num(a, 6) * 1000 : 0)
                    .toInstant(ZoneOffset.UTC);
            case "Time" -> ((BigInteger) a.get(0)).longValueExact();
            case "Duration" -> new CqlDuration(num(a, 0), num(a, 1), ((BigInteger) a.get(2)).longValueExact());
            default -> throw new IllegalArgumentException("unknown bind function " + c.name() + " for " + t);
        };
    }

    private static int num(List<Object> args, int i) {
        return ((BigInteger) args.get(i)).intValueExact();
    }

    // ----------------------------------------------------------------------------------------------- parsing

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean eat(char c) {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!eat(c)) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos + " in " + text);
        }
    }

    private Object value() {
        skipSpaces();
        char c = text.charAt(pos);
        if (c == '[') {
            pos++;
            List<Object> out = items(']');
            return out;
        }
        if (c == '(') {
            pos++;
            return new Tuple(items(')'));
        }
        if (c == '{') {
            return braces();
        }
        if (c == '\'' || c == '"') {
            return string(c);
        }
        if (c == '-' || Character.isDigit(c)) {
            return number();
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        String name = text.substring(start, pos);
        switch (name) {
            case "None":
                return null;
            case "UNSET":
                return UNSET;
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            default:
                expect('(');
                return new Call(name, items(')'));
        }
    }

    private List<Object> items(char close) {
        List<Object> out = new ArrayList<>();
        if (eat(close)) {
            return out;
        }
        do {
            if (eat(close)) {
                return out;
            }
            out.add(value());
        } while (eat(','));
        expect(close);
        return out;
    }

    private Object braces() {
        pos++;
        if (eat('}')) {
            return new HashMap<>();
        }
        Object first = value();
        if (eat(':')) {
            Map<Object, Object> map = new LinkedHashMap<>();
            map.put(first, value());
            while (eat(',')) {
                if (eat('}')) {
                    return map;
                }
                Object k = value();
                expect(':');
                map.put(k, value());
            }
            expect('}');
            return map;
        }
        Set<Object> set = new LinkedHashSet<>();
        set.add(first);
        while (eat(',')) {
            if (eat('}')) {
                return set;
            }
            set.add(value());
        }
        expect('}');
        return set;
    }

    private String string(char quote) {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c == '\\') {
                char e = text.charAt(pos++);
                sb.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> e;
                });
            } else {
                sb.append(c);
            }
        }
        pos++;
        return sb.toString();
    }

    private Object number() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        boolean floating = false;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || "._eE+-".indexOf(text.charAt(pos)) >= 0
                && !(text.charAt(pos) == '-' && !"eE".contains(String.valueOf(text.charAt(pos - 1)))))) {
            floating |= text.charAt(pos) == '.' || text.charAt(pos) == 'e' || text.charAt(pos) == 'E';
            pos++;
        }
        String n = text.substring(start, pos).replace("_", "");
        return floating ? (Object) Double.parseDouble(n) : new BigInteger(n);
    }
}
