package org.ringlet.storage.lsm.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/** Appends to a new file through a buffer. Not thread-safe. */
public final class SequentialWriter implements Closeable {
    private final WritableFile file;
    private final Path path;
    private final ByteBuffer buffer;
    private long flushed;

    public SequentialWriter(WritableFile file, Path path, int bufferSize) {
        this.file = requireNonNull(file, "file is null");
        this.path = requireNonNull(path, "path is null");
        this.buffer = ByteBuffer.allocate(bufferSize);
    }

    /** Creates {@code path} and opens a writer on it. */
    public static SequentialWriter create(FileSystem fs, Path path) throws IOException {
        return new SequentialWriter(fs.create(path), path, 64 * 1024);
    }

    public Path path() {
        return path;
    }

    /** Bytes written so far (buffered ones included). */
    public long position() {
        return flushed + buffer.position();
    }

    /** Appends the remaining bytes of {@code src} (its position is not changed). */
    public void write(ByteBuffer src) throws IOException {
        ByteBuffer b = src.duplicate();
        while (b.hasRemaining()) {
            if (!buffer.hasRemaining()) {
                flush();
            }
            if (buffer.position() == 0 && b.remaining() >= buffer.capacity()) {
                long pos = flushed;
                int n = b.remaining();
                file.write(b, pos);
                flushed += n;
                return;
            }
            int n = Math.min(buffer.remaining(), b.remaining());
            ByteBuffer part = b.slice(b.position(), n);
            buffer.put(part);
            b.position(b.position() + n);
        }
    }

    public void write(byte[] bytes) throws IOException {
        write(ByteBuffer.wrap(bytes));
    }

    public void writeInt(int v) throws IOException {
        if (buffer.remaining() < 4) {
            flush();
        }
        buffer.putInt(v);
    }

    public void writeLong(long v) throws IOException {
        if (buffer.remaining() < 8) {
            flush();
        }
        buffer.putLong(v);
    }

    /** Writes the buffered bytes to the file. */
    public void flush() throws IOException {
        if (buffer.position() > 0) {
            buffer.flip();
            int n = buffer.remaining();
            file.write(buffer, flushed);
            flushed += n;
            buffer.clear();
        }
    }

    /** Flushes and makes the file durable. */
    public void sync() throws IOException {
        flush();
        file.sync();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    /**
     * Writes a small file durably and atomically: to a temporary name, synced, renamed over {@code target},
     * then the directory synced.
     */
    public static void writeAtomically(FileSystem fs, Path target, ByteBuffer content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        fs.deleteIfExists(tmp);
        try (WritableFile f = fs.create(tmp)) {
            f.write(content.duplicate(), 0);
            f.sync();
        }
        fs.rename(tmp, target);
        fs.syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Reads a whole (small) file. */
    public static ByteBuffer readAll(FileSystem fs, Path file) throws IOException {
        try (ReadableFile f = fs.openForRead(file)) {
            long size = f.size();
            if (size > Integer.MAX_VALUE) {
                throw new IOException(file + " is too large to read at once: " + size);
            }
            ByteBuffer b = ByteBuffer.allocate((int) size);
            f.readFully(b, 0);
            return b.flip();
        }
    }
}
