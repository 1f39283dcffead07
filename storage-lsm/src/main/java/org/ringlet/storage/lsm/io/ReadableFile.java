package org.ringlet.storage.lsm.io;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/** A file open for positional reads. Thread-safe. */
public interface ReadableFile extends Closeable {

    /** The size of the file. */
    long size() throws IOException;

    /**
     * Reads up to {@code dst.remaining()} bytes at {@code position}.
     *
     * @return the number of bytes read, -1 at the end of the file
     */
    int read(ByteBuffer dst, long position) throws IOException;

    /** Fills {@code dst} from {@code position}, failing at the end of the file. */
    default void readFully(ByteBuffer dst, long position) throws IOException {
        long pos = position;
        while (dst.hasRemaining()) {
            int n = read(dst, pos);
            if (n < 0) {
                throw new EOFException("end of file at " + pos + " with " + dst.remaining() + " bytes still wanted");
            }
            pos += n;
        }
    }
}
