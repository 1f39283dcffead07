package org.ringlet.transport.nativeproto.frame;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;
import org.ringlet.api.error.ErrorCode;
import org.ringlet.transport.nativeproto.Bytes;
import org.ringlet.transport.nativeproto.Embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Protocol v5 segments in the LZ4 format (8-byte header: payload length, uncompressed length, self-contained bit,
 * CRC24; CRC32 over the compressed payload). The input segments are built by the test with lz4-java directly; the
 * encoder's output is parsed back the same way.
 */
class CompressedSegmentCodecTest {
    private final Lz4 lz4 = new Lz4();

    private EmbeddedChannel decoder(int maxFrameSize) {
        return new EmbeddedChannel(new SegmentDecoder(maxFrameSize, ProtocolVersion.V5, lz4));
    }

    private static byte[] envelope(int stream, int opcode, byte[] body) {
        return Bytes.frame(0x05, 0, stream, opcode, body);
    }

    private static byte[] bodyOf(Envelope e) {
        byte[] b = new byte[e.body().readableBytes()];
        e.body().getBytes(e.body().readerIndex(), b);
        return b;
    }

    private static byte[] compressible(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('a' + i % 7);
        }
        return b;
    }

    @Test
    void decodesCompressedAndStoredSegmentsByteAtATime() {
        byte[] query = envelope(3, 0x07, Bytes.of().longString("SELECT " + "x".repeat(200)).u16(1).i32(0).build());
        byte[] options = envelope(4, 0x05, new byte[0]);
        byte[] input = Bytes.of()
                .raw(Bytes.compressedSegment(Bytes.of().raw(query).raw(options).build(), true, true))
                .raw(Bytes.compressedSegment(options, true, false)) // did not compress: sent as it is
                .build();
        List<Object> out = Embedded.feedByteAtATime(decoder(1 << 20), input);
        assertEquals(3, out.size());
        Envelope first = (Envelope) out.get(0);
        assertEquals(3, first.header().streamId());
        assertArrayEquals(java.util.Arrays.copyOfRange(query, 9, query.length), bodyOf(first));
        assertEquals(4, ((Envelope) out.get(1)).header().streamId());
        assertEquals(0x05, ((Envelope) out.get(2)).header().opcode());
        out.forEach(o -> ((Envelope) o).release());
    }

    @Test
    void reassemblesALargeEnvelopeFromCompressedParts() {
        byte[] body = compressible(400_000);
        byte[] whole = envelope(9, 0x07, body);
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        for (int off = 0; off < whole.length; off += SegmentDecoder.MAX_PAYLOAD_LENGTH) {
            byte[] part = java.util.Arrays.copyOfRange(whole, off,
                    Math.min(whole.length, off + SegmentDecoder.MAX_PAYLOAD_LENGTH));
            in.writeBytes(Bytes.compressedSegment(part, false, true));
        }
        EmbeddedChannel ch = decoder(1 << 20);
        ch.writeInbound(Unpooled.wrappedBuffer(in.toByteArray()));
        Envelope e = ch.readInbound();
        assertArrayEquals(body, bodyOf(e));
        e.release();
        assertFalse(ch.finish());
    }

    @Test
    void encoderCompressesWhatShrinksAndStoresWhatDoesNot() {
        EmbeddedChannel ch = new EmbeddedChannel(new SegmentEncoder(lz4));
        byte[] text = compressible(1_000);
        byte[] noise = new byte[1_000];
        new Random(7).nextBytes(noise);
        ch.writeOutbound(new Envelope(new EnvelopeHeader(0x85, 0, 1, 0x08, text.length),
                Unpooled.wrappedBuffer(text)));
        ch.writeOutbound(new Envelope(new EnvelopeHeader(0x85, 0, 2, 0x08, noise.length),
                Unpooled.wrappedBuffer(noise)));
        List<Segment> segments = parse(Embedded.drainOutbound(ch));
        assertEquals(2, segments.size());
        assertTrue(segments.get(0).uncompressedLength > 0 && segments.get(0).payload.length < 200,
                "the repetitive body is compressed: " + segments.get(0));
        assertEquals(0, segments.get(1).uncompressedLength, "random bytes are sent as they are");
        assertArrayEquals(Bytes.frame(0x85, 0, 1, 0x08, text), segments.get(0).data());
        assertArrayEquals(Bytes.frame(0x85, 0, 2, 0x08, noise), segments.get(1).data());
        assertTrue(segments.get(0).selfContained && segments.get(1).selfContained);
    }

    @Test
    void encoderSplitsALargeEnvelopeIntoCompressedParts() {
        EmbeddedChannel ch = new EmbeddedChannel(new SegmentEncoder(lz4));
        byte[] body = compressible(300_000);
        ch.writeOutbound(new Envelope(new EnvelopeHeader(0x85, 0, 5, 0x08, body.length),
                Unpooled.wrappedBuffer(body)));
        List<Segment> segments = parse(Embedded.drainOutbound(ch));
        assertEquals(3, segments.size());
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (Segment s : segments) {
            assertFalse(s.selfContained);
            assertTrue(s.uncompressedLength <= SegmentDecoder.MAX_PAYLOAD_LENGTH);
            joined.writeBytes(s.data());
        }
        assertArrayEquals(Bytes.frame(0x85, 0, 5, 0x08, body), joined.toByteArray());
    }

    @Test
    void roundTripThroughOurOwnEncoderAndDecoder() {
        EmbeddedChannel enc = new EmbeddedChannel(new SegmentEncoder(lz4));
        byte[] body = compressible(200_000);
        enc.writeOutbound(new Envelope(new EnvelopeHeader(0x05, 0, 5, 0x07, body.length),
                Unpooled.wrappedBuffer(body)));
        List<Object> out = Embedded.feedByteAtATime(decoder(1 << 20), Embedded.drainOutbound(enc));
        assertEquals(1, out.size());
        assertArrayEquals(body, bodyOf((Envelope) out.get(0)));
        ((Envelope) out.get(0)).release();
    }

    @Test
    void aBadHeaderChecksumClosesTheConnection() {
        byte[] segment = Bytes.compressedSegment(envelope(1, 0x05, new byte[0]), true, true);
        segment[5] ^= 1;
        assertFatal(segment, "CRC mismatch on the header");
    }

    @Test
    void aBadPayloadChecksumClosesTheConnection() {
        byte[] segment = Bytes.compressedSegment(envelope(1, 0x05, new byte[0]), true, false);
        segment[segment.length - 1] ^= 1;
        assertFatal(segment, "CRC mismatch on the payload");
    }

    @Test
    void aCorruptBlockWithAValidChecksumClosesTheConnection() {
        // The header declares 1000 uncompressed bytes; the payload is not an LZ4 block that makes them.
        byte[] payload = {(byte) 0xF0, 1, 2, 3};
        long header = payload.length | 1000L << 17 | 1L << 34;
        assertFatal(rawSegment(header, payload), "Corrupt LZ4 segment");
    }

    @Test
    void anImpossibleExpansionIsRefusedBeforeAllocating() {
        byte[] payload = {0x10, 'a'};
        long header = payload.length | (long) SegmentDecoder.MAX_PAYLOAD_LENGTH << 17 | 1L << 34;
        assertFatal(rawSegment(header, payload), "cannot hold");
    }

    private void assertFatal(byte[] input, String message) {
        EmbeddedChannel ch = decoder(1 << 20);
        List<Object> out = Embedded.feedByteAtATime(ch, Bytes.of().raw(input).raw(new byte[20]).build());
        assertEquals(1, out.size(), out.toString());
        RejectedFrame r = assertInstanceOf(RejectedFrame.class, out.get(0));
        assertTrue(r.closeConnection());
        assertEquals(ErrorCode.PROTOCOL_ERROR, r.error().code());
        assertTrue(r.error().getMessage().contains(message), r.error().getMessage());
        assertFalse(ch.finish());
    }

    private static byte[] rawSegment(long header, byte[] payload) {
        int headerCrc = Crc.crc24(header, 5);
        int payloadCrc = Crc.crc32(Unpooled.wrappedBuffer(payload));
        Bytes b = Bytes.of();
        for (int i = 0; i < 5; i++) {
            b.u8((int) (header >>> 8 * i));
        }
        return b.u8(headerCrc).u8(headerCrc >>> 8).u8(headerCrc >>> 16).raw(payload)
                .u8(payloadCrc).u8(payloadCrc >>> 8).u8(payloadCrc >>> 16).u8(payloadCrc >>> 24).build();
    }

    /** One segment as read back: its header fields and its payload as sent. */
    private record Segment(int uncompressedLength, boolean selfContained, byte[] payload) {
        byte[] data() {
            return uncompressedLength == 0 ? payload
                    : LZ4Factory.safeInstance().fastDecompressor().decompress(payload, uncompressedLength);
        }
    }

    /** Parses LZ4-format segments with the checksums verified independently of the decoder. */
    private static List<Segment> parse(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Segment> out = new ArrayList<>();
        while (b.hasRemaining()) {
            long header = (b.getInt() & 0xFFFFFFFFL) | (long) (b.get() & 0xFF) << 32;
            int crc24 = (b.get() & 0xFF) | (b.get() & 0xFF) << 8 | (b.get() & 0xFF) << 16;
            assertEquals(Crc.crc24(header, 5), crc24);
            byte[] payload = new byte[(int) (header & 0x1FFFF)];
            b.get(payload);
            assertEquals(Crc.crc32(Unpooled.wrappedBuffer(payload)), b.getInt());
            out.add(new Segment((int) (header >>> 17 & 0x1FFFF), (header & 1L << 34) != 0, payload));
        }
        return out;
    }
}
