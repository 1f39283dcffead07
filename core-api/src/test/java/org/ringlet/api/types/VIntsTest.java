package org.ringlet.api.types;

import java.nio.ByteBuffer;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VIntsTest {

    @Property(tries = 5000)
    void unsignedAndSignedRoundTrip(@ForAll long value) {
        ByteBuffer b = ByteBuffer.allocate(9);
        VInts.writeUnsigned(value, b);
        assertEquals(VInts.sizeOfUnsigned(value), b.position());
        b.flip();
        assertEquals(value, VInts.readUnsigned(b));
        b.clear();
        VInts.writeSigned(value, b);
        b.flip();
        assertEquals(value, VInts.readSigned(b));
    }

    @Test
    void nineByteValuesDecode() {
        for (long v : new long[] {-1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 56, (1L << 56) - 1}) {
            ByteBuffer b = ByteBuffer.allocate(9);
            VInts.writeUnsigned(v, b);
            b.flip();
            assertEquals(v, VInts.readUnsigned(b), "value " + v);
            assertEquals(0, b.remaining());
        }
    }
}
