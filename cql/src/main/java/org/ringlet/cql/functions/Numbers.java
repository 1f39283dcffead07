package org.ringlet.cql.functions;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.List;

import org.ringlet.api.types.NativeType;

/**
 * Arithmetic on the numeric CQL types as Cassandra's number types do it: the result type of an operation between
 * two types, and each operation computed in the result type (integers wrap around on overflow, decimals use 34
 * significant digits).
 */
final class Numbers {
    /** The numeric types, in the order Cassandra declares them. */
    static final List<NativeType> TYPES = List.of(NativeType.TINYINT, NativeType.SMALLINT, NativeType.INT,
            NativeType.BIGINT, NativeType.FLOAT, NativeType.DOUBLE, NativeType.DECIMAL, NativeType.VARINT,
            NativeType.COUNTER);

    private Numbers() {
    }

    static boolean isNumeric(NativeType t) {
        return TYPES.contains(t);
    }

    private static boolean isFloatingPoint(NativeType t) {
        return t == NativeType.FLOAT || t == NativeType.DOUBLE || t == NativeType.DECIMAL;
    }

    private static int size(NativeType t) {
        return switch (t.kind()) {
            case TINYINT -> 1;
            case SMALLINT -> 2;
            case INT, FLOAT -> 4;
            case BIGINT, COUNTER, DOUBLE -> 8;
            default -> Integer.MAX_VALUE;
        };
    }

    /** The type of an operation's result between values of two numeric types. */
    static NativeType resultType(NativeType left, NativeType right) {
        int size = Math.max(size(left), size(right));
        if (isFloatingPoint(left) || isFloatingPoint(right)) {
            return switch (size) {
                case 4 -> NativeType.FLOAT;
                case 8 -> NativeType.DOUBLE;
                default -> NativeType.DECIMAL;
            };
        }
        return switch (size) {
            case 1 -> NativeType.TINYINT;
            case 2 -> NativeType.SMALLINT;
            case 4 -> NativeType.INT;
            case 8 -> NativeType.BIGINT;
            default -> NativeType.VARINT;
        };
    }

    static Number compose(NativeType type, ByteBuffer value) {
        return (Number) type.compose(value);
    }

    static ByteBuffer decompose(NativeType type, Number n) {
        return switch (type.kind()) {
            case TINYINT -> NativeType.TINYINT.decompose(n.byteValue());
            case SMALLINT -> NativeType.SMALLINT.decompose(n.shortValue());
            case INT -> NativeType.INT.decompose(n.intValue());
            case BIGINT -> NativeType.BIGINT.decompose(n.longValue());
            case COUNTER -> NativeType.COUNTER.decompose(n.longValue());
            case FLOAT -> NativeType.FLOAT.decompose(n.floatValue());
            case DOUBLE -> NativeType.DOUBLE.decompose(n.doubleValue());
            case DECIMAL -> NativeType.DECIMAL.decompose(toBigDecimal(n));
            case VARINT -> NativeType.VARINT.decompose(toBigInteger(n));
            default -> throw new IllegalArgumentException("not a number type: " + type);
        };
    }

    static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Float || n instanceof Double) {
            double d = n.doubleValue();
            if (Double.isNaN(d)) {
                throw new NumberFormatException("A NaN cannot be converted into a decimal");
            }
            if (Double.isInfinite(d)) {
                throw new NumberFormatException("An infinite number cannot be converted into a decimal");
            }
            return BigDecimal.valueOf(d);
        }
        return BigDecimal.valueOf(n.longValue());
    }

    static BigInteger toBigInteger(Number n) {
        if (n instanceof BigInteger i) {
            return i;
        }
        if (n instanceof BigDecimal d) {
            return d.toBigInteger();
        }
        return BigInteger.valueOf(n.longValue());
    }

    /** The arithmetic operators. */
    enum Op {
        ADD('+'), SUBTRACT('-'), MULTIPLY('*'), DIVIDE('/'), MODULO('%');

        final char symbol;

        Op(char symbol) {
            this.symbol = symbol;
        }
    }

    /** An operation computed in the result type. */
    static Number apply(NativeType type, Op op, Number l, Number r) {
        return switch (type.kind()) {
            case TINYINT -> (byte) longOp(op, l.byteValue(), r.byteValue());
            case SMALLINT -> (short) longOp(op, l.shortValue(), r.shortValue());
            case INT -> intOp(op, l.intValue(), r.intValue());
            case BIGINT, COUNTER -> longOp(op, l.longValue(), r.longValue());
            case FLOAT -> switch (op) {
                case ADD -> l.floatValue() + r.floatValue();
                case SUBTRACT -> l.floatValue() - r.floatValue();
                case MULTIPLY -> l.floatValue() * r.floatValue();
                case DIVIDE -> l.floatValue() / r.floatValue();
                case MODULO -> l.floatValue() % r.floatValue();
            };
            case DOUBLE -> switch (op) {
                case ADD -> l.doubleValue() + r.doubleValue();
                case SUBTRACT -> l.doubleValue() - r.doubleValue();
                case MULTIPLY -> l.doubleValue() * r.doubleValue();
                case DIVIDE -> l.doubleValue() / r.doubleValue();
                case MODULO -> l.doubleValue() % r.doubleValue();
            };
            case DECIMAL -> {
                BigDecimal a = toBigDecimal(l);
                BigDecimal b = toBigDecimal(r);
                yield switch (op) {
                    case ADD -> a.add(b);
                    case SUBTRACT -> a.subtract(b);
                    case MULTIPLY -> a.multiply(b);
                    case DIVIDE -> divide(a, b);
                    case MODULO -> a.remainder(b);
                };
            }
            default -> {
                BigInteger a = toBigInteger(l);
                BigInteger b = toBigInteger(r);
                yield switch (op) {
                    case ADD -> a.add(b);
                    case SUBTRACT -> a.subtract(b);
                    case MULTIPLY -> a.multiply(b);
                    case DIVIDE -> a.divide(b);
                    case MODULO -> a.mod(b);
                };
            }
        };
    }

    /** The minimum significant digits (and scale) of a decimal quotient, as Cassandra computes it. */
    private static final int MIN_SIGNIFICANT_DIGITS = 32;
    private static final int MAX_SCALE = 1000;

    /** Decimal division as Cassandra does it: at least 32 significant digits, trailing zeros stripped. */
    static BigDecimal divide(BigDecimal a, BigDecimal b) {
        int firstDigit = (a.precision() - a.scale()) - (b.precision() - b.scale());
        int scale = MIN_SIGNIFICANT_DIGITS - firstDigit;
        scale = Math.max(scale, a.scale());
        scale = Math.max(scale, b.scale());
        scale = Math.max(scale, MIN_SIGNIFICANT_DIGITS);
        scale = Math.min(scale, MAX_SCALE);
        return a.divide(b, scale, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static int intOp(Op op, int a, int b) {
        return switch (op) {
            case ADD -> a + b;
            case SUBTRACT -> a - b;
            case MULTIPLY -> a * b;
            case DIVIDE -> a / b;
            case MODULO -> a % b;
        };
    }

    private static long longOp(Op op, long a, long b) {
        return switch (op) {
            case ADD -> a + b;
            case SUBTRACT -> a - b;
            case MULTIPLY -> a * b;
            case DIVIDE -> a / b;
            case MODULO -> a % b;
        };
    }

    static Number negate(NativeType type, Number n) {
        return switch (type.kind()) {
            case TINYINT -> (byte) -n.byteValue();
            case SMALLINT -> (short) -n.shortValue();
            case INT -> -n.intValue();
            case BIGINT, COUNTER -> -n.longValue();
            case FLOAT -> -n.floatValue();
            case DOUBLE -> -n.doubleValue();
            case DECIMAL -> toBigDecimal(n).negate();
            default -> toBigInteger(n).negate();
        };
    }

    static Number abs(NativeType type, Number n) {
        return switch (type.kind()) {
            case TINYINT -> (byte) Math.abs(n.byteValue());
            case SMALLINT -> (short) Math.abs(n.shortValue());
            case INT -> Math.abs(n.intValue());
            case BIGINT, COUNTER -> Math.abs(n.longValue());
            case FLOAT -> Math.abs(n.floatValue());
            case DOUBLE -> Math.abs(n.doubleValue());
            case DECIMAL -> toBigDecimal(n).abs();
            default -> toBigInteger(n).abs();
        };
    }

    /** {@code exp}, {@code log}, {@code log10} computed in doubles and converted back to the type. */
    static Number math(NativeType type, String fn, Number n) {
        if (type == NativeType.DECIMAL) {
            BigDecimal d = toBigDecimal(n);
            MathContext mc = new MathContext(Math.max(d.precision(), MIN_SIGNIFICANT_DIGITS), RoundingMode.HALF_EVEN);
            return switch (fn) {
                case "exp" -> BigMath.exp(d, mc);
                case "log" -> BigMath.ln(d, mc);
                default -> BigMath.log10(d, mc);
            };
        }
        double x = n.doubleValue();
        double r = switch (fn) {
            case "exp" -> Math.exp(x);
            case "log" -> Math.log(x);
            default -> Math.log10(x);
        };
        return switch (type.kind()) {
            case TINYINT -> (byte) r;
            case SMALLINT -> (short) r;
            case INT -> (int) r;
            case BIGINT, COUNTER -> (long) r;
            case FLOAT -> (float) r;
            case DOUBLE -> r;
            default -> BigDecimal.valueOf(r).toBigInteger();
        };
    }

    static Number round(NativeType type, Number n) {
        return switch (type.kind()) {
            case FLOAT -> (float) Math.round(n.floatValue());
            case DOUBLE -> (double) Math.round(n.doubleValue());
            case DECIMAL -> toBigDecimal(n).setScale(0, RoundingMode.HALF_UP);
            default -> n;
        };
    }
}
