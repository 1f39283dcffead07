package org.ringlet.transport.nativeproto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Builds expected and input bytes by hand, spelling out the spec's notations one field at a time. Deliberately
 * independent of the production codecs.
 */
public final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static Bytes of() {
        return new Bytes();
    }

    /** Raw bytes, each int taken as one byte. */
    public Bytes raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    public Bytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** Hex digits, spaces allowed: {@code "84 00 00 05"}. */
    public Bytes hex(String hex) {
        return raw(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    /** {@code [byte]}. */
    public Bytes u8(int v) {
        out.write(v);
        return this;
    }

    /** {@code [short]}. */
    public Bytes u16(int v) {
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    /** {@code [int]}. */
    public Bytes i32(int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    /** {@code [long]}. */
    public Bytes i64(long v) {
        return i32((int) (v >>> 32)).i32((int) v);
    }

    /** {@code [string]}. */
    public Bytes string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return u16(b.length).raw(b);
    }

    /** {@code [long string]}. */
    public Bytes longString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return i32(b.length).raw(b);
    }

    /** {@code [string list]}. */
    public Bytes stringList(String... items) {
        u16(items.length);
        for (String s : items) {
            string(s);
        }
        return this;
    }

    /** {@code [short bytes]}. */
    public Bytes shortBytes(byte[] b) {
        return u16(b.length).raw(b);
    }

    /** {@code [bytes]}/{@code [value]}; null is length -1. */
    public Bytes bytes(byte[] b) {
        return b == null ? i32(-1) : i32(b.length).raw(b);
    }

    public byte[] build() {
        return out.toByteArray();
    }

    public int size() {
        return out.size();
    }

    /**
     * A whole frame: 9-byte header with the given version byte, flags, stream and opcode, then {@code body}.
     */
    public static byte[] frame(int versionByte, int flags, int stream, int opcode, byte[] body) {
        return Bytes.of().u8(versionByte).u8(flags).u16(stream).u8(opcode).i32(body.length).raw(body).build();
    }

    /** A v4 request frame. */
    public static byte[] request(int stream, int opcode, byte[] body) {
        return frame(0x04, 0, stream, opcode, body);
    }

    /** A v4 response frame. */
    public static byte[] response(int flags, int stream, int opcode, byte[] body) {
        return frame(0x84, flags, stream, opcode, body);
    }

    /**
     * A protocol v5 segment around {@code payload}: 3-byte little-endian header, its CRC24, the payload, its
     * CRC32 (little-endian). The checksums come from {@code Crc}, which its own test checks against a driver's.
     */
    public static byte[] segment(byte[] payload, boolean selfContained) {
        int header = payload.length | (selfContained ? 1 << 17 : 0);
        int headerCrc = org.ringlet.transport.nativeproto.frame.Crc.crc24(header, 3);
        int payloadCrc = org.ringlet.transport.nativeproto.frame.Crc.crc32(
                io.netty.buffer.Unpooled.wrappedBuffer(payload));
        return Bytes.of().u8(header).u8(header >>> 8).u8(header >>> 16)
                .u8(headerCrc).u8(headerCrc >>> 8).u8(headerCrc >>> 16)
                .raw(payload)
                .u8(payloadCrc).u8(payloadCrc >>> 8).u8(payloadCrc >>> 16).u8(payloadCrc >>> 24).build();
    }

    /**
     * A protocol v5 segment in the LZ4 format: 5-byte little-endian header (payload length, uncompressed length,
     * self-contained bit), its CRC24, the payload, its CRC32. {@code compressed} says whether the payload is
     * LZ4-compressed (with lz4-java directly) or sent as it is with an uncompressed length of 0.
     */
    public static byte[] compressedSegment(byte[] data, boolean selfContained, boolean compressed) {
        byte[] payload = compressed ? lz4Block(data) : data;
        long header = payload.length | (long) (compressed ? data.length : 0) << 17 | (selfContained ? 1L << 34 : 0);
        int headerCrc = org.ringlet.transport.nativeproto.frame.Crc.crc24(header, 5);
        int payloadCrc = org.ringlet.transport.nativeproto.frame.Crc.crc32(
                io.netty.buffer.Unpooled.wrappedBuffer(payload));
        Bytes b = Bytes.of();
        for (int i = 0; i < 5; i++) {
            b.u8((int) (header >>> 8 * i));
        }
        return b.u8(headerCrc).u8(headerCrc >>> 8).u8(headerCrc >>> 16)
                .raw(payload)
                .u8(payloadCrc).u8(payloadCrc >>> 8).u8(payloadCrc >>> 16).u8(payloadCrc >>> 24).build();
    }

    /** A raw LZ4 block of {@code data}, made with lz4-java directly. */
    public static byte[] lz4Block(byte[] data) {
        return net.jpountz.lz4.LZ4Factory.safeInstance().fastCompressor().compress(data);
    }

    /** A v3/v4 compressed body: the uncompressed length as a big-endian int, then the LZ4 block. */
    public static byte[] lz4Body(byte[] data) {
        return Bytes.of().i32(data.length).raw(lz4Block(data)).build();
    }

    /** Decompresses a v3/v4 compressed body with lz4-java directly. */
    public static byte[] unLz4Body(byte[] body) {
        int n = java.nio.ByteBuffer.wrap(body).getInt();
        return net.jpountz.lz4.LZ4Factory.safeInstance().fastDecompressor().decompress(body, 4, n);
    }

    public static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }
}
