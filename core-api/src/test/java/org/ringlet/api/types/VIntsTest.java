package org.ringlet.api.types;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VIntsTest {

    private static byte[] unsigned(long v) {
        ByteBuffer b = ByteBuffer.allocate(9);
        VInts.writeUnsigned(v, b);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    private static long readUnsigned(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        long v = VInts.readUnsigned(in);
        assertEquals(bytes.length, in.position(), "bytes consumed");
        return v;
    }

    @Property(tries = 2000)
    void unsignedRoundTripsAndHasItsSize(@ForAll long value) {
        byte[] b = unsigned(value);
        assertEquals(VInts.sizeOfUnsigned(value), b.length);
        assertEquals(value, readUnsigned(b));
    }

    @Property(tries = 2000)
    void signedRoundTrips(@ForAll long value) {
        ByteBuffer b = ByteBuffer.allocate(9);
        VInts.writeSigned(value, b);
        assertEquals(VInts.sizeOfSigned(value), b.position());
        b.flip();
        assertEquals(value, VInts.readSigned(b));
        assertEquals(0, b.remaining());
    }

    @Property
    void zigZagIsABijection(@ForAll long value) {
        assertEquals(value, VInts.decodeZigZag(VInts.encodeZigZag(value)));
    }

    @Test
    void zigZagMapsSmallMagnitudesToSmallNumbers() {
        assertEquals(0, VInts.encodeZigZag(0));
        assertEquals(1, VInts.encodeZigZag(-1));
        assertEquals(2, VInts.encodeZigZag(1));
        assertEquals(3, VInts.encodeZigZag(-2));
        assertEquals(-1L, VInts.encodeZigZag(Long.MIN_VALUE));
        assertEquals(-2L, VInts.encodeZigZag(Long.MAX_VALUE));
    }

    @Test
    void encodingMatchesCassandraByteForByte() {
        // the count of leading one bits of the first byte is the count of bytes that follow
        assertArrayEquals(new byte[] {0x00}, unsigned(0));
        assertArrayEquals(new byte[] {0x7f}, unsigned(127));
        assertArrayEquals(new byte[] {(byte) 0x80, (byte) 0x80}, unsigned(128));
        assertArrayEquals(new byte[] {(byte) 0xbf, (byte) 0xff}, unsigned(0x3fff));
        assertArrayEquals(new byte[] {(byte) 0xc0, 0x40, 0x00}, unsigned(0x4000));
        assertArrayEquals(new byte[] {(byte) 0xfd, 0, 0, 0, 0, 0, 0}, unsigned(1L << 48));
        assertArrayEquals(new byte[] {(byte) 0xfe, (byte) 0x80, 0, 0, 0, 0, 0, 0}, unsigned(1L << 55));
        assertArrayEquals(new byte[] {(byte) 0xff, 0x01, 0, 0, 0, 0, 0, 0, 0}, unsigned(1L << 56));
        assertArrayEquals(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}, unsigned(-1L));
    }

    @Test
    void nineByteValuesDecode() {
        // a first byte of 0xff means eight more bytes, all of them value
        assertEquals(1L << 56, readUnsigned(unsigned(1L << 56)));
        assertEquals(Long.MAX_VALUE, readUnsigned(unsigned(Long.MAX_VALUE)));
        assertEquals(Long.MIN_VALUE, readUnsigned(unsigned(Long.MIN_VALUE)));
        assertEquals(-1L, readUnsigned(unsigned(-1L)));
    }

    @Test
    void sizesStepEverySevenBits() {
        assertEquals(1, VInts.sizeOfUnsigned(0));
        assertEquals(1, VInts.sizeOfUnsigned(127));
        assertEquals(2, VInts.sizeOfUnsigned(128));
        assertEquals(8, VInts.sizeOfUnsigned((1L << 56) - 1));
        assertEquals(9, VInts.sizeOfUnsigned(1L << 56));
        assertEquals(9, VInts.sizeOfUnsigned(-1L));
        assertEquals(1, VInts.sizeOfSigned(-64));
        assertEquals(2, VInts.sizeOfSigned(64));
    }

    @Test
    void truncatedInputUnderflows() {
        byte[] full = unsigned(1L << 40);
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 1);
        assertThrows(BufferUnderflowException.class, () -> VInts.readUnsigned(ByteBuffer.wrap(cut)));
        assertThrows(BufferUnderflowException.class, () -> VInts.readUnsigned(ByteBuffer.wrap(new byte[] {(byte) 0xff})));
    }
}
