package org.ringlet.cql.functions;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/** Exponential and logarithms of decimals to a given precision (computed with guard digits, then rounded). */
final class BigMath {
    private static final int GUARD = 10;

    private BigMath() {
    }

    static BigDecimal exp(BigDecimal x, MathContext mc) {
        MathContext work = new MathContext(mc.getPrecision() + GUARD, RoundingMode.HALF_EVEN);
        if (x.signum() == 0) {
            return BigDecimal.ONE.round(mc);
        }
        if (x.signum() < 0) {
            return BigDecimal.ONE.divide(exp(x.negate(), work), mc);
        }
        // exp(x) = exp(x / 2^k)^(2^k), with x / 2^k small enough for the series to converge quickly
        int k = 0;
        BigDecimal r = x;
        while (r.compareTo(new BigDecimal("0.5")) > 0) {
            r = r.divide(BigDecimal.valueOf(2), work);
            k++;
        }
        MathContext inner = new MathContext(work.getPrecision() + k, RoundingMode.HALF_EVEN);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(inner.getPrecision() + 2);
        for (int i = 1; term.abs().compareTo(epsilon) > 0; i++) {
            term = term.multiply(r, inner).divide(BigDecimal.valueOf(i), inner);
            sum = sum.add(term, inner);
        }
        for (int i = 0; i < k; i++) {
            sum = sum.multiply(sum, inner);
        }
        return sum.round(mc);
    }

    static BigDecimal ln(BigDecimal x, MathContext mc) {
        if (x.signum() <= 0) {
            throw new ArithmeticException("Natural log of number zero or less");
        }
        MathContext work = new MathContext(mc.getPrecision() + GUARD, RoundingMode.HALF_EVEN);
        // x = m * 10^e with m in [1, 10): ln(x) = ln(m) + e * ln(10)
        int e = x.precision() - x.scale() - 1;
        BigDecimal m = x.movePointLeft(e);
        BigDecimal result = lnSeries(m, work).add(lnSeries(BigDecimal.TEN, work).multiply(BigDecimal.valueOf(e),
                work), work);
        return result.round(mc);
    }

    static BigDecimal log10(BigDecimal x, MathContext mc) {
        MathContext work = new MathContext(mc.getPrecision() + GUARD, RoundingMode.HALF_EVEN);
        return ln(x, work).divide(ln(BigDecimal.TEN, work), mc);
    }

    /** ln(m) for m in [1, 10], by ln(m) = 2 * atanh((m - 1) / (m + 1)) after taking square roots. */
    private static BigDecimal lnSeries(BigDecimal m, MathContext mc) {
        int roots = 0;
        MathContext inner = new MathContext(mc.getPrecision() + 5, RoundingMode.HALF_EVEN);
        BigDecimal y = m;
        while (y.subtract(BigDecimal.ONE).abs().compareTo(new BigDecimal("0.1")) > 0) {
            y = y.sqrt(inner);
            roots++;
        }
        BigDecimal z = y.subtract(BigDecimal.ONE).divide(y.add(BigDecimal.ONE), inner);
        BigDecimal z2 = z.multiply(z, inner);
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal power = z;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(inner.getPrecision() + 2);
        for (int i = 1; power.abs().compareTo(epsilon) > 0; i += 2) {
            sum = sum.add(power.divide(BigDecimal.valueOf(i), inner), inner);
            power = power.multiply(z2, inner);
        }
        return sum.multiply(BigDecimal.valueOf(2).multiply(new BigDecimal(BigInteger.ONE.shiftLeft(roots))), inner);
    }
}
