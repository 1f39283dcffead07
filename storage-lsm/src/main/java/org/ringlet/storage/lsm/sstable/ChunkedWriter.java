package org.ringlet.storage.lsm.sstable;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import org.ringlet.storage.lsm.io.FileSystem;
import org.ringlet.storage.lsm.io.SequentialWriter;

/**
 * Writes a chunked file (Data.db, Index.db): a header, then the stream cut into chunks of a fixed uncompressed
 * length, each LZ4-compressed and followed by the CRC32C of its compressed bytes, then a footer with the chunk
 * offsets and a trailer pointing at it. Positions callers see are positions in the uncompressed stream. Not
 * thread-safe.
 */
final class ChunkedWriter implements Closeable {
    private final LZ4Compressor compressor = LZ4Factory.fastestInstance().fastCompressor();
    private final SequentialWriter out;
    private final ByteBuffer chunk;
    private ByteBuffer compressed;
    private long[] offsets = new long[64];
    private int chunkCount;
    private long position;

    ChunkedWriter(FileSystem fs, Path path, int magic, int chunkLength) throws IOException {
        this.out = SequentialWriter.create(fs, path);
        this.chunk = ByteBuffer.allocate(chunkLength);
        this.compressed = ByteBuffer.allocate(compressor.maxCompressedLength(chunkLength) + 4);
        ByteBuffer header = ByteBuffer.allocate(SSTableFormat.HEADER_SIZE);
        header.putInt(magic).putShort((short) SSTableFormat.VERSION).putShort((short) 0).flip();
        out.write(header);
    }

    /** The uncompressed position (bytes written so far). */
    long position() {
        return position;
    }

    /** Appends the remaining bytes of {@code src} (its position is not changed). */
    void write(ByteBuffer src) throws IOException {
        ByteBuffer b = src.duplicate();
        while (b.hasRemaining()) {
            int n = Math.min(chunk.remaining(), b.remaining());
            chunk.put(b.slice(b.position(), n));
            b.position(b.position() + n);
            position += n;
            if (!chunk.hasRemaining()) {
                flushChunk();
            }
        }
    }

    private void flushChunk() throws IOException {
        chunk.flip();
        int len = chunk.remaining();
        if (chunkCount + 1 >= offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        offsets[chunkCount++] = out.position();
        int n = compressor.compress(chunk, 0, len, compressed, 0, compressed.capacity() - 4);
        CRC32C crc = new CRC32C();
        crc.update(compressed.array(), 0, n);
        compressed.clear();
        compressed.position(n);
        compressed.putInt((int) crc.getValue());
        compressed.flip();
        out.write(compressed);
        compressed.clear();
        chunk.clear();
    }

    /** Writes the last chunk, the footer and the trailer, and syncs. Returns the file size. */
    long finish() throws IOException {
        if (chunk.position() > 0) {
            flushChunk();
        }
        offsets[chunkCount] = out.position();
        long footerStart = out.position();
        ByteBuffer footer = ByteBuffer.allocate(16 + 8 * (chunkCount + 1) + 4 + 12);
        footer.putInt(chunk.capacity()).putLong(position).putInt(chunkCount);
        for (int i = 0; i <= chunkCount; i++) {
            footer.putLong(offsets[i]);
        }
        CRC32C crc = new CRC32C();
        crc.update(footer.array(), 0, footer.position());
        footer.putInt((int) crc.getValue());
        footer.putLong(footerStart).putInt(SSTableFormat.MAGIC_END);
        footer.flip();
        out.write(footer);
        out.sync();
        return out.position();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
