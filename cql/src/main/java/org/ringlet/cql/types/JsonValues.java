package org.ringlet.cql.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import org.ringlet.api.types.CollectionCodec;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.MarshalException;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.SetType;
import org.ringlet.api.types.TupleType;
import org.ringlet.api.types.UserType;
import org.ringlet.api.types.VectorType;

/**
 * Values of CQL types from parsed JSON ({@link JsonParser}), as Cassandra's {@code fromJson()} and
 * {@code INSERT JSON} read them, with its messages.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /**
     * The serialized value of a parsed JSON value, or null for JSON null.
     *
     * @param now the current time in milliseconds (a timestamp may be written {@code "now"})
     * @throws MarshalException when the JSON value is not a value of the type
     */
    public static ByteBuffer fromJson(CqlType type, Object parsed, LongSupplier now) {
        if (parsed == null) {
            return null;
        }
        CqlType t = type.unwrap();
        if (t instanceof NativeType n) {
            return nativeValue(n, parsed, now);
        }
        if (parsed instanceof String s) {
            // collections, tuples and user types also accept their JSON written as a string
            try {
                parsed = JsonParser.parse(s);
            } catch (IllegalArgumentException e) {
                throw new MarshalException("Error decoding JSON string: " + e.getMessage());
            }
            if (parsed == null) {
                return null;
            }
        }
        if (t instanceof ListType lt) {
            List<?> list = list(parsed, "Expected a list, but got a %s: %s");
            List<ByteBuffer> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(element(lt.elementType(), o, "list", now));
            }
            return CollectionCodec.packCollection(out, out.size());
        }
        if (t instanceof SetType st) {
            List<?> list = list(parsed, "Expected a list (representing a set), but got a %s: %s");
            List<ByteBuffer> out = new ArrayList<>(list.size());
            for (Object o : list) {
                ByteBuffer e = element(st.elementType(), o, "set", now);
                if (out.stream().noneMatch(x -> st.elementType().compare(x, e) == 0)) {
                    out.add(e);
                }
            }
            out.sort(st.elementType());
            return CollectionCodec.packCollection(out, out.size());
        }
        if (t instanceof MapType mt) {
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new MarshalException(String.format("Expected a map, but got a %s: %s",
                        parsed.getClass().getSimpleName(), parsed));
            }
            List<ByteBuffer[]> entries = new ArrayList<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object key = e.getKey();
                CqlType kt = mt.keyType().unwrap();
                if (!(kt == NativeType.TEXT || kt == NativeType.ASCII) && key instanceof String s) {
                    try {
                        key = JsonParser.parse(s);
                    } catch (IllegalArgumentException ex) {
                        key = s;
                    }
                }
                ByteBuffer k = element(mt.keyType(), key, "map key", now);
                ByteBuffer v = element(mt.valueType(), e.getValue(), "map value", now);
                entries.removeIf(x -> mt.keyType().compare(x[0], k) == 0);
                entries.add(new ByteBuffer[] {k, v});
            }
            entries.sort((a, b) -> mt.keyType().compare(a[0], b[0]));
            List<ByteBuffer> flat = new ArrayList<>(entries.size() * 2);
            for (ByteBuffer[] e : entries) {
                flat.add(e[0]);
                flat.add(e[1]);
            }
            return CollectionCodec.packCollection(flat, entries.size());
        }
        if (t instanceof TupleType tt) {
            List<?> list = list(parsed, "Expected a list representation of a tuple, but got a %s: %s");
            if (list.size() > tt.size()) {
                throw new MarshalException(String.format("Tuple contains extra items (expected %s): %s", tt.size(),
                        parsed));
            }
            if (list.size() < tt.size()) {
                throw new MarshalException(String.format("Tuple is missing items (expected %s): %s", tt.size(),
                        parsed));
            }
            List<ByteBuffer> out = new ArrayList<>(tt.size());
            for (int i = 0; i < tt.size(); i++) {
                out.add(i < list.size() ? fromJson(tt.types().get(i), list.get(i), now) : null);
            }
            return CollectionCodec.packFields(out);
        }
        if (t instanceof UserType ut) {
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new MarshalException(String.format("Expected a map, but got a %s: %s",
                        parsed.getClass().getSimpleName(), parsed));
            }
            ByteBuffer[] fields = new ByteBuffer[ut.fieldNames().size()];
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String name = fieldName(String.valueOf(e.getKey()));
                int i = ut.fieldIndex(name);
                if (i < 0) {
                    throw new MarshalException(String.format("Unknown field '%s' in value of user defined type %s",
                            name, ut.name()));
                }
                fields[i] = fromJson(ut.fieldTypes().get(i), e.getValue(), now);
            }
            return CollectionCodec.packFields(java.util.Arrays.asList(fields));
        }
        if (t instanceof VectorType vt) {
            List<?> list = list(parsed, "Expected a list, but got a %s: %s");
            List<Object> values = new ArrayList<>(list.size());
            for (Object o : list) {
                values.add(vt.elementType().compose(element(vt.elementType(), o, "vector", now)));
            }
            return vt.decompose(values);
        }
        throw new MarshalException("Unsupported type for JSON: " + type.cqlName());
    }

    /** A column or field name as JSON keys write it: quoted names keep their case, others are lower-cased. */
    public static String fieldName(String key) {
        if (key.length() > 1 && key.startsWith("\"") && key.endsWith("\"")) {
            return key.substring(1, key.length() - 1).replace("\"\"", "\"");
        }
        return key.toLowerCase(Locale.US);
    }

    private static List<?> list(Object parsed, String message) {
        if (!(parsed instanceof List<?> list)) {
            throw new MarshalException(String.format(message, parsed.getClass().getSimpleName(), parsed));
        }
        return list;
    }

    private static ByteBuffer element(CqlType type, Object o, String what, LongSupplier now) {
        if (o == null) {
            throw new MarshalException("Invalid null element in " + what);
        }
        return fromJson(type, o, now);
    }

    private static MarshalException expected(String what, Object parsed) {
        return new MarshalException(String.format("Expected %s, but got a %s: %s", what,
                parsed.getClass().getSimpleName(), parsed));
    }

    private static MarshalException notValid(String what, Object parsed) {
        return new MarshalException("Value '" + parsed + "' is not a valid representation of a " + what + " value");
    }

    private static ByteBuffer nativeValue(NativeType type, Object parsed, LongSupplier now) {
        String name = parsed.getClass().getSimpleName();
        switch (type.kind()) {
            case ASCII, TEXT -> {
                if (parsed instanceof String s) {
                    return Literals.parse(type, s, now);
                }
                throw expected(type == NativeType.ASCII ? "an ascii string" : "a UTF-8 string", parsed);
            }
            case BLOB -> {
                if (!(parsed instanceof String s)) {
                    String cls = parsed.getClass().getName();
                    throw new MarshalException("Value '" + parsed + "' is not a valid blob representation: class "
                            + cls + " cannot be cast to class java.lang.String (" + cls + " and java.lang.String are "
                            + "in module java.base of loader 'bootstrap')");
                }
                if (!s.startsWith("0x")) {
                    throw new MarshalException("Value '" + s + "' is not a valid blob representation: String "
                            + "representation of blob is missing 0x prefix: " + s);
                }
                try {
                    return Literals.hex(s.substring(2));
                } catch (MarshalException e) {
                    throw new MarshalException("Value '" + s + "' is not a valid blob representation: "
                            + e.getMessage());
                }
            }
            case BOOLEAN -> {
                if (parsed instanceof Boolean b) {
                    return NativeType.BOOLEAN.decompose(b);
                }
                if (parsed instanceof String s) {
                    return Literals.parse(type, s, now);
                }
                throw expected("a boolean value", parsed);
            }
            case INT -> {
                if (parsed instanceof String s) {
                    return Literals.parse(type, s, now);
                }
                if (parsed instanceof Integer i) {
                    return NativeType.INT.decompose(i);
                }
                throw expected("an int value", parsed);
            }
            case SMALLINT, TINYINT -> {
                if (parsed instanceof String || parsed instanceof Number) {
                    return Literals.parse(type, parsed.toString(), now);
                }
                throw expected(type == NativeType.SMALLINT ? "a short value" : "a byte value", parsed);
            }
            case BIGINT, COUNTER -> {
                if (parsed instanceof String s) {
                    return Literals.parse(NativeType.BIGINT, s, now);
                }
                if (parsed instanceof Integer || parsed instanceof Long) {
                    return NativeType.BIGINT.decompose(((Number) parsed).longValue());
                }
                throw expected("a bigint value", parsed);
            }
            case VARINT -> {
                try {
                    return NativeType.VARINT.decompose(new BigInteger(parsed.toString()));
                } catch (NumberFormatException e) {
                    throw notValid("varint", parsed);
                }
            }
            case DECIMAL -> {
                try {
                    return NativeType.DECIMAL.decompose(new BigDecimal(parsed.toString()));
                } catch (NumberFormatException e) {
                    throw notValid("decimal", parsed);
                }
            }
            case FLOAT, DOUBLE -> {
                if (parsed instanceof String s) {
                    return Literals.parse(type, s, now);
                }
                if (parsed instanceof Number n) {
                    return type == NativeType.FLOAT ? NativeType.FLOAT.decompose(n.floatValue())
                            : NativeType.DOUBLE.decompose(n.doubleValue());
                }
                throw expected(type == NativeType.FLOAT ? "a float value" : "a double value", parsed);
            }
            case TIMESTAMP -> {
                if (parsed instanceof String s) {
                    return Literals.parse(type, s, now);
                }
                if (parsed instanceof Long l) {
                    return NativeType.TIMESTAMP.decompose(l);
                }
                throw expected("a long or a datestring representation of a timestamp value", parsed);
            }
            case TIMEUUID -> {
                if (parsed instanceof String s) {
                    try {
                        return Literals.parse(type, s, now);
                    } catch (MarshalException e) {
                        throw new MarshalException("Unknown timeuuid representation: " + s);
                    }
                }
                throw expected("a string representation of a timeuuid", parsed);
            }
            case DURATION -> {
                if (parsed instanceof String s) {
                    try {
                        return Literals.parse(type, s, now);
                    } catch (MarshalException e) {
                        // Cassandra reports this one without naming the column
                        throw new org.ringlet.api.error.InvalidRequestException(e.getMessage());
                    }
                }
                throw expected("a string representation of a duration", parsed);
            }
            default -> {
                if (parsed instanceof String s) {
                    return Literals.parse(type, s, now);
                }
                String what = switch (type.kind()) {
                    case UUID -> "a string representation of a uuid";
                    case INET -> "a string representation of an inet value";
                    case DATE -> "a string representation of a date value";
                    default -> "a string representation of a time value";
                };
                throw new MarshalException(String.format("Expected %s, but got a %s: %s", what, name, parsed));
            }
        }
    }
}
