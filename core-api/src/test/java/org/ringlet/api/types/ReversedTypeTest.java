package org.ringlet.api.types;

import java.nio.ByteBuffer;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReversedTypeTest {
    private static final CqlType DESC_INT = ReversedType.of(NativeType.INT);

    @Property(tries = 300)
    void ordersOppositeToItsBase(@ForAll int a, @ForAll int b) {
        ByteBuffer x = NativeType.INT.decompose(a);
        ByteBuffer y = NativeType.INT.decompose(b);
        assertEquals(Integer.signum(Integer.compare(b, a)), Integer.signum(DESC_INT.compare(x, y)));
    }

    @Test
    void emptySortsLastWhenReversed() {
        assertTrue(DESC_INT.compare(ByteBuffer.allocate(0), NativeType.INT.decompose(1)) > 0);
    }

    @Test
    void everythingButTheOrderIsTheBase() {
        assertTrue(DESC_INT.isReversed());
        assertFalse(NativeType.INT.isReversed());
        assertSame(NativeType.INT, DESC_INT.unwrap());
        assertSame(NativeType.INT, ReversedType.of(DESC_INT), "reversing twice gives the base back");
        assertEquals("int", DESC_INT.cqlName());
        assertEquals(NativeType.INT.protocolTypeId(), DESC_INT.protocolTypeId());
        assertEquals(4, DESC_INT.fixedLength());
        assertEquals(7, DESC_INT.compose(DESC_INT.decompose(7)));
        assertThrows(MarshalException.class, () -> DESC_INT.validate(ByteBuffer.allocate(2)));
        assertEquals(ReversedType.of(NativeType.INT), DESC_INT);
        assertNotEquals(NativeType.INT, DESC_INT);
        assertEquals(List.of(NativeType.INT), ReversedType.of(ListType.frozen(NativeType.INT)).subTypes());
    }
}
