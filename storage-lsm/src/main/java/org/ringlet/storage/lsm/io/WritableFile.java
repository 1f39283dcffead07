package org.ringlet.storage.lsm.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;

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

    /**
     * Maps {@code size} bytes of the file from {@code position} for writing, or returns null when this file cannot
     * be mapped (the caller then uses {@link #write}). Bytes put into the mapping are in the operating system's
     * cache at once (a killed process loses none of them); {@link MappedByteBuffer#force(int, int)} makes a range
     * durable. The mapping outlives {@link #close()}; release it with {@link Mappings#unmap} once no thread uses it.
     * The file must not be made shorter than the mapped range while it is mapped.
     */
    default MappedByteBuffer map(long position, int size) throws IOException {
        return null;
    }
}
