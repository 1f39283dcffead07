package org.ringlet.storage.lsm.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/** A file open for writing. Positional writes from several threads are allowed; {@link #sync()} too. */
public interface WritableFile extends Closeable {

    /** Writes all remaining bytes of {@code src} at {@code position}, advancing {@code src}'s position. */
    void write(ByteBuffer src, long position) throws IOException;

    /** Makes everything written so far durable (fdatasync). */
    void sync() throws IOException;

    /** The current size of the file. */
    long size() throws IOException;

    /** Cuts or extends (with zeros) the file to {@code size} bytes. */
    void truncate(long size) throws IOException;
}
