package org.ringlet.cql.functions;

import java.util.List;

import org.ringlet.api.types.NativeType;

/** {@code abs}, {@code exp}, {@code log}, {@code log10} and {@code round} for every numeric type. */
final class MathFunctions {
    private MathFunctions() {
    }

    static void addTo(FunctionRegistry r) {
        for (NativeType type : Numbers.TYPES) {
            NativeType source = type == NativeType.COUNTER ? NativeType.BIGINT : type;
            r.add(NativeScalarFunction.of("abs", type, List.of(type), args -> Numbers.decompose(type,
                    Numbers.abs(type, Numbers.compose(source, args.get(0))))));
            for (String fn : List.of("exp", "log", "log10")) {
                r.add(NativeScalarFunction.of(fn, type, List.of(type), args -> Numbers.decompose(type,
                        Numbers.math(type, fn, Numbers.compose(source, args.get(0))))));
            }
            r.add(NativeScalarFunction.of("round", type, List.of(type), args -> Numbers.decompose(type,
                    Numbers.round(type, Numbers.compose(source, args.get(0))))));
        }
    }
}
