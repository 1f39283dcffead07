package org.ringlet.cql.functions;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.ringlet.api.types.NativeType;
import org.ringlet.cql.types.ValueFormats;

/**
 * The functions behind {@code CAST(x AS type)}, named {@code system.cast_as_<type>}: between numeric types, from
 * most types to text and ascii, and between the temporal types.
 */
final class CastFunctions {
    private static final List<NativeType> NUMERIC_OUTPUTS = List.of(NativeType.TINYINT, NativeType.SMALLINT,
            NativeType.INT, NativeType.BIGINT, NativeType.FLOAT, NativeType.DOUBLE, NativeType.DECIMAL,
            NativeType.VARINT);

    private CastFunctions() {
    }

    /** The name of the function casting to a type. */
    static String functionName(NativeType target) {
        return "cast_as_" + target.cqlName().toLowerCase(Locale.ROOT);
    }

    static void addTo(FunctionRegistry r) {
        for (NativeType in : List.of(NativeType.TINYINT, NativeType.SMALLINT, NativeType.INT, NativeType.BIGINT,
                NativeType.FLOAT, NativeType.DOUBLE, NativeType.DECIMAL, NativeType.COUNTER, NativeType.VARINT)) {
            for (NativeType out : NUMERIC_OUTPUTS) {
                if (in != out) {
                    r.add(numeric(in, out));
                }
            }
            r.add(toText(in, NativeType.ASCII));
            r.add(toText(in, NativeType.TEXT));
        }
        r.add(cast(NativeType.ASCII, NativeType.TEXT, v -> v));
        for (NativeType in : List.of(NativeType.INET, NativeType.BOOLEAN)) {
            r.add(toText(in, NativeType.ASCII));
            r.add(toText(in, NativeType.TEXT));
        }
        r.add(wrap(TimeFunctions.toDate(NativeType.TIMEUUID), NativeType.DATE));
        r.add(wrap(TimeFunctions.toTimestamp(NativeType.TIMEUUID), NativeType.TIMESTAMP));
        r.add(toText(NativeType.TIMEUUID, NativeType.ASCII));
        r.add(toText(NativeType.TIMEUUID, NativeType.TEXT));
        r.add(wrap(TimeFunctions.toDate(NativeType.TIMESTAMP), NativeType.DATE));
        r.add(toText(NativeType.TIMESTAMP, NativeType.ASCII));
        r.add(toText(NativeType.TIMESTAMP, NativeType.TEXT));
        r.add(wrap(TimeFunctions.toTimestamp(NativeType.DATE), NativeType.TIMESTAMP));
        r.add(toText(NativeType.DATE, NativeType.ASCII));
        r.add(toText(NativeType.DATE, NativeType.TEXT));
        r.add(toText(NativeType.TIME, NativeType.ASCII));
        r.add(toText(NativeType.TIME, NativeType.TEXT));
        r.add(toText(NativeType.UUID, NativeType.ASCII));
        r.add(toText(NativeType.UUID, NativeType.TEXT));
    }

    private static Function<List<String>, String> columnName(NativeType out) {
        return args -> "cast(" + args.get(0) + " as " + out.cqlName().toLowerCase(Locale.ROOT) + ")";
    }

    private static NativeScalarFunction cast(NativeType in, NativeType out, Function<Object, Object> convert) {
        return NativeScalarFunction.of(functionName(out), out, List.of(in), args -> {
            if (!args.get(0).hasRemaining()) {
                return null;
            }
            Object v = in == NativeType.COUNTER ? NativeType.BIGINT.compose(args.get(0)) : in.compose(args.get(0));
            return out.decompose(convert.apply(v));
        }).namedAs(columnName(out));
    }

    private static NativeScalarFunction numeric(NativeType in, NativeType out) {
        return NativeScalarFunction.of(functionName(out), out, List.of(in), args -> {
            if (!args.get(0).hasRemaining()) {
                return null;
            }
            Number n = (Number) (in == NativeType.COUNTER ? NativeType.BIGINT.compose(args.get(0))
                    : in.compose(args.get(0)));
            Number converted = switch (out.kind()) {
                case TINYINT -> n.byteValue();
                case SMALLINT -> n.shortValue();
                case INT -> n.intValue();
                case BIGINT -> n.longValue();
                case FLOAT -> n.floatValue();
                case DOUBLE -> n.doubleValue();
                case DECIMAL -> toDecimal(in, n);
                default -> java.math.BigInteger.valueOf(n.longValue());
            };
            return out.decompose(converted);
        }).namedAs(columnName(out));
    }

    private static BigDecimal toDecimal(NativeType in, Number n) {
        return switch (in.kind()) {
            case FLOAT -> new BigDecimal(Float.toString(n.floatValue()));
            case DOUBLE -> BigDecimal.valueOf(n.doubleValue());
            case VARINT -> new BigDecimal((java.math.BigInteger) n);
            default -> BigDecimal.valueOf(n.longValue());
        };
    }

    private static NativeScalarFunction toText(NativeType in, NativeType out) {
        return NativeScalarFunction.of(functionName(out), out, List.of(in), args -> {
            if (!args.get(0).hasRemaining() && in != NativeType.ASCII && in != NativeType.TEXT) {
                return null;
            }
            NativeType source = in == NativeType.COUNTER ? NativeType.BIGINT : in;
            return out.decompose(ValueFormats.text(source, args.get(0)));
        }).namedAs(columnName(out));
    }

    private static NativeScalarFunction wrap(NativeScalarFunction delegate, NativeType out) {
        return NativeScalarFunction.of(functionName(out), out, delegate.argumentTypes(), delegate::execute)
                .namedAs(columnName(out));
    }
}
