package org.ringlet.transport.nativeproto.frame;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

import io.netty.buffer.ByteBuf;

/**
 * The checksums of protocol v5 segments: a CRC24 over the 3-byte segment header and a CRC32 over the payload.
 * The CRC32 is zlib's, primed with the four bytes {@code FA 2D 55 CA} before the payload — the spec does not say
 * so, but Cassandra and every driver do it, so it is part of the wire format.
 */
public final class Crc {
    private static final int CRC24_INIT = 0x875060;
    private static final int CRC24_POLY = 0x1974F0B;

    private Crc() {
    }

    /**
     * CRC24 of the {@code length} low bytes of {@code data}, fed least significant byte first (the order the
     * header is written in).
     */
    public static int crc24(long data, int length) {
        int crc = CRC24_INIT;
        long rest = data;
        for (int i = 0; i < length; i++) {
            crc ^= (int) (rest & 0xff) << 16;
            rest >>>= 8;
            for (int bit = 0; bit < 8; bit++) {
                crc <<= 1;
                if ((crc & 0x1000000) != 0) {
                    crc ^= CRC24_POLY;
                }
            }
        }
        return crc;
    }

    /** The primed CRC32 of the readable bytes of {@code payload} (its indexes are not moved). */
    public static int crc32(ByteBuf payload) {
        CRC32 crc = new CRC32();
        crc.update(0xFA);
        crc.update(0x2D);
        crc.update(0x55);
        crc.update(0xCA);
        for (ByteBuffer b : payload.nioBuffers(payload.readerIndex(), payload.readableBytes())) {
            crc.update(b);
        }
        return (int) crc.getValue();
    }
}
