package org.ringlet.api.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeTypeTest {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    // ------------------------------------------------------------------------------------- value generators

    static Arbitrary<Object> values(NativeType.Kind kind) {
        return switch (kind) {
            case ASCII -> Arbitraries.strings().ascii().ofMaxLength(12).map(s -> (Object) s);
            case TEXT -> Arbitraries.strings().all().ofMaxLength(12)
                    .filter(s -> StandardCharsets.UTF_8.newEncoder().canEncode(s)).map(s -> (Object) s);
            case BLOB -> Arbitraries.bytes().array(byte[].class).ofMaxSize(12).map(b -> (Object) ByteBuffer.wrap(b));
            case BIGINT, COUNTER -> Arbitraries.longs().map(v -> (Object) v);
            case TIME -> Arbitraries.longs().between(0, NANOS_PER_DAY - 1).map(v -> (Object) v);
            case TIMESTAMP -> Arbitraries.longs().between(-8_000_000_000_000L, 8_000_000_000_000L)
                    .map(ms -> (Object) Instant.ofEpochMilli(ms));
            case INT -> Arbitraries.integers().map(v -> (Object) v);
            case SMALLINT -> Arbitraries.shorts().map(v -> (Object) v);
            case TINYINT -> Arbitraries.bytes().map(v -> (Object) v);
            case BOOLEAN -> Arbitraries.of(true, false).map(v -> (Object) v);
            case FLOAT -> Arbitraries.oneOf(Arbitraries.floats(),
                    Arbitraries.of(Float.NaN, -0.0f, 0.0f, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY,
                            Float.MIN_VALUE, -Float.MAX_VALUE)).map(v -> (Object) v);
            case DOUBLE -> Arbitraries.oneOf(Arbitraries.doubles(),
                    Arbitraries.of(Double.NaN, -0.0, 0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                            Double.MIN_VALUE, -Double.MAX_VALUE)).map(v -> (Object) v);
            case DATE -> Arbitraries.longs().between(-(1L << 31), (1L << 31) - 1)
                    .filter(d -> d >= LocalDate.MIN.toEpochDay() && d <= LocalDate.MAX.toEpochDay())
                    .map(d -> (Object) LocalDate.ofEpochDay(d));
            case VARINT -> Arbitraries.bigIntegers().between(BigInteger.TWO.pow(100).negate(), BigInteger.TWO.pow(100))
                    .map(v -> (Object) v);
            case DECIMAL -> Combinators.combine(
                    Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)),
                    Arbitraries.integers().between(-40, 40)).as((u, s) -> (Object) new BigDecimal(u, s));
            case UUID, TIMEUUID -> uuids(kind == NativeType.Kind.TIMEUUID).map(u -> (Object) u);
            case INET -> Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofSize(4),
                    Arbitraries.bytes().array(byte[].class).ofSize(16)).map(NativeTypeTest::inet);
            case DURATION -> new CqlDurationTest().durations().map(d -> (Object) d);
        };
    }

    /** UUIDs of versions 1 to 5, with bytes that exercise signed and unsigned orders. */
    static Arbitrary<UUID> uuids(boolean timeOnly) {
        Arbitrary<Integer> versions = timeOnly ? Arbitraries.just(1) : Arbitraries.integers().between(1, 5);
        return Combinators.combine(versions, Arbitraries.longs(), Arbitraries.longs(),
                Arbitraries.integers().between(0, 3)).as((v, msb, lsb, smallish) -> {
                    long m = (msb & ~0xF000L) | ((long) v << 12);
                    if (smallish == 0) {
                        // share the timestamp so that the least significant bytes decide
                        m = 0x0000_0000_1234_1000L | ((long) v << 12);
                    }
                    return new UUID(m, lsb);
                });
    }

    private static Object inet(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------------------ reference orders (Cassandra)

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Comparator<Object> reference(NativeType.Kind kind) {
        Comparator natural = Comparator.naturalOrder();
        return switch (kind) {
            case ASCII, TEXT -> (a, b) -> Arrays.compareUnsigned(((String) a).getBytes(StandardCharsets.UTF_8),
                    ((String) b).getBytes(StandardCharsets.UTF_8));
            case BLOB -> (a, b) -> Arrays.compareUnsigned(NativeType.bytes((ByteBuffer) a),
                    NativeType.bytes((ByteBuffer) b));
            case INET -> (a, b) -> Arrays.compareUnsigned(((InetAddress) a).getAddress(),
                    ((InetAddress) b).getAddress());
            case DURATION -> (a, b) -> Arrays.compareUnsigned(NativeType.bytes(((CqlDuration) a).serialize()),
                    NativeType.bytes(((CqlDuration) b).serialize()));
            case FLOAT -> (a, b) -> Float.compare((Float) a, (Float) b);
            case DOUBLE -> (a, b) -> Double.compare((Double) a, (Double) b);
            case UUID -> (a, b) -> uuidOrder((UUID) a, (UUID) b);
            case TIMEUUID -> (a, b) -> timeUuidOrder((UUID) a, (UUID) b);
            default -> natural;
        };
    }

    /** UUIDType: version, then (v1) the 60-bit timestamp or (others) the unsigned msb, then the unsigned lsb. */
    static int uuidOrder(UUID a, UUID b) {
        int c = Integer.compare(a.version(), b.version());
        if (c != 0) {
            return c;
        }
        c = a.version() == 1 ? Long.compare(a.timestamp(), b.timestamp())
                : Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** TimeUUIDType: the timestamp, then the least significant bytes compared as signed bytes. */
    static int timeUuidOrder(UUID a, UUID b) {
        int c = Long.compare(a.timestamp(), b.timestamp());
        if (c != 0) {
            return c;
        }
        ByteBuffer la = ByteBuffer.allocate(8).putLong(0, a.getLeastSignificantBits());
        ByteBuffer lb = ByteBuffer.allocate(8).putLong(0, b.getLeastSignificantBits());
        for (int i = 0; i < 8; i++) {
            c = Byte.compare(la.get(i), lb.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Provide
    Arbitrary<Tuple3<NativeType, Object, Object>> pairs() {
        return Arbitraries.of(NativeType.Kind.class).flatMap(k -> {
            Arbitrary<Object> v = values(k);
            // half of the pairs share a value, so that equality is exercised too
            return Combinators.combine(v, v, Arbitraries.of(true, false))
                    .as((a, b, same) -> Tuple.of(NativeType.of(k), a, same ? a : b));
        });
    }

    // ------------------------------------------------------------------------------------------- properties

    @Property(tries = 3000)
    void everyKindRoundTrips(@ForAll("pairs") Tuple3<NativeType, Object, Object> s) {
        NativeType t = s.get1();
        ByteBuffer b = t.decompose(s.get2());
        t.validate(b);
        if (t.fixedLength() > 0) {
            assertEquals(t.fixedLength(), b.remaining());
        }
        Object back = t.compose(b);
        if (t.kind() == NativeType.Kind.TIMESTAMP) {
            assertEquals(s.get2(), back);
        } else {
            assertEquals(s.get2(), back, t.cqlName());
        }
        assertEquals(b, t.decompose(back));
    }

    @Property(tries = 3000)
    void everyKindOrdersLikeCassandra(@ForAll("pairs") Tuple3<NativeType, Object, Object> s) {
        NativeType t = s.get1();
        ByteBuffer a = t.decompose(s.get2());
        ByteBuffer b = t.decompose(s.get3());
        int expected = Integer.signum(reference(t.kind()).compare(s.get2(), s.get3()));
        assertEquals(expected, Integer.signum(t.compare(a, b)), t.cqlName() + " " + s.get2() + " vs " + s.get3());
        assertEquals(-expected, Integer.signum(t.compare(b, a)));
        // comparison neither moves the buffers nor depends on their position
        ByteBuffer shifted = ByteBuffer.allocate(a.remaining() + 3).position(3).put(a.duplicate()).position(3);
        assertEquals(0, t.compare(shifted, a));
        assertEquals(3, shifted.position());
    }

    @Property(tries = 500)
    void emptyValuesSortFirst(@ForAll("pairs") Tuple3<NativeType, Object, Object> s) {
        NativeType t = s.get1();
        ByteBuffer empty = ByteBuffer.allocate(0);
        ByteBuffer v = t.decompose(s.get2());
        assertEquals(0, t.compare(empty, ByteBuffer.allocate(0)));
        if (v.hasRemaining()) {
            assertTrue(t.compare(empty, v) < 0, t.cqlName());
            assertTrue(t.compare(v, empty) > 0, t.cqlName());
        }
    }

    // ------------------------------------------------------------------------------------------ known cases

    @Test
    void uuidAndTimeUuidOrderTheLeastSignificantBytesDifferently() {
        // same version-1 timestamp, lsb 0x80.. (negative as a signed byte) versus 0x7f..
        UUID high = new UUID(0x0000_0000_1234_11d0L, 0x8000_0000_0000_0000L);
        UUID low = new UUID(0x0000_0000_1234_11d0L, 0x7f00_0000_0000_0000L);
        ByteBuffer h = NativeType.UUID.decompose(high);
        ByteBuffer l = NativeType.UUID.decompose(low);
        assertTrue(NativeType.UUID.compare(h, l) > 0, "uuid compares the lsb unsigned");
        assertTrue(NativeType.TIMEUUID.compare(h, l) < 0, "timeuuid compares the lsb as signed bytes");
        // every one of the eight bytes compares signed in timeuuid
        ByteBuffer a = NativeType.TIMEUUID.decompose(new UUID(0x0000_0000_1234_11d0L, 0x0000_0000_0000_0080L));
        ByteBuffer b = NativeType.TIMEUUID.decompose(new UUID(0x0000_0000_1234_11d0L, 0x0000_0000_0000_007fL));
        assertTrue(NativeType.TIMEUUID.compare(a, b) < 0);
        assertTrue(NativeType.UUID.compare(a, b) > 0);
    }

    @Test
    void uuidOrdersByVersionThenTimestamp() {
        UUID v1Late = new UUID(0x0000_0000_0001_11d0L | 0xFFFF_FFFF_0000_0000L, 0);
        UUID v1Early = new UUID(0xFFFF_FFFF_0000_11d0L, 0);
        UUID v4 = new UUID(0x0000_0000_0000_4000L, 0);
        Comparator<ByteBuffer> c = NativeType.UUID;
        // timestamp: time_hi (low 12 bits of byte 6-7) first, then time_mid, then time_low
        assertTrue(c.compare(NativeType.UUID.decompose(v1Late), NativeType.UUID.decompose(v1Early)) > 0);
        assertTrue(c.compare(NativeType.UUID.decompose(v1Late), NativeType.UUID.decompose(v4)) < 0,
                "a lower version sorts first");
    }

    @Test
    void booleanTreatsEveryNonZeroByteAsTrue() {
        ByteBuffer one = ByteBuffer.wrap(new byte[] {1});
        ByteBuffer two = ByteBuffer.wrap(new byte[] {2});
        ByteBuffer minus = ByteBuffer.wrap(new byte[] {(byte) 0xff});
        ByteBuffer zero = ByteBuffer.wrap(new byte[] {0});
        assertEquals(0, NativeType.BOOLEAN.compare(one, two));
        assertEquals(0, NativeType.BOOLEAN.compare(minus, one));
        assertTrue(NativeType.BOOLEAN.compare(zero, minus) < 0);
        assertEquals(true, NativeType.BOOLEAN.compose(two));
    }

    @Test
    void dateIsUnsignedWithTheEpochAtTwoToTheThirtyOne() {
        assertEquals(ByteBuffer.wrap(new byte[] {(byte) 0x80, 0, 0, 0}), NativeType.DATE.decompose(LocalDate.EPOCH));
        assertEquals(LocalDate.EPOCH.minusDays(1), NativeType.DATE.compose(ByteBuffer.wrap(new byte[] {0x7f, -1, -1, -1})));
        assertEquals(-(1L << 31), NativeType.dateToEpochDay(0));
        assertEquals(0, NativeType.epochDayToDate(-(1L << 31)));
        assertEquals(12345, NativeType.dateToEpochDay(NativeType.epochDayToDate(12345)));
    }

    @Test
    void timeIsByteOrdered() {
        // Cassandra accepts any 8 bytes for time and orders them as unsigned bytes
        ByteBuffer negative = ByteBuffer.allocate(8).putLong(0, -1);
        ByteBuffer noon = NativeType.TIME.decompose(NANOS_PER_DAY / 2);
        NativeType.TIME.validate(negative);
        assertTrue(NativeType.TIME.compare(negative, noon) > 0);
    }

    @Test
    void numericOrdersIgnoreRepresentation() {
        // a non-minimal varint still orders by value, as Cassandra's IntegerType does
        ByteBuffer padded = ByteBuffer.wrap(new byte[] {0, 0, 5});
        assertEquals(0, NativeType.VARINT.compare(padded, NativeType.VARINT.decompose(BigInteger.valueOf(5))));
        assertEquals(0, NativeType.DECIMAL.compare(NativeType.DECIMAL.decompose(new BigDecimal("1.0")),
                NativeType.DECIMAL.decompose(new BigDecimal("1.00"))));
        assertTrue(NativeType.VARINT.compare(NativeType.VARINT.decompose(BigInteger.valueOf(-300)),
                NativeType.VARINT.decompose(BigInteger.valueOf(2))) < 0);
    }

    @Test
    void decimalIsScaleThenUnscaledValue() {
        assertEquals(ByteBuffer.wrap(new byte[] {0, 0, 0, 2, 0x30, 0x39}), NativeType.DECIMAL.decompose(new BigDecimal("123.45")));
        assertEquals(new BigDecimal("1E+3"), NativeType.DECIMAL.compose(ByteBuffer.wrap(new byte[] {-1, -1, -1, -3, 1})));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "int|3|Expected 4 or 0 byte int (3)",
            "bigint|4|Expected 8 or 0 byte long (4)",
            "counter|9|Expected 8 or 0 byte long (9)",
            "timestamp|7|Expected 8 or 0 byte long for date (7)",
            "float|8|Expected 4 or 0 byte value for a float (8)",
            "double|4|Expected 8 or 0 byte value for a double (4)",
            "boolean|2|Expected 1 or 0 byte value (2)",
            "uuid|15|UUID should be 16 or 0 bytes (15)",
            "timeuuid|17|UUID should be 16 or 0 bytes (17)",
            "smallint|4|Expected 2 bytes for a smallint (4)",
            "smallint|0|Expected 2 bytes for a smallint (0)",
            "tinyint|2|Expected 1 byte for a tinyint (2)",
            "tinyint|0|Expected 1 byte for a tinyint (0)",
            "date|8|Expected 4 byte long for date (8)",
            "date|0|Expected 4 byte long for date (0)",
            "time|4|Expected 8 byte long for time (4)",
            "time|0|Expected 8 byte long for time (0)",
            "decimal|3|Expected 0 or at least 4 bytes (3)",
            "inet|5|Expected 4 or 16 byte inetaddress; got 0000000000",
            "duration|0|Expected at least 3 bytes for a duration (0)",
    })
    void invalidLengthsGetCassandrasMessages(String type, int length, String message) {
        NativeType t = NativeType.byName(type);
        MarshalException e = assertThrows(MarshalException.class, () -> t.validate(ByteBuffer.allocate(length)));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = NativeType.Kind.class, names = {"DATE", "TIME", "SMALLINT", "TINYINT", "DURATION"},
            mode = EnumSource.Mode.EXCLUDE)
    void emptyIsAValidValueOfMostKinds(NativeType.Kind kind) {
        NativeType.of(kind).validate(ByteBuffer.allocate(0));
    }

    @Test
    void contentValidation() {
        MarshalException e = assertThrows(MarshalException.class,
                () -> NativeType.ASCII.validate(ByteBuffer.wrap(new byte[] {'a', (byte) 0x80})));
        assertEquals("Invalid byte for ascii: -128", e.getMessage());
        e = assertThrows(MarshalException.class,
                () -> NativeType.TEXT.validate(ByteBuffer.wrap(new byte[] {(byte) 0xc3, 0x28})));
        assertEquals("String didn't validate.", e.getMessage());
        NativeType.TEXT.validate(ByteBuffer.wrap("é€😀".getBytes(StandardCharsets.UTF_8)));
        ByteBuffer v4 = NativeType.UUID.decompose(UUID.fromString("123e4567-e89b-42d3-a456-426614174000"));
        e = assertThrows(MarshalException.class, () -> NativeType.TIMEUUID.validate(v4));
        assertEquals("Invalid version for TimeUUID type.", e.getMessage());
        NativeType.UUID.validate(v4);
    }

    @ParameterizedTest
    @EnumSource(NativeType.Kind.class)
    void emptyComposesToNullUnlessTheEmptyValueMeansSomething(NativeType.Kind kind) {
        Object v = NativeType.of(kind).compose(ByteBuffer.allocate(0));
        switch (kind) {
            case ASCII, TEXT -> assertEquals("", v);
            case BLOB -> assertEquals(ByteBuffer.allocate(0), v);
            default -> assertNull(v);
        }
    }

    @Test
    void wrongJavaTypesAreMarshalErrors() {
        MarshalException e = assertThrows(MarshalException.class, () -> NativeType.INT.decompose("1"));
        assertEquals("Cannot serialize a String as int", e.getMessage());
        assertThrows(MarshalException.class, () -> NativeType.VARINT.decompose(5L));
        assertThrows(MarshalException.class, () -> NativeType.DATE.decompose(Instant.EPOCH));
    }

    @Test
    void namesKindsAndIds() {
        assertSame(NativeType.TEXT, NativeType.byName("VARCHAR"));
        assertSame(NativeType.TIMEUUID, NativeType.byName("TimeUuid"));
        assertNull(NativeType.byName("nope"));
        for (NativeType.Kind k : NativeType.Kind.values()) {
            NativeType t = NativeType.of(k);
            assertSame(t, NativeType.byName(t.cqlName()));
            assertEquals(t.cqlName(), t.toString());
            assertFalse(t.isMultiCell());
            assertSame(t, t.freeze());
            assertEquals(k == NativeType.Kind.COUNTER, t.isCounter());
        }
        assertEquals(0x0001, NativeType.ASCII.protocolTypeId());
        assertEquals(0x000B, NativeType.TIMESTAMP.protocolTypeId());
        assertEquals(0x000D, NativeType.TEXT.protocolTypeId());
        assertEquals(0x0011, NativeType.DATE.protocolTypeId());
        assertEquals(0x0015, NativeType.DURATION.protocolTypeId());
        assertThrows(IllegalStateException.class, NativeType.INT::cellPathType);
    }

    @Test
    void valueCompatibility() {
        assertTrue(NativeType.TEXT.isValueCompatibleWith(NativeType.ASCII));
        assertFalse(NativeType.ASCII.isValueCompatibleWith(NativeType.TEXT));
        assertTrue(NativeType.BLOB.isValueCompatibleWith(NativeType.INT));
        assertTrue(NativeType.UUID.isValueCompatibleWith(NativeType.TIMEUUID));
        assertFalse(NativeType.TIMEUUID.isValueCompatibleWith(NativeType.UUID));
        assertTrue(NativeType.VARINT.isValueCompatibleWith(NativeType.INT));
        assertTrue(NativeType.BIGINT.isValueCompatibleWith(NativeType.TIMESTAMP));
        assertFalse(NativeType.INT.isValueCompatibleWith(NativeType.BIGINT));
    }
}
