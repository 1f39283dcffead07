package org.ringlet.cql.functions;

import java.math.BigDecimal;
import java.math.MathContext;

import org.junit.jupiter.api.Test;
import org.ringlet.api.types.NativeType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Arithmetic as Cassandra's number types compute it (values checked on Cassandra 5.0.6). */
class NumbersTest {

    @Test
    void resultTypesFollowSizeAndFloatingPoint() {
        assertEquals(NativeType.INT, Numbers.resultType(NativeType.INT, NativeType.SMALLINT));
        assertEquals(NativeType.FLOAT, Numbers.resultType(NativeType.INT, NativeType.FLOAT));
        assertEquals(NativeType.DOUBLE, Numbers.resultType(NativeType.BIGINT, NativeType.FLOAT));
        assertEquals(NativeType.DECIMAL, Numbers.resultType(NativeType.VARINT, NativeType.DOUBLE));
        assertEquals(NativeType.VARINT, Numbers.resultType(NativeType.VARINT, NativeType.TINYINT));
        assertEquals(NativeType.BIGINT, Numbers.resultType(NativeType.COUNTER, NativeType.INT));
    }

    @Test
    void decimalQuotientsHaveAtLeastThirtyTwoSignificantDigits() {
        assertEquals("0.41666666666666666666666666666667",
                Numbers.divide(new BigDecimal("1.25"), BigDecimal.valueOf(3)).toString());
        assertEquals("0.0000033333333333333333333333333333333",
                Numbers.divide(new BigDecimal("0.00001"), BigDecimal.valueOf(3)).toPlainString());
        assertEquals("41152.263", Numbers.divide(new BigDecimal("123456.789"), BigDecimal.valueOf(3)).toString());
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> Numbers.divide(BigDecimal.ONE, BigDecimal.ZERO));
        assertEquals("BigInteger divide by zero", e.getMessage());
    }

    @Test
    void integersWrapAroundAndDecimalLogarithmsAreExact() {
        assertEquals(-127, Numbers.apply(NativeType.TINYINT, Numbers.Op.ADD, (byte) 127, (byte) 2).intValue());
        assertEquals(Integer.MIN_VALUE, Numbers.apply(NativeType.INT, Numbers.Op.ADD, Integer.MAX_VALUE, 1));
        assertEquals("3.4903429574618413761305460296723",
                BigMath.exp(new BigDecimal("1.25"), new MathContext(32)).toString());
        assertEquals("2.3025850929940456840179914546844",
                BigMath.ln(BigDecimal.TEN, new MathContext(32)).toString());
        assertEquals("3", BigMath.log10(new BigDecimal("1000"), new MathContext(32)).stripTrailingZeros()
                .toPlainString());
    }
}
