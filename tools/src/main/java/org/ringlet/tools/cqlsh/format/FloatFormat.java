package org.ringlet.tools.cqlsh.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * cqlsh's display of {@code float} and {@code double} values. cqlsh takes a precision (5 by default) and, when the
 * value's decimal exponent e (truncated towards zero) satisfies {@code -4 <= e < precision}, widens it to
 * {@code precision + e + 1} so that digits left of the point never push the value into scientific notation; it then
 * prints the value with C's {@code %.*g} (shortest of fixed or scientific, trailing zeros removed). NaN and the
 * infinities print as {@code NaN}, {@code Infinity} and {@code -Infinity}.
 */
public final class FloatFormat {
    private static final double EPSILON = Math.ulp(1.0);

    private FloatFormat() {
    }

    /** A value as cqlsh shows it with the given precision. */
    public static String cqlsh(double value, int precision) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        int p = precision;
        if (Math.abs(value) > EPSILON) {
            int exponent = (int) Math.log10(Math.abs(value));
            if (exponent >= -4 && exponent < p) {
                p = p + exponent + 1;
            }
        }
        return formatG(value, p);
    }

    /** C's (and Python's) {@code "%.{precision}g"} of a finite value. */
    public static String formatG(double value, int precision) {
        int p = Math.max(precision, 1);
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        if (value == 0) {
            return negative ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(Math.abs(value)).round(new MathContext(p, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        String body;
        if (exponent >= -4 && exponent < p) {
            body = stripZeros(rounded.setScale(Math.max(p - 1 - exponent, 0), RoundingMode.UNNECESSARY).toPlainString());
        } else {
            String digits = rounded.unscaledValue().toString();
            StringBuilder mantissa = new StringBuilder().append(digits.charAt(0));
            if (digits.length() > 1) {
                mantissa.append('.').append(digits, 1, digits.length());
            }
            int abs = Math.abs(exponent);
            body = stripZeros(mantissa.toString()) + "e" + (exponent < 0 ? '-' : '+') + (abs < 10 ? "0" : "") + abs;
        }
        return negative ? "-" + body : body;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
