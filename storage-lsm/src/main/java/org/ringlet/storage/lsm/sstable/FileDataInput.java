package org.ringlet.storage.lsm.sstable;

import java.nio.ByteBuffer;

/**
 * A cursor over the uncompressed stream of a {@link ChunkedFile}. Values read with {@link #readBytes} are
 * slices of cached chunks (or copies when they span two), valid as long as they are referenced. Not
 * thread-safe; cheap to create.
 */
final class FileDataInput {
    private final ChunkedFile file;
    private ByteBuffer buf;
    private long bufStart;

    FileDataInput(ChunkedFile file) {
        this.file = file;
    }

    /**
     * A new cursor at this one's position that shares its current chunk, so reading on from here needs no cache
     * lookup.
     */
    FileDataInput fork() {
        FileDataInput f = new FileDataInput(file);
        f.buf = buf == null ? null : buf.duplicate();
        f.bufStart = bufStart;
        return f;
    }

    long length() {
        return file.length();
    }

    long position() {
        return buf == null ? bufStart : bufStart + buf.position();
    }

    boolean isEOF() {
        return position() >= file.length();
    }

    void seek(long pos) {
        if (pos < 0 || pos > file.length()) {
            throw new CorruptSSTableException(file.path(), "position " + pos + " outside [0, " + file.length() + "]");
        }
        if (buf != null && pos >= bufStart && pos < bufStart + buf.limit()) {
            buf.position((int) (pos - bufStart));
            return;
        }
        int chunk = (int) (pos / file.chunkLength());
        if (pos == file.length()) {
            buf = null;
            bufStart = pos;
            return;
        }
        buf = file.chunk(chunk);
        bufStart = (long) chunk * file.chunkLength();
        buf.position((int) (pos - bufStart));
    }

    private ByteBuffer current() {
        if (buf == null || !buf.hasRemaining()) {
            long pos = position();
            if (pos >= file.length()) {
                throw new CorruptSSTableException(file.path(), "unexpected end of data at " + pos);
            }
            seek(pos);
        }
        return buf;
    }

    int readUnsignedByte() {
        return current().get() & 0xff;
    }

    long readLong() {
        ByteBuffer b = current();
        if (b.remaining() >= 8) {
            return b.getLong();
        }
        return readBytes(8).getLong(0);
    }

    int readInt() {
        ByteBuffer b = current();
        if (b.remaining() >= 4) {
            return b.getInt();
        }
        return readBytes(4).getInt(0);
    }

    long readUnsignedVInt() {
        int first = readUnsignedByte();
        if (first < 0x80) {
            return first;
        }
        int extra = Integer.numberOfLeadingZeros(~(first << 24));
        long value = first & (0xff >> extra);
        for (int i = 0; i < extra; i++) {
            value = (value << 8) | readUnsignedByte();
        }
        return value;
    }

    /** The next {@code n} bytes: a slice when they are within one chunk, else a copy. */
    ByteBuffer readBytes(int n) {
        if (n < 0) {
            throw new CorruptSSTableException(file.path(), "negative length " + n + " at " + position());
        }
        if (n == 0) {
            return ByteBuffer.allocate(0);
        }
        ByteBuffer b = current();
        if (b.remaining() >= n) {
            ByteBuffer out = b.slice(b.position(), n);
            b.position(b.position() + n);
            return out;
        }
        if (position() + n > file.length()) {
            throw new CorruptSSTableException(file.path(), "length " + n + " at " + position() + " runs past the end");
        }
        ByteBuffer out = ByteBuffer.allocate(n);
        while (out.hasRemaining()) {
            ByteBuffer c = current();
            int k = Math.min(c.remaining(), out.remaining());
            out.put(c.slice(c.position(), k));
            c.position(c.position() + k);
        }
        return out.flip();
    }

    void skip(long n) {
        seek(position() + n);
    }

    /**
     * Consumes the next {@code n} bytes and says whether they equal {@code key}'s remaining bytes; compares them in
     * place when they are within one chunk (no slice per comparison: the index scan of a point read compares up to
     * a summary interval of keys).
     */
    boolean nextBytesEqual(int n, ByteBuffer key) {
        if (n < 0) {
            throw new CorruptSSTableException(file.path(), "negative length " + n + " at " + position());
        }
        if (n != key.remaining()) {
            skip(n);
            return false;
        }
        if (n == 0) {
            return true;
        }
        ByteBuffer b = current();
        if (b.remaining() < n) {
            return readBytes(n).equals(key);
        }
        int p = b.position();
        int k = key.position();
        boolean equal = true;
        for (int i = 0; i < n; i++) {
            if (b.get(p + i) != key.get(k + i)) {
                equal = false;
                break;
            }
        }
        b.position(p + n);
        return equal;
    }
}
