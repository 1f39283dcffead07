package org.ringlet.storage.lsm.sstable;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.ringlet.storage.lsm.io.FileSystem;
import org.ringlet.storage.lsm.io.ReadableFile;

/**
 * Reads a chunked file written by {@link ChunkedWriter}: each chunk is read, checked against its CRC32C,
 * decompressed and cached in the shared {@link ChunkCache}. A chunk that fails its check raises
 * {@link CorruptSSTableException}; its bytes are never returned. Thread-safe.
 */
final class ChunkedFile implements Closeable {
    private final LZ4SafeDecompressor decompressor = LZ4Factory.fastestInstance().safeDecompressor();
    private final Path path;
    private final ReadableFile file;
    private final long fileId;
    private final ChunkCache cache;
    private final int chunkLength;
    private final long length;
    private final long[] offsets;
    private final long onDiskSize;

    private ChunkedFile(Path path, ReadableFile file, long fileId, ChunkCache cache, int chunkLength, long length,
                        long[] offsets, long onDiskSize) {
        this.path = path;
        this.file = file;
        this.fileId = fileId;
        this.cache = cache;
        this.chunkLength = chunkLength;
        this.length = length;
        this.offsets = offsets;
        this.onDiskSize = onDiskSize;
    }

    /** Opens a chunked file and checks its header and footer. */
    static ChunkedFile open(FileSystem fs, Path path, int magic, long fileId, ChunkCache cache) throws IOException {
        ReadableFile f = fs.openForRead(path);
        try {
            long size = f.size();
            if (size < SSTableFormat.HEADER_SIZE + 12) {
                throw new CorruptSSTableException(path, "truncated: " + size + " bytes");
            }
            ByteBuffer header = ByteBuffer.allocate(SSTableFormat.HEADER_SIZE);
            f.readFully(header, 0);
            if (header.getInt(0) != magic) {
                throw new CorruptSSTableException(path, "bad magic 0x" + Integer.toHexString(header.getInt(0)));
            }
            int version = header.getShort(4) & 0xffff;
            if (version != SSTableFormat.VERSION) {
                throw new CorruptSSTableException(path, "unsupported format version " + version);
            }
            ByteBuffer trailer = ByteBuffer.allocate(12);
            f.readFully(trailer, size - 12);
            long footerStart = trailer.getLong(0);
            if (trailer.getInt(8) != SSTableFormat.MAGIC_END || footerStart < SSTableFormat.HEADER_SIZE
                    || footerStart > size - 12 - 20) {
                throw new CorruptSSTableException(path, "bad trailer (truncated or not finished)");
            }
            ByteBuffer footer = ByteBuffer.allocate((int) (size - 12 - footerStart));
            f.readFully(footer, footerStart);
            footer.flip();
            int crcAt = footer.limit() - 4;
            CRC32C crc = new CRC32C();
            crc.update(footer.array(), 0, crcAt);
            if ((int) crc.getValue() != footer.getInt(crcAt)) {
                throw new CorruptSSTableException(path, "footer checksum mismatch");
            }
            int chunkLength = footer.getInt();
            long length = footer.getLong();
            int count = footer.getInt();
            if (chunkLength <= 0 || count < 0 || 16 + 8L * (count + 1) != crcAt
                    || (long) count * chunkLength < length || (count > 0 && (long) (count - 1) * chunkLength >= length)) {
                throw new CorruptSSTableException(path, "inconsistent footer");
            }
            long[] offsets = new long[count + 1];
            for (int i = 0; i <= count; i++) {
                offsets[i] = footer.getLong();
            }
            return new ChunkedFile(path, f, fileId, cache, chunkLength, length, offsets, size);
        } catch (IOException | RuntimeException e) {
            f.close();
            throw e;
        }
    }

    Path path() {
        return path;
    }

    /** The uncompressed length. */
    long length() {
        return length;
    }

    int chunkLength() {
        return chunkLength;
    }

    long onDiskSize() {
        return onDiskSize;
    }

    int chunkCount() {
        return offsets.length - 1;
    }

    /** The decompressed chunk holding uncompressed position {@code chunk * chunkLength}; read-only. */
    ByteBuffer chunk(int chunk) {
        if (chunk < 0 || chunk >= chunkCount()) {
            throw new CorruptSSTableException(path, "chunk " + chunk + " out of range (" + chunkCount() + ")");
        }
        return cache.get(fileId, chunk, this::load).duplicate();
    }

    private ByteBuffer load(int chunk) {
        long start = offsets[chunk];
        int compressedLength = (int) (offsets[chunk + 1] - start - 4);
        int uncompressed = (int) Math.min(chunkLength, length - (long) chunk * chunkLength);
        if (compressedLength < 0) {
            throw new CorruptSSTableException(path, "bad length of chunk " + chunk);
        }
        ByteBuffer in = ByteBuffer.allocate(compressedLength + 4);
        try {
            file.readFully(in, start);
        } catch (IOException e) {
            throw new UncheckedIOException("reading chunk " + chunk + " of " + path, e);
        }
        CRC32C crc = new CRC32C();
        crc.update(in.array(), 0, compressedLength);
        if ((int) crc.getValue() != in.getInt(compressedLength)) {
            throw new CorruptSSTableException(path, "checksum mismatch in chunk " + chunk + " at offset " + start);
        }
        ByteBuffer out = ByteBuffer.allocate(uncompressed);
        try {
            int n = decompressor.decompress(in, 0, compressedLength, out, 0, uncompressed);
            if (n != uncompressed) {
                throw new CorruptSSTableException(path, "chunk " + chunk + " decompressed to " + n + " bytes, expected "
                        + uncompressed);
            }
        } catch (LZ4Exception e) {
            throw new CorruptSSTableException(path, "chunk " + chunk + " does not decompress", e);
        }
        return out.asReadOnlyBuffer();
    }

    @Override
    public void close() throws IOException {
        cache.invalidate(fileId, chunkCount());
        file.close();
    }
}
