package org.ringlet.storage.lsm.sstable;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.ringlet.api.types.VInts;

/** A growable, reusable big-endian output buffer for serializing rows and index entries. Not thread-safe. */
final class OutputBuffer {
    private byte[] buf;
    private int pos;

    OutputBuffer(int initialCapacity) {
        this.buf = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int n) {
        if (buf.length - pos < n) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    void reset() {
        pos = 0;
    }

    int size() {
        return pos;
    }

    void writeByte(int b) {
        ensure(1);
        buf[pos++] = (byte) b;
    }

    void writeLong(long v) {
        ensure(8);
        for (int i = 7; i >= 0; i--) {
            buf[pos + i] = (byte) v;
            v >>>= 8;
        }
        pos += 8;
    }

    void writeUnsignedVInt(long value) {
        int size = VInts.sizeOfUnsigned(value);
        ensure(size);
        if (size == 1) {
            buf[pos++] = (byte) value;
            return;
        }
        int extra = size - 1;
        for (int i = size - 1; i >= 0; i--) {
            buf[pos + i] = (byte) value;
            value >>>= 8;
        }
        buf[pos] |= (byte) ~(0xff >> extra);
        pos += size;
    }

    void writeSignedVInt(long value) {
        writeUnsignedVInt(VInts.encodeZigZag(value));
    }

    /** Writes the remaining bytes of {@code b} (position unchanged). */
    void writeBytes(ByteBuffer b) {
        int n = b.remaining();
        ensure(n);
        b.duplicate().get(buf, pos, n);
        pos += n;
    }

    /** Writes {@code length} bytes of {@code b} from {@code offset}. */
    void writeBytes(byte[] b, int offset, int length) {
        ensure(length);
        System.arraycopy(b, offset, buf, pos, length);
        pos += length;
    }

    void writeBytes(OutputBuffer other) {
        ensure(other.pos);
        System.arraycopy(other.buf, 0, buf, pos, other.pos);
        pos += other.pos;
    }

    void writeWithVIntLength(ByteBuffer b) {
        writeUnsignedVInt(b.remaining());
        writeBytes(b);
    }

    void writeUtf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeUnsignedVInt(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    /** A view of the bytes written (valid until the next write or reset). */
    ByteBuffer view() {
        return ByteBuffer.wrap(buf, 0, pos);
    }
}
