package org.ringlet.api.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.ringlet.api.types.VInts;

/**
 * A growable big-endian byte buffer for serializers. Not thread-safe.
 */
public final class ByteOutput {
    private ByteBuffer buf;

    public ByteOutput(int initialCapacity) {
        this.buf = ByteBuffer.allocate(Math.max(16, initialCapacity));
    }

    private void ensure(int n) {
        if (buf.remaining() < n) {
            int cap = Math.max(buf.capacity() * 2, buf.position() + n);
            ByteBuffer bigger = ByteBuffer.allocate(cap);
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
    }

    public ByteOutput writeByte(int b) {
        ensure(1);
        buf.put((byte) b);
        return this;
    }

    public ByteOutput writeShort(int v) {
        ensure(2);
        buf.putShort((short) v);
        return this;
    }

    public ByteOutput writeInt(int v) {
        ensure(4);
        buf.putInt(v);
        return this;
    }

    public ByteOutput writeLong(long v) {
        ensure(8);
        buf.putLong(v);
        return this;
    }

    public ByteOutput writeUnsignedVInt(long v) {
        ensure(9);
        VInts.writeUnsigned(v, buf);
        return this;
    }

    public ByteOutput writeSignedVInt(long v) {
        ensure(9);
        VInts.writeSigned(v, buf);
        return this;
    }

    /** Writes the remaining bytes of {@code b} (position unchanged). */
    public ByteOutput writeBytes(ByteBuffer b) {
        ensure(b.remaining());
        buf.put(b.duplicate());
        return this;
    }

    public ByteOutput writeBytes(byte[] b) {
        ensure(b.length);
        buf.put(b);
        return this;
    }

    /** An unsigned vint length, then the bytes. */
    public ByteOutput writeWithVIntLength(ByteBuffer b) {
        writeUnsignedVInt(b.remaining());
        return writeBytes(b);
    }

    /** A UTF-8 string with an unsigned vint length. */
    public ByteOutput writeUtf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeUnsignedVInt(b.length);
        return writeBytes(b);
    }

    /** Bytes written so far. */
    public int position() {
        return buf.position();
    }

    /** The bytes written, as a new buffer positioned at 0. */
    public ByteBuffer toByteBuffer() {
        ByteBuffer out = buf.duplicate();
        out.flip();
        return out.slice();
    }
}
