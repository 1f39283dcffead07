package org.ringlet.transport.nativeproto.frame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
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
 * Protocol v5 segments. The expected bytes were produced by the DataStax Python driver's own segment codec
 * ({@code cassandra.segment.SegmentCodec}), an implementation independent of ours.
 */
class SegmentCodecTest {
    /** A v5 OPTIONS envelope in a self-contained segment, as the Python driver frames it. */
    private static final String OPTIONS_SEGMENT = "090002 a4c8c1 050000010500000000 b5557486";
    /** A v5 READY envelope in a self-contained segment. */
    private static final String READY_SEGMENT = "090002 a4c8c1 850000010200000000 ea890152";
    /** OPTIONS and QUERY "SELECT 1" (ONE, no flags) packed in one self-contained segment. */
    private static final String TWO_ENVELOPES_SEGMENT = "240002 52cdd3 050000010500000000"
            + "0500000207000000120000000853454c4543542031000100000000 99838f6e";

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static EmbeddedChannel decoder(int maxFrameSize) {
        return new EmbeddedChannel(new SegmentDecoder(maxFrameSize, ProtocolVersion.V5));
    }

    private static byte[] bodyOf(Envelope e) {
        byte[] b = new byte[e.body().readableBytes()];
        e.body().getBytes(e.body().readerIndex(), b);
        return b;
    }

    @Test
    void checksumsMatchTheDrivers() {
        assertEquals(0xc1c8a4, Crc.crc24(0x020009, 3));
        assertEquals(0x867455b5, Crc.crc32(Unpooled.wrappedBuffer(hex("050000010500000000"))));
        assertEquals(0x44777ed3, Crc.crc32(Unpooled.EMPTY_BUFFER), "primed: not zero for no bytes");
    }

    @Test
    void encodesASmallEnvelopeInOneSelfContainedSegment() {
        EmbeddedChannel ch = new EmbeddedChannel(new SegmentEncoder());
        ch.writeOutbound(new Envelope(new EnvelopeHeader(0x85, 0, 1, 0x02, 0), Unpooled.buffer(0)));
        assertEquals(Bytes.hex(hex(READY_SEGMENT)), Bytes.hex(Embedded.drainOutbound(ch)));
    }

    @Test
    void decodesSegmentsFedOneByteAtATime() {
        EmbeddedChannel ch = decoder(1 << 20);
        List<Object> out = Embedded.feedByteAtATime(ch, hex(OPTIONS_SEGMENT + TWO_ENVELOPES_SEGMENT));
        assertEquals(3, out.size());
        Envelope options = assertInstanceOf(Envelope.class, out.get(0));
        assertEquals(new EnvelopeHeader(5, 0, 1, 0x05, 0), options.header());
        Envelope second = assertInstanceOf(Envelope.class, out.get(1));
        assertEquals(0x05, second.header().opcode());
        Envelope query = assertInstanceOf(Envelope.class, out.get(2));
        assertEquals(new EnvelopeHeader(5, 0, 2, 0x07, 18), query.header());
        assertArrayEquals(hex("0000000853454c4543542031000100000000"), bodyOf(query));
        out.forEach(m -> ((Envelope) m).release());
        assertFalse(ch.finish());
    }

    @Test
    void aLargeEnvelopeIsCutIntoNonSelfContainedSegmentsAndPutBackTogether() {
        byte[] body = new byte[300_000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31);
        }
        EmbeddedChannel enc = new EmbeddedChannel(new SegmentEncoder());
        enc.writeOutbound(new Envelope(new EnvelopeHeader(0x85, 0, 4, 0x08, body.length),
                Unpooled.wrappedBuffer(body)));
        byte[] wire = Embedded.drainOutbound(enc);
        // 300,009 bytes of envelope: 131071 + 131071 + 37867, none self-contained.
        List<Integer> headers = new ArrayList<>();
        int at = 0;
        while (at < wire.length) {
            int h = (wire[at] & 0xFF) | (wire[at + 1] & 0xFF) << 8 | (wire[at + 2] & 0xFF) << 16;
            headers.add(h);
            at += 6 + (h & 0x1FFFF) + 4;
        }
        assertEquals(List.of(131071, 131071, 37867), headers, "lengths, self-contained bit clear");

        EmbeddedChannel dec = decoder(1 << 20);
        // 1000 bytes at a time, so that segments arrive in pieces
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < wire.length; i += 1000) {
            dec.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(wire, i, Math.min(wire.length, i + 1000))));
            Object m;
            while ((m = dec.readInbound()) != null) {
                out.add(m);
            }
        }
        assertEquals(1, out.size());
        Envelope e = assertInstanceOf(Envelope.class, out.get(0));
        assertEquals(new EnvelopeHeader(0x85, 0, 4, 0x08, body.length), e.header());
        assertArrayEquals(body, bodyOf(e));
        e.release();
    }

    @Test
    void theDriversSplitOfALargeMessageIsUnderstood() {
        // The Python driver cut this 131,080-byte QUERY into segments of 131,071 and 9 bytes; headers and
        // checksums are the driver's.
        byte[] envelope = new byte[131_080];
        byte[] header = Bytes.of().u8(5).u8(0).u16(3).u8(7).i32(131_080 - 9).build();
        System.arraycopy(header, 0, envelope, 0, 9);
        byte[] wire = Bytes.of().hex("ffff01 3891fe").raw(Arrays.copyOfRange(envelope, 0, 131_071)).hex("ca99c1bb")
                .hex("090000 b91978").raw(Arrays.copyOfRange(envelope, 131_071, 131_080)).hex("2f4c5fcf").build();
        EmbeddedChannel dec = decoder(1 << 20);
        dec.writeInbound(Unpooled.wrappedBuffer(wire));
        Envelope e = assertInstanceOf(Envelope.class, dec.readInbound());
        assertEquals(131_080 - 9, e.body().readableBytes());
        assertEquals(3, e.header().streamId());
        e.release();
    }

    @Test
    void aCorruptHeaderClosesTheConnection() {
        byte[] wire = hex(OPTIONS_SEGMENT);
        wire[3] ^= 0x01; // the CRC24
        RejectedFrame r = assertInstanceOf(RejectedFrame.class, Embedded.feedByteAtATime(decoder(1 << 20), wire)
                .get(0));
        assertEquals(ErrorCode.PROTOCOL_ERROR, r.error().code());
        assertTrue(r.error().getMessage().startsWith("CRC mismatch on the header of a segment"),
                r.error().getMessage());
        assertTrue(r.closeConnection());
    }

    @Test
    void aCorruptPayloadClosesTheConnectionAndNothingAfterItIsRead() {
        byte[] wire = hex(OPTIONS_SEGMENT + OPTIONS_SEGMENT);
        wire[8] ^= 0x40; // inside the first payload
        List<Object> out = Embedded.feedByteAtATime(decoder(1 << 20), wire);
        assertEquals(1, out.size());
        RejectedFrame r = assertInstanceOf(RejectedFrame.class, out.get(0));
        assertEquals("CRC mismatch on the payload of a segment", r.error().getMessage());
        assertTrue(r.closeConnection());
    }

    @Test
    void anEnvelopeOverflowingItsSelfContainedSegmentClosesTheConnection() {
        ByteBuf payload = Unpooled.wrappedBuffer(Bytes.of().u8(5).u8(0).u16(1).u8(5).i32(100).build());
        byte[] wire = segment(payload, true);
        RejectedFrame r = assertInstanceOf(RejectedFrame.class, Embedded.feedByteAtATime(decoder(1 << 20), wire)
                .get(0));
        assertTrue(r.error().getMessage().contains("does not fit in its self-contained segment"));
        assertTrue(r.closeConnection());
    }

    @Test
    void anOversizedLargeEnvelopeIsSkippedWithoutBufferingAndRefused() {
        int max = 64 * 1024;
        byte[] body = new byte[200_000];
        EmbeddedChannel enc = new EmbeddedChannel(new SegmentEncoder());
        enc.writeOutbound(new Envelope(new EnvelopeHeader(0x05, 0, 9, 0x07, body.length),
                Unpooled.wrappedBuffer(body)));
        enc.writeOutbound(new Envelope(new EnvelopeHeader(0x05, 0, 10, 0x05, 0), Unpooled.buffer(0)));
        byte[] wire = Embedded.drainOutbound(enc);
        EmbeddedChannel dec = decoder(max);
        dec.writeInbound(Unpooled.wrappedBuffer(wire));
        RejectedFrame r = assertInstanceOf(RejectedFrame.class, dec.readInbound());
        assertEquals(9, r.streamId());
        assertEquals(ErrorCode.INVALID, r.error().code());
        assertEquals("Request is too big: length 200009 exceeds maximum allowed length 65536.",
                r.error().getMessage());
        assertFalse(r.closeConnection());
        Envelope next = assertInstanceOf(Envelope.class, dec.readInbound());
        assertEquals(10, next.header().streamId());
        next.release();
    }

    @Test
    void anEnvelopeOfAnotherVersionInsideSegmentsIsRefusedAndSkipped() {
        byte[] wire = segment(Unpooled.wrappedBuffer(Bytes.of().raw(Bytes.frame(4, 0, 6, 0x05, new byte[0]))
                .raw(Bytes.frame(5, 0, 7, 0x05, new byte[0])).build()), true);
        List<Object> out = Embedded.feedByteAtATime(decoder(1 << 20), wire);
        RejectedFrame r = assertInstanceOf(RejectedFrame.class, out.get(0));
        assertEquals(6, r.streamId());
        assertFalse(r.closeConnection());
        Envelope e = assertInstanceOf(Envelope.class, out.get(1));
        assertEquals(7, e.header().streamId());
        e.release();
    }

    /** A segment around {@code payload}, written with our encoder's primitives. */
    private static byte[] segment(ByteBuf payload, boolean selfContained) {
        int header = payload.readableBytes() | (selfContained ? 1 << 17 : 0);
        return Bytes.of().u8(header).u8(header >>> 8).u8(header >>> 16)
                .u8(Crc.crc24(header, 3)).u8(Crc.crc24(header, 3) >>> 8).u8(Crc.crc24(header, 3) >>> 16)
                .raw(copy(payload))
                .raw(le(Crc.crc32(payload))).build();
    }

    private static byte[] le(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    private static byte[] copy(ByteBuf b) {
        byte[] out = new byte[b.readableBytes()];
        b.getBytes(b.readerIndex(), out);
        return out;
    }
}
