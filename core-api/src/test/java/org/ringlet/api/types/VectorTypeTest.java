package org.ringlet.api.types;

import java.nio.ByteBuffer;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorTypeTest {
    private static final VectorType FLOATS = VectorType.of(NativeType.FLOAT, 3);
    private static final VectorType TEXTS = VectorType.of(NativeType.TEXT, 2);

    @Property(tries = 300)
    void fixedLengthElementsAreConcatenated(@ForAll @Size(3) List<Float> a, @ForAll @Size(3) List<Float> b) {
        ByteBuffer sa = FLOATS.decompose(a);
        assertEquals(12, sa.remaining());
        assertEquals(a.get(1), sa.getFloat(4));
        FLOATS.validate(sa);
        assertEquals(a, FLOATS.compose(sa));
        int expected = 0;
        for (int i = 0; i < 3 && expected == 0; i++) {
            expected = Float.compare(a.get(i), b.get(i));
        }
        assertEquals(Integer.signum(expected), Integer.signum(FLOATS.compare(sa, FLOATS.decompose(b))));
    }

    @Property(tries = 300)
    void variableLengthElementsCarryAVIntLength(@ForAll @Size(2) List<String> a) {
        ByteBuffer s = TEXTS.decompose(a);
        TEXTS.validate(s);
        assertEquals(a, TEXTS.compose(s));
        ByteBuffer in = s.duplicate();
        for (String e : a) {
            ByteBuffer utf8 = NativeType.TEXT.decompose(e);
            assertEquals(utf8.remaining(), VInts.readUnsigned(in));
            in.position(in.position() + utf8.remaining());
        }
        assertFalse(in.hasRemaining());
    }

    @Test
    void typesCassandraDoesNotCountAsFixedLengthCarryALength() {
        // smallint, tinyint, date, time and counter have no fixed length in Cassandra's marshal types
        VectorType smallints = VectorType.of(NativeType.SMALLINT, 2);
        assertEquals(ByteBuffer.wrap(new byte[] {2, 0, 1, 2, 0, 2}), smallints.decompose(List.of((short) 1, (short) 2)));
        assertEquals(-1, smallints.fixedLength());
        VectorType tinyints = VectorType.of(NativeType.TINYINT, 2);
        assertEquals(ByteBuffer.wrap(new byte[] {1, 7, 1, 8}), tinyints.decompose(List.of((byte) 7, (byte) 8)));
        assertEquals(List.of((byte) 7, (byte) 8), tinyints.compose(ByteBuffer.wrap(new byte[] {1, 7, 1, 8})));
        assertEquals(-1, VectorType.of(NativeType.DATE, 1).fixedLength());
        assertEquals(-1, VectorType.of(NativeType.TIME, 1).fixedLength());
        assertEquals(5, VectorType.of(NativeType.DATE, 1).decompose(List.of(java.time.LocalDate.EPOCH)).remaining());
        // the fixed ones
        assertEquals(3, VectorType.of(NativeType.BOOLEAN, 3).fixedLength());
        assertEquals(16, VectorType.of(NativeType.INT, 4).fixedLength());
        assertEquals(16, VectorType.of(NativeType.BIGINT, 2).fixedLength());
        assertEquals(16, VectorType.of(NativeType.DOUBLE, 2).fixedLength());
        assertEquals(16, VectorType.of(NativeType.TIMESTAMP, 2).fixedLength());
        assertEquals(32, VectorType.of(NativeType.UUID, 2).fixedLength());
        assertEquals(16, VectorType.of(NativeType.TIMEUUID, 1).fixedLength());
    }

    @Test
    void nestedVectors() {
        VectorType nested = VectorType.of(FLOATS, 2);
        assertEquals(24, nested.fixedLength());
        ByteBuffer v = nested.decompose(List.of(List.of(1f, 2f, 3f), List.of(4f, 5f, 6f)));
        assertEquals(24, v.remaining());
        assertEquals(List.of(List.of(1f, 2f, 3f), List.of(4f, 5f, 6f)), nested.compose(v));
        VectorType ofSmall = VectorType.of(VectorType.of(NativeType.SMALLINT, 1), 2);
        assertEquals(ByteBuffer.wrap(new byte[] {3, 2, 0, 1, 3, 2, 0, 2}),
                ofSmall.decompose(List.of(List.of((short) 1), List.of((short) 2))));
    }

    @Test
    void validation() {
        MarshalException e = assertThrows(MarshalException.class, () -> FLOATS.validate(ByteBuffer.allocate(0)));
        assertEquals("Invalid empty vector value", e.getMessage());
        e = assertThrows(MarshalException.class, () -> FLOATS.validate(ByteBuffer.allocate(8)));
        assertEquals("Not enough bytes to read a vector<float, 3>", e.getMessage());
        e = assertThrows(MarshalException.class, () -> FLOATS.validate(ByteBuffer.allocate(13)));
        assertEquals("Unexpected 1 extraneous bytes after vector<float, 3> value", e.getMessage());
        assertThrows(MarshalException.class, () -> TEXTS.validate(ByteBuffer.wrap(new byte[] {5, 'a'})));
        assertThrows(MarshalException.class, () -> TEXTS.validate(ByteBuffer.wrap(new byte[] {1, 'a', (byte) 0x80})));
        assertThrows(MarshalException.class, () -> TEXTS.validate(ByteBuffer.wrap(new byte[] {1, (byte) 0xff, 0})),
                "elements are validated");
        assertThrows(MarshalException.class, () -> FLOATS.decompose(List.of(1f, 2f)));
        assertThrows(MarshalException.class, () -> FLOATS.decompose(java.util.Arrays.asList(1f, null, 2f)));
        assertThrows(IllegalArgumentException.class, () -> VectorType.of(NativeType.INT, 0));
    }

    @Test
    void namesAndOrderOfEmpty() {
        assertEquals("vector<float, 3>", FLOATS.cqlName());
        assertEquals("org.apache.cassandra.db.marshal.VectorType(org.apache.cassandra.db.marshal.FloatType,3)",
                FLOATS.customClassName());
        assertEquals(0, FLOATS.protocolTypeId());
        assertFalse(FLOATS.isMultiCell());
        assertTrue(FLOATS.compare(ByteBuffer.allocate(0), FLOATS.decompose(List.of(0f, 0f, 0f))) < 0);
        assertNull(FLOATS.compose(ByteBuffer.allocate(0)));
        assertEquals(VectorType.of(ListType.frozen(NativeType.INT), 2), VectorType.of(ListType.of(NativeType.INT), 2));
    }
}
