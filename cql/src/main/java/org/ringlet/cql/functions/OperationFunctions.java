package org.ringlet.cql.functions;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.ringlet.api.error.FunctionFailureException;
import org.ringlet.api.types.CqlDuration;
import org.ringlet.api.types.NativeType;

/**
 * The arithmetic operators as functions, as Cassandra declares them: {@code _add}, {@code _substract},
 * {@code _multiply}, {@code _divide}, {@code _modulo} between every two numeric types, {@code _negate}, timestamp
 * and date plus or minus a duration, and text concatenation.
 */
final class OperationFunctions {
    static final String NEGATE = "_negate";

    private OperationFunctions() {
    }

    /** The function name of an operator. */
    static String functionName(char operator) {
        return switch (operator) {
            case '+' -> "_add";
            case '-' -> "_substract";
            case '*' -> "_multiply";
            case '/' -> "_divide";
            default -> "_modulo";
        };
    }

    /** The operator of an operation function's name, or 0 when the name is not an operation. */
    static char operator(String name) {
        return switch (name) {
            case "_add" -> '+';
            case "_substract" -> '-';
            case "_multiply" -> '*';
            case "_divide" -> '/';
            case "_modulo" -> '%';
            default -> 0;
        };
    }

    static void addTo(FunctionRegistry r) {
        for (NativeType left : Numbers.TYPES) {
            for (NativeType right : Numbers.TYPES) {
                NativeType result = Numbers.resultType(left, right);
                for (Numbers.Op op : Numbers.Op.values()) {
                    r.add(operation(functionName(op.symbol), op.symbol, result, left, right, args -> {
                        Number l = Numbers.compose(left == NativeType.COUNTER ? NativeType.BIGINT : left,
                                args.get(0));
                        Number rr = Numbers.compose(right == NativeType.COUNTER ? NativeType.BIGINT : right,
                                args.get(1));
                        return Numbers.decompose(result, Numbers.apply(result, op, l, rr));
                    }));
                }
            }
            NativeType type = left;
            r.add(NativeScalarFunction.of(NEGATE, type, List.of(type), args -> Numbers.decompose(type,
                    Numbers.negate(type, Numbers.compose(type == NativeType.COUNTER ? NativeType.BIGINT : type,
                            args.get(0))))).namedAs(a -> "-" + a.get(0)));
        }
        for (char op : new char[] {'+', '-'}) {
            boolean subtract = op == '-';
            r.add(operation(functionName(op), op, NativeType.TIMESTAMP, NativeType.TIMESTAMP, NativeType.DURATION,
                    args -> {
                        CqlDuration d = CqlDuration.deserialize(args.get(1));
                        long millis = args.get(0).getLong(args.get(0).position());
                        int sign = subtract ? -1 : 1;
                        return NativeType.TIMESTAMP.decompose(TimeFunctions.addTo(millis, sign * (long) d.months(),
                                sign * (long) d.days(), sign * d.nanoseconds()));
                    }));
            r.add(operation(functionName(op), op, NativeType.DATE, NativeType.DATE, NativeType.DURATION,
                    args -> TimeFunctions.addToDate(args.get(0), CqlDuration.deserialize(args.get(1)), subtract)));
        }
        r.add(concat(NativeType.TEXT, NativeType.TEXT, NativeType.TEXT));
        r.add(concat(NativeType.ASCII, NativeType.ASCII, NativeType.ASCII));
        r.add(concat(NativeType.TEXT, NativeType.ASCII, NativeType.TEXT));
        r.add(concat(NativeType.TEXT, NativeType.TEXT, NativeType.ASCII));
    }

    private static NativeScalarFunction concat(NativeType result, NativeType left, NativeType right) {
        return operation("_add", '+', result, left, right, args -> {
            String l = (String) left.compose(args.get(0));
            String rr = (String) right.compose(args.get(1));
            return ByteBuffer.wrap((l + rr).getBytes(StandardCharsets.UTF_8));
        });
    }

    private static NativeScalarFunction operation(String name, char symbol, NativeType result, NativeType left,
                                                  NativeType right, NativeScalarFunction.Body body) {
        return NativeScalarFunction.of(name, result, List.of(left, right), args -> {
            try {
                return body.execute(args);
            } catch (ArithmeticException | IllegalArgumentException e) {
                throw new FunctionFailureException(FunctionName.SYSTEM, name, List.of(left.cqlName(),
                        right.cqlName()), "the operation '" + left.cqlName() + " " + symbol + " " + right.cqlName()
                        + "' failed: " + e.getMessage());
            }
        }).namedAs(a -> a.get(0) + " " + symbol + " " + a.get(1));
    }
}
