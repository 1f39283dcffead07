package org.ringlet.transport.nativeproto.frame;

import java.nio.ByteBuffer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.ringlet.api.error.ProtocolException;

/**
 * LZ4 block compression as the native protocol uses it: raw LZ4 blocks (no frame format), the uncompressed length
 * carried outside the block — a 4-byte big-endian prefix in v3/v4 bodies, a 17-bit field in v5 segment headers.
 *
 * <p>Input from clients is untrusted. Decompression therefore uses lz4-java's pure-Java, bounds-checked decoder
 * (never the JNI or {@code Unsafe} ones), refuses a declared length that the compressed bytes could not possibly
 * produce before allocating anything, decompresses into a freshly zeroed array (so a malformed block can never
 * expose earlier memory), and requires the block to produce exactly the declared length.
 *
 * <p>Thread-safe and immutable; one instance per server.
 */
public final class Lz4 {
    /**
     * The most an LZ4 block can expand: each byte of a match length extension stands for up to 255 output bytes.
     * A declared length beyond this for the compressed size is a lie and is refused before allocating.
     */
    static final int MAX_EXPANSION = 255;
    private static final int EXPANSION_SLACK = 64;

    private final LZ4Compressor compressor = LZ4Factory.fastestJavaInstance().fastCompressor();
    private final LZ4SafeDecompressor decompressor = LZ4Factory.safeInstance().safeDecompressor();

    /** The largest block {@code length} bytes may compress to. */
    public int maxCompressedLength(int length) {
        return compressor.maxCompressedLength(length);
    }

    /**
     * Compresses the readable bytes of {@code in} (its indexes are not moved) and appends the block to {@code out},
     * which must have {@link #maxCompressedLength} writable bytes.
     *
     * @return the length of the block
     */
    public int compress(ByteBuf in, ByteBuf out) {
        ByteBuffer src = in.nioBuffer(in.readerIndex(), in.readableBytes());
        int max = maxCompressedLength(in.readableBytes());
        out.ensureWritable(max);
        ByteBuffer dest = out.nioBuffer(out.writerIndex(), max);
        int n = compressor.compress(src, src.position(), src.remaining(), dest, dest.position(), max);
        out.writerIndex(out.writerIndex() + n);
        return n;
    }

    /** Compresses the readable bytes of {@code in} into a new buffer holding just the block. */
    public ByteBuf compress(ByteBufAllocator alloc, ByteBuf in) {
        ByteBuf out = alloc.heapBuffer(maxCompressedLength(in.readableBytes()));
        try {
            compress(in, out);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /**
     * Decompresses the readable bytes of {@code block} (its indexes are not moved) into a new buffer of exactly
     * {@code uncompressedLength} bytes.
     *
     * @param what names the compressed unit in error messages ("body", "segment")
     * @throws ProtocolException when the block is malformed, claims an impossible length, or does not produce
     *                           exactly {@code uncompressedLength} bytes
     */
    public ByteBuf decompress(ByteBuf block, int uncompressedLength, String what) {
        int compressedLength = block.readableBytes();
        if (uncompressedLength < 0) {
            throw new ProtocolException("Invalid uncompressed length " + uncompressedLength + " of a compressed "
                    + what);
        }
        if (uncompressedLength > (long) compressedLength * MAX_EXPANSION + EXPANSION_SLACK) {
            throw new ProtocolException("Corrupt LZ4 " + what + ": " + compressedLength + " compressed bytes "
                    + "cannot hold the " + uncompressedLength + " bytes declared");
        }
        byte[] out = new byte[uncompressedLength];
        int n;
        try {
            ByteBuffer src = block.nioBuffer(block.readerIndex(), compressedLength);
            n = decompressor.decompress(src, src.position(), compressedLength, ByteBuffer.wrap(out), 0,
                    uncompressedLength);
        } catch (LZ4Exception | IndexOutOfBoundsException e) {
            throw new ProtocolException("Corrupt LZ4 " + what + " (" + compressedLength + " compressed bytes, "
                    + uncompressedLength + " declared): " + e.getMessage());
        }
        if (n != uncompressedLength) {
            throw new ProtocolException("Corrupt LZ4 " + what + ": it decompresses to " + n + " bytes, but "
                    + uncompressedLength + " were declared");
        }
        return Unpooled.wrappedBuffer(out);
    }
}
