package org.ringlet.transport.nativeproto.server;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;
import org.ringlet.transport.nativeproto.Bytes;
import org.ringlet.transport.nativeproto.frame.Crc;
import org.ringlet.transport.nativeproto.frame.EnvelopeHeader;
import org.ringlet.transport.nativeproto.server.EmbeddedServer.Client;
import org.ringlet.transport.nativeproto.server.EmbeddedServer.Frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LZ4 negotiated in STARTUP, through the whole pipeline byte at a time: v3/v4 compress bodies (4-byte length and
 * an LZ4 block, flag 0x01), v5 switches to compressed segments. Compressed input is made with lz4-java directly.
 */
class CompressionPipelineTest {
    private static final Map<String, String> LZ4 = Map.of("CQL_VERSION", "3.0.0", "COMPRESSION", "lz4");

    private static byte[] queryBody(String cql) {
        return Bytes.of().longString(cql).u16(0x0001).u8(0).build();
    }

    private static Frame single(List<Frame> frames) {
        assertEquals(1, frames.size(), frames.toString());
        return frames.get(0);
    }

    @Test
    void v4CompressesBodiesAfterReady() {
        EmbeddedServer server = new EmbeddedServer();
        Client c = server.connect();
        Frame ready = single(c.startup(LZ4));
        assertEquals(0x02, ready.opcode());
        assertEquals(0, ready.flags() & EnvelopeHeader.FLAG_COMPRESSED, "READY itself is not compressed");
        assertTrue(c.channel.pipeline().names().contains(NativePipelineInitializer.BODY_COMPRESSION));

        String cql = "SELECT * FROM ks.t WHERE k = 'é' -- " + "padding ".repeat(40);
        Frame result = single(c.send(Bytes.frame(0x04, EnvelopeHeader.FLAG_COMPRESSED, 7, 0x07,
                Bytes.lz4Body(queryBody(cql)))));
        assertEquals(cql, server.handler.calls.get(0).query());
        assertEquals(7, result.stream());
        assertEquals(EnvelopeHeader.FLAG_COMPRESSED, result.flags() & EnvelopeHeader.FLAG_COMPRESSED);
        assertArrayEquals(Bytes.of().i32(1).build(), Bytes.unLz4Body(result.body()), "RESULT Void, compressed");
    }

    @Test
    void v4AcceptsUncompressedHeartbeatsAndAnswersThemCompressed() {
        Client c = new EmbeddedServer().connect();
        c.startup(LZ4);
        // Drivers never compress OPTIONS, their heartbeat.
        Frame supported = single(c.send(Bytes.request(3, 0x05, new byte[0])));
        assertEquals(0x06, supported.opcode());
        ByteBuffer body = ByteBuffer.wrap(Bytes.unLz4Body(supported.body()));
        assertEquals(3, body.getShort(), "three options");
    }

    @Test
    void v3CompressesToo() {
        EmbeddedServer server = new EmbeddedServer();
        Client c = server.connect();
        c.send(Bytes.frame(0x03, 0, 0, 0x01, Bytes.of().u16(2).string("CQL_VERSION").string("3.0.0")
                .string("COMPRESSION").string("lz4").build()));
        Frame result = single(c.send(Bytes.frame(0x03, EnvelopeHeader.FLAG_COMPRESSED, 2, 0x07,
                Bytes.lz4Body(queryBody("SELECT 1")))));
        assertEquals(0x83, result.version());
        assertArrayEquals(Bytes.of().i32(1).build(), Bytes.unLz4Body(result.body()));
    }

    @Test
    void anEmptyBodyCompressesToOneTokenAndBack() {
        EmbeddedServer server = new EmbeddedServer();
        Client c = server.connect();
        c.startup(LZ4);
        // OPTIONS with a compressed empty body, as a driver that compresses everything would send it.
        Frame f = single(c.send(Bytes.frame(0x04, EnvelopeHeader.FLAG_COMPRESSED, 4, 0x05,
                Bytes.lz4Body(new byte[0]))));
        assertEquals(0x06, f.opcode());
    }

    @Test
    void aCorruptCompressedBodyIsAProtocolErrorOnItsStreamAndTheConnectionGoesOn() {
        EmbeddedServer server = new EmbeddedServer();
        Client c = server.connect();
        c.startup(LZ4);
        Frame bad = single(c.send(Bytes.frame(0x04, EnvelopeHeader.FLAG_COMPRESSED, 9, 0x07,
                Bytes.of().i32(50).raw(0xF0, 1, 2).build())));
        assertError(bad, 9, 0x0A, "Corrupt LZ4 body");

        Frame lie = single(c.send(Bytes.frame(0x04, EnvelopeHeader.FLAG_COMPRESSED, 10, 0x07,
                Bytes.of().i32(1_000_000).raw(0x10, 'a').build())));
        assertError(lie, 10, 0x0A, "cannot hold the 1000000 bytes declared");

        Frame huge = single(c.send(Bytes.frame(0x04, EnvelopeHeader.FLAG_COMPRESSED, 11, 0x07,
                Bytes.of().i32(Integer.MAX_VALUE).raw(0x10, 'a').build())));
        assertError(huge, 11, 0x2200, "Request is too big");

        Frame shortBody = single(c.send(Bytes.frame(0x04, EnvelopeHeader.FLAG_COMPRESSED, 12, 0x07,
                new byte[] {0, 0})));
        assertError(shortBody, 12, 0x0A, "must start with its 4-byte uncompressed length");

        assertEquals(0x08, single(c.send(Bytes.frame(0x04, EnvelopeHeader.FLAG_COMPRESSED, 13, 0x07,
                Bytes.lz4Body(queryBody("SELECT 2"))))).opcode(), "the connection survived");
        assertTrue(c.isOpen());
    }

    @Test
    void v5SwitchesToCompressedSegments() {
        EmbeddedServer server = new EmbeddedServer();
        Client c = server.connect();
        byte[] startup = Bytes.frame(0x05, 0, 2, 0x01, Bytes.of().u16(2).string("CQL_VERSION").string("3.0.0")
                .string("COMPRESSION").string("lz4").build());
        assertArrayEquals(Bytes.frame(0x85, 0, 2, 0x02, new byte[0]), c.sendRaw(startup), "a plain READY");
        assertFalse(c.channel.pipeline().names().contains(NativePipelineInitializer.BODY_COMPRESSION));

        String cql = "SELECT " + "v, ".repeat(100) + "k FROM ks.t";
        byte[] query = Bytes.frame(0x05, 0, 3, 0x07, Bytes.of().longString(cql).u16(1).i32(0).build());
        byte[] out = c.sendRaw(Bytes.compressedSegment(query, true, true));
        assertEquals(cql, server.handler.calls.get(0).query());

        // The answer is one LZ4-format segment (too small to compress: stored, uncompressed length 0).
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        long header = (b.getInt() & 0xFFFFFFFFL) | (long) (b.get() & 0xFF) << 32;
        int crc24 = (b.get() & 0xFF) | (b.get() & 0xFF) << 8 | (b.get() & 0xFF) << 16;
        assertEquals(Crc.crc24(header, 5), crc24);
        int length = (int) (header & 0x1FFFF);
        int uncompressed = (int) (header >>> 17 & 0x1FFFF);
        assertTrue((header & 1L << 34) != 0, "self-contained");
        byte[] payload = new byte[length];
        b.get(payload);
        byte[] envelope = uncompressed == 0 ? payload
                : LZ4Factory.safeInstance().fastDecompressor().decompress(payload, uncompressed);
        assertArrayEquals(Bytes.frame(0x85, 0, 3, 0x08, Bytes.of().i32(1).build()), envelope);
    }

    private static void assertError(Frame f, int stream, int code, String messagePart) {
        assertEquals(0x00, f.opcode(), "an ERROR");
        assertEquals(stream, f.stream());
        byte[] body = (f.flags() & EnvelopeHeader.FLAG_COMPRESSED) != 0 ? Bytes.unLz4Body(f.body()) : f.body();
        Frame plain = new Frame(f.version(), 0, f.stream(), f.opcode(), body);
        assertEquals(code, plain.errorCode());
        assertTrue(plain.errorMessage().contains(messagePart), plain.errorMessage());
    }
}
