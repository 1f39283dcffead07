package org.ringlet.api.types;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TupleAndUserTypeTest {
    private static final TupleType PAIR = TupleType.of(NativeType.INT, NativeType.TEXT);
    private static final UserType ADDRESS = UserType.of("ks", "Address", List.of("street", "zip"),
            List.of(NativeType.TEXT, NativeType.INT));

    private static ByteBuffer fields(ByteBuffer... values) {
        return CollectionCodec.packFields(Arrays.asList(values));
    }

    private static ByteBuffer i(int v) {
        return NativeType.INT.decompose(v);
    }

    /** Cassandra's tuple order: field by field, a null field before any value. */
    private static int tupleOrder(Integer a1, String a2, Integer b1, String b2) {
        int c = a1 == null ? (b1 == null ? 0 : -1) : b1 == null ? 1 : Integer.compare(a1, b1);
        if (c != 0) {
            return c;
        }
        if (a2 == null || b2 == null) {
            return a2 == null ? (b2 == null ? 0 : -1) : 1;
        }
        return NativeType.TEXT.compare(NativeType.TEXT.decompose(a2), NativeType.TEXT.decompose(b2));
    }

    @Property(tries = 500)
    void tuplesRoundTripAndOrderFieldWise(@ForAll Integer a1, @ForAll String a2, @ForAll Integer b1,
                                          @ForAll String b2, @ForAll boolean nullA, @ForAll boolean nullB) {
        Integer x1 = nullA ? null : a1;
        String y2 = nullB ? null : b2;
        ByteBuffer a = PAIR.decompose(Arrays.asList(x1, a2));
        ByteBuffer b = PAIR.decompose(Arrays.asList(b1, y2));
        PAIR.validate(a);
        assertEquals(Arrays.asList(x1, a2), PAIR.compose(a));
        assertEquals(Integer.signum(tupleOrder(x1, a2, b1, y2)), Integer.signum(PAIR.compare(a, b)));
        assertEquals(Integer.signum(tupleOrder(b1, y2, x1, a2)), Integer.signum(PAIR.compare(b, a)));
    }

    @Test
    void missingTrailingFieldsEqualNullOnes() {
        ByteBuffer shortForm = fields(i(1));
        ByteBuffer explicitNull = fields(i(1), null);
        assertEquals(0, PAIR.compare(shortForm, explicitNull));
        assertEquals(0, PAIR.compare(explicitNull, shortForm));
        assertTrue(PAIR.compare(shortForm, fields(i(1), NativeType.TEXT.decompose(""))) < 0);
        assertTrue(PAIR.compare(fields(i(1), NativeType.TEXT.decompose("a")), explicitNull) > 0);
        assertEquals(Arrays.asList(1, null), PAIR.compose(shortForm));
        // a UDT grows by adding fields: old values read with the new type compare equal to null-filled ones
        UserType grown = ADDRESS.withFields(List.of("street", "zip", "city"),
                List.of(NativeType.TEXT, NativeType.INT, NativeType.TEXT));
        ByteBuffer old = ADDRESS.decompose(List.of("main", 1));
        assertEquals(0, grown.compare(old, grown.decompose(Arrays.asList("main", 1, null))));
    }

    @Test
    void emptyValueSortsFirst() {
        ByteBuffer empty = ByteBuffer.allocate(0);
        assertTrue(PAIR.compare(empty, fields((ByteBuffer) null)) < 0);
        assertEquals(0, PAIR.compare(empty, ByteBuffer.allocate(0)));
        assertNull(PAIR.compose(empty));
        PAIR.validate(empty);
    }

    @Test
    void validation() {
        PAIR.validate(fields(i(1)));
        MarshalException e = assertThrows(MarshalException.class, () -> PAIR.validate(fields(i(1), i(2), i(3))));
        assertEquals("Invalid remaining data after end of tuple value", e.getMessage());
        assertThrows(MarshalException.class, () -> PAIR.validate(fields(ByteBuffer.allocate(3))), "int of 3 bytes");
        assertThrows(MarshalException.class, () -> PAIR.validate(ByteBuffer.wrap(new byte[] {0, 0, 0, 9, 1})));
        assertThrows(MarshalException.class, () -> PAIR.validate(ByteBuffer.wrap(new byte[] {0, 0})));
        assertThrows(MarshalException.class, () -> PAIR.decompose(List.of(1, "a", 2)));
        assertThrows(MarshalException.class, () -> PAIR.decompose("no"));
    }

    @Test
    void tuplesAreFrozenAndFreezeTheirFields() {
        TupleType t = TupleType.of(List.of(ListType.of(NativeType.INT), NativeType.TEXT));
        assertEquals("frozen<tuple<frozen<list<int>>, text>>", t.cqlName());
        assertFalse(t.isMultiCell());
        assertEquals(0x31, t.protocolTypeId());
        assertEquals(2, t.size());
        assertThrows(IllegalArgumentException.class, () -> TupleType.of(List.of()));
        assertEquals(t, TupleType.of(ListType.frozen(NativeType.INT), NativeType.TEXT));
    }

    @Test
    void userTypes() {
        assertEquals("\"Address\"", ADDRESS.cqlName());
        assertEquals("frozen<\"Address\">", ADDRESS.freeze().cqlName());
        assertTrue(ADDRESS.isMultiCell());
        assertEquals(NativeType.SMALLINT, ADDRESS.cellPathType());
        assertEquals(1, ADDRESS.fieldIndex("zip"));
        assertEquals(-1, ADDRESS.fieldIndex("nope"));
        assertEquals(0x30, ADDRESS.protocolTypeId());
        UserType lower = UserType.frozen("ks", "address", List.of("a"), List.of(SetType.of(NativeType.INT)));
        assertEquals("frozen<address>", lower.cqlName());
        assertEquals(SetType.frozen(NativeType.INT), lower.fieldTypes().get(0));
        assertThrows(IllegalArgumentException.class,
                () -> UserType.of("ks", "t", List.of("a", "b"), List.of(NativeType.INT)));
        ByteBuffer v = ADDRESS.decompose(new ArrayList<>(Arrays.asList(null, 5)));
        assertEquals(Arrays.asList(null, 5), ADDRESS.compose(v));
        assertTrue(ADDRESS.compare(v, ADDRESS.decompose(List.of("", 5))) < 0);
    }
}
