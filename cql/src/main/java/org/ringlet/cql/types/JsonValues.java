package org.ringlet.cql.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
     * @throws MarshalException when the JSON value is not a value of the type
     */
    public static ByteBuffer fromJson(CqlType type, Object parsed) {
        if (parsed == null) {
            return null;
        }
        CqlType t = type.unwrap();
        if (t instanceof NativeType n) {
            return nativeValue(n, parsed);
        }
        if (t instanceof ListType lt) {
            List<?> list = list(parsed, "Expected a list, but got a %s: %s");
            List<ByteBuffer> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(element(lt.elementType(), o, "list"));
            }
            return CollectionCodec.packCollection(out, out.size());
        }
        if (t instanceof SetType st) {
            List<?> list = list(parsed, "Expected a list (representing a set), but got a %s: %s");
            List<ByteBuffer> out = new ArrayList<>(list.size());
            for (Object o : list) {
                ByteBuffer e = element(st.elementType(), o, "set");
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
                ByteBuffer k = element(mt.keyType(), key, "map key");
                ByteBuffer v = element(mt.valueType(), e.getValue(), "map value");
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
            List<ByteBuffer> out = new ArrayList<>(tt.size());
            for (int i = 0; i < tt.size(); i++) {
                out.add(i < list.size() ? fromJson(tt.types().get(i), list.get(i)) : null);
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
                fields[i] = fromJson(ut.fieldTypes().get(i), e.getValue());
            }
            return CollectionCodec.packFields(java.util.Arrays.asList(fields));
        }
        if (t instanceof VectorType vt) {
            List<?> list = list(parsed, "Expected a list, but got a %s: %s");
            List<Object> values = new ArrayList<>(list.size());
            for (Object o : list) {
                values.add(vt.elementType().compose(element(vt.elementType(), o, "vector")));
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

    private static ByteBuffer element(CqlType type, Object o, String what) {
        if (o == null) {
            throw new MarshalException("Invalid null element in " + what);
        }
        return fromJson(type, o);
    }

    private static MarshalException expected(String what, Object parsed) {
        return new MarshalException(String.format("Expected %s, but got a %s: %s", what,
                parsed.getClass().getSimpleName(), parsed));
    }

    private static ByteBuffer nativeValue(NativeType type, Object parsed) {
        if (parsed instanceof String s) {
            return switch (type.kind()) {
                case BLOB -> {
                    if (!s.startsWith("0x")) {
                        throw new MarshalException(String.format("Value '%s' is not a valid blob representation: "
                                + "String representation of blob is missing 0x prefix: %s", s, s));
                    }
                    try {
                        yield Literals.hex(s.substring(2));
                    } catch (MarshalException e) {
                        throw new MarshalException(String.format("Value '%s' is not a valid blob representation: %s",
                                s, e.getMessage()));
                    }
                }
                case COUNTER -> Literals.parse(NativeType.BIGINT, s);
                default -> Literals.parse(type, s);
            };
        }
        return switch (type.kind()) {
            case ASCII -> throw expected("an ascii string", parsed);
            case TEXT -> throw expected("a UTF-8 string", parsed);
            case BOOLEAN -> {
                if (parsed instanceof Boolean b) {
                    yield NativeType.BOOLEAN.decompose(b);
                }
                throw expected("a boolean value", parsed);
            }
            case INT -> {
                if (parsed instanceof Integer i) {
                    yield NativeType.INT.decompose(i);
                }
                throw expected("an int value", parsed);
            }
            case SMALLINT -> {
                if (parsed instanceof Integer i && i == i.shortValue()) {
                    yield NativeType.SMALLINT.decompose(i.shortValue());
                }
                throw new MarshalException(String.format("Expected a short value, but got a %s: %s",
                        parsed.getClass().getSimpleName(), parsed));
            }
            case TINYINT -> {
                if (parsed instanceof Integer i && i == i.byteValue()) {
                    yield NativeType.TINYINT.decompose(i.byteValue());
                }
                throw new MarshalException(String.format("Expected a byte value, but got a %s: %s",
                        parsed.getClass().getSimpleName(), parsed));
            }
            case BIGINT, COUNTER -> {
                if (parsed instanceof Integer || parsed instanceof Long) {
                    yield NativeType.BIGINT.decompose(((Number) parsed).longValue());
                }
                throw expected("a bigint value", parsed);
            }
            case VARINT -> {
                if (parsed instanceof Integer || parsed instanceof Long || parsed instanceof BigInteger) {
                    yield NativeType.VARINT.decompose(new BigInteger(parsed.toString()));
                }
                throw expected("an integer value", parsed);
            }
            case DECIMAL -> {
                if (parsed instanceof Number) {
                    yield NativeType.DECIMAL.decompose(new BigDecimal(parsed.toString()));
                }
                throw expected("a decimal value", parsed);
            }
            case FLOAT -> {
                if (parsed instanceof Number n) {
                    yield NativeType.FLOAT.decompose(n.floatValue());
                }
                throw expected("a float value", parsed);
            }
            case DOUBLE -> {
                if (parsed instanceof Number n) {
                    yield NativeType.DOUBLE.decompose(n.doubleValue());
                }
                throw expected("a double value", parsed);
            }
            case TIMESTAMP -> {
                if (parsed instanceof Integer || parsed instanceof Long) {
                    yield NativeType.TIMESTAMP.decompose(((Number) parsed).longValue());
                }
                throw expected("a long or a datestring representation of a timestamp value", parsed);
            }
            case DATE -> throw expected("a string representation of a date value", parsed);
            case TIME -> {
                if (parsed instanceof Integer || parsed instanceof Long) {
                    yield NativeType.TIME.decompose(((Number) parsed).longValue());
                }
                throw expected("a string representation of a time value", parsed);
            }
            case UUID -> throw expected("a string representation of a uuid", parsed);
            case TIMEUUID -> throw expected("a string representation of a timeuuid", parsed);
            case INET -> throw expected("a string representation of an inet value", parsed);
            case DURATION -> throw expected("a string representation of a duration", parsed);
            case BLOB -> throw expected("a string representation of a blob", parsed);
        };
    }
}
