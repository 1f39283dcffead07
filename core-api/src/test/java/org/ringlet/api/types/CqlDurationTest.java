package org.ringlet.api.types;

import java.nio.ByteBuffer;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CqlDurationTest {

    @Provide
    Arbitrary<CqlDuration> durations() {
        Arbitrary<CqlDuration> positive = Combinators.combine(Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.longs().between(0, Long.MAX_VALUE))
                .as(CqlDuration::new);
        Arbitrary<CqlDuration> negative = Combinators.combine(Arbitraries.integers().between(Integer.MIN_VALUE, 0),
                Arbitraries.integers().between(Integer.MIN_VALUE, 0), Arbitraries.longs().between(Long.MIN_VALUE, 0))
                .as(CqlDuration::new);
        return Arbitraries.oneOf(positive, negative);
    }

    @Property(tries = 500)
    void serializationRoundTrips(@ForAll("durations") CqlDuration d) {
        ByteBuffer b = d.serialize();
        assertEquals(VInts.sizeOfSigned(d.months()) + VInts.sizeOfSigned(d.days())
                + VInts.sizeOfSigned(d.nanoseconds()), b.remaining());
        assertEquals(d, CqlDuration.deserialize(b));
        NativeType.DURATION.validate(b);
        assertEquals(d, NativeType.DURATION.compose(NativeType.DURATION.decompose(d)));
    }

    @Test
    void extremesRoundTrip() {
        for (CqlDuration d : new CqlDuration[] {new CqlDuration(0, 0, Long.MIN_VALUE),
                new CqlDuration(0, 0, Long.MAX_VALUE), new CqlDuration(Integer.MIN_VALUE, Integer.MIN_VALUE, -1),
                new CqlDuration(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE)}) {
            assertEquals(d, CqlDuration.deserialize(d.serialize()), d.toString());
        }
    }

    @Test
    void serializedFormIsThreeZigZagVInts() {
        // 1 month, 2 days, 3 ns → zig-zag 2, 4, 6
        assertEquals(ByteBuffer.wrap(new byte[] {2, 4, 6}), new CqlDuration(1, 2, 3).serialize());
        assertEquals(ByteBuffer.wrap(new byte[] {1, 3, 5}), new CqlDuration(-1, -2, -3).serialize());
    }

    @Test
    void mixedSignsAreRejected() {
        MarshalException e = assertThrows(MarshalException.class, () -> new CqlDuration(1, -1, 0));
        assertEquals("The duration months, days and nanoseconds must be all of the same sign (1, -1, 0)",
                e.getMessage());
        // the same check applies to serialized values
        ByteBuffer mixed = ByteBuffer.wrap(new byte[] {2, 1, 0});
        assertThrows(MarshalException.class, () -> NativeType.DURATION.validate(mixed));
    }

    @Test
    void monthsAndDaysMustFitAnInt() {
        ByteBuffer b = ByteBuffer.allocate(32);
        VInts.writeSigned(1L << 33, b);
        VInts.writeSigned(0, b);
        VInts.writeSigned(0, b);
        b.flip();
        MarshalException e = assertThrows(MarshalException.class, () -> NativeType.DURATION.validate(b));
        assertEquals("The duration months must be a 32 bits integer but was: " + (1L << 33), e.getMessage());
        ByteBuffer d = ByteBuffer.allocate(32);
        VInts.writeSigned(0, d);
        VInts.writeSigned(-(1L << 33), d);
        VInts.writeSigned(0, d);
        d.flip();
        e = assertThrows(MarshalException.class, () -> NativeType.DURATION.validate(d));
        assertEquals("The duration days must be a 32 bits integer but was: " + -(1L << 33), e.getMessage());
    }

    @Test
    void truncatedAndShortValuesAreRejected() {
        MarshalException e = assertThrows(MarshalException.class,
                () -> NativeType.DURATION.validate(ByteBuffer.wrap(new byte[] {2, 4})));
        assertEquals("Expected at least 3 bytes for a duration (2)", e.getMessage());
        assertThrows(MarshalException.class, () -> NativeType.DURATION.validate(ByteBuffer.allocate(0)));
        assertThrows(MarshalException.class,
                () -> CqlDuration.deserialize(ByteBuffer.wrap(new byte[] {2, 4, (byte) 0x80})));
        assertThrows(MarshalException.class, () -> CqlDuration.deserialize(ByteBuffer.wrap(new byte[] {2, 4, 6, 8})));
    }
}
