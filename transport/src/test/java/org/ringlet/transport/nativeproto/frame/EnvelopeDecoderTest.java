package org.ringlet.transport.nativeproto.frame;

import java.util.EnumSet;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ringlet.api.error.ErrorCode;
import org.ringlet.transport.nativeproto.Bytes;
import org.ringlet.transport.nativeproto.Embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvelopeDecoderTest {
    private static final int MAX = 1024;

    private static EmbeddedChannel channel() {
        return new EmbeddedChannel(new EnvelopeDecoder(MAX, EnumSet.allOf(ProtocolVersion.class)));
    }

    @Test
    void decodesAFrameFedOneByteAtATimeOnlyWhenItIsComplete() {
        EmbeddedChannel ch = channel();
        byte[] body = Bytes.of().longString("SELECT 1").build();
        byte[] frame = Bytes.frame(0x04, 0x02, 0x1234, 0x07, body);
        byte[] allButLast = java.util.Arrays.copyOf(frame, frame.length - 1);
        assertTrue(Embedded.feedByteAtATime(ch, allButLast).isEmpty(), "nothing before the last byte");
        List<Object> out = Embedded.feedByteAtATime(ch, new byte[] {frame[frame.length - 1]});
        assertEquals(1, out.size());
        Envelope e = assertInstanceOf(Envelope.class, out.get(0));
        try {
            assertEquals(new EnvelopeHeader(0x04, 0x02, 0x1234, 0x07, body.length), e.header());
            byte[] got = new byte[e.body().readableBytes()];
            e.body().readBytes(got);
            assertArrayEquals(body, got);
        } finally {
            e.release();
        }
        assertFalse(ch.finish());
    }

    @Test
    void decodesSeveralFramesFromOneBufferAndNegativeStreamIds() {
        EmbeddedChannel ch = channel();
        byte[] two = Bytes.of().raw(Bytes.request(1, 0x05, new byte[0])).raw(Bytes.frame(4, 0, 0xFFFF, 0x05,
                new byte[] {9})).build();
        ch.writeInbound(Unpooled.wrappedBuffer(two));
        Envelope first = ch.readInbound();
        Envelope second = ch.readInbound();
        assertEquals(1, first.header().streamId());
        assertEquals(-1, second.header().streamId());
        assertEquals(1, second.body().readableBytes());
        first.release();
        second.release();
    }

    @Test
    void skipsAnOversizedFrameWithoutBufferingItThenAnswersTooBigAndKeepsGoing() {
        EmbeddedChannel ch = channel();
        int bodyLength = MAX * 64;
        ByteBuf header = Unpooled.wrappedBuffer(Bytes.of().u8(4).u8(0).u16(7).u8(0x07).i32(bodyLength).build());
        ch.writeInbound(header);
        assertNull(ch.readInbound());
        int chunk = 100;
        for (int sent = 0; sent < bodyLength; sent += chunk) {
            int n = Math.min(chunk, bodyLength - sent);
            ByteBuf part = Unpooled.wrappedBuffer(new byte[n]);
            ch.writeInbound(part);
            assertEquals(0, part.refCnt(), "the oversized body is dropped as it arrives, never accumulated");
            if (sent + n < bodyLength) {
                assertNull(ch.readInbound());
            }
        }
        RejectedFrame rejected = assertInstanceOf(RejectedFrame.class, ch.readInbound());
        assertEquals(7, rejected.streamId());
        assertEquals(4, rejected.replyVersion());
        assertEquals(ErrorCode.INVALID, rejected.error().code());
        assertEquals("Request is too big: length " + (bodyLength + 9) + " exceeds maximum allowed length 1024.",
                rejected.error().getMessage());
        assertFalse(rejected.closeConnection());

        ch.writeInbound(Unpooled.wrappedBuffer(Bytes.request(8, 0x05, new byte[0])));
        Envelope next = assertInstanceOf(Envelope.class, ch.readInbound());
        assertEquals(8, next.header().streamId());
        next.release();
    }

    @Test
    void aFrameOfExactlyTheMaximumSizeIsAccepted() {
        EmbeddedChannel ch = channel();
        byte[] frame = Bytes.request(3, 0x07, new byte[MAX - 9]);
        ch.writeInbound(Unpooled.wrappedBuffer(frame));
        Envelope e = assertInstanceOf(Envelope.class, ch.readInbound());
        assertEquals(MAX - 9, e.body().readableBytes());
        e.release();
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 0x41, 0x42, 0x7F})
    void refusesOtherVersionsOnTheSameStreamInAHeaderTheClientCanRead(int version) {
        EmbeddedChannel ch = channel();
        byte[] body = Bytes.of().u16(1).string("CQL_VERSION").string("3.0.0").build();
        byte[] frame = Bytes.frame(version, 0, 0x0102, 0x01, body);
        List<Object> out = Embedded.feedByteAtATime(ch, frame);
        assertEquals(1, out.size(), "answered once, after the body arrived");
        RejectedFrame r = assertInstanceOf(RejectedFrame.class, out.get(0));
        assertEquals(0x0102, r.streamId());
        assertEquals(5, r.replyVersion(), "the highest version accepted");
        assertEquals(ErrorCode.PROTOCOL_ERROR, r.error().code());
        assertEquals("Invalid or unsupported protocol version (" + version
                + "); supported versions are (3/v3, 4/v4, 5/v5)", r.error().getMessage());
        assertTrue(r.closeConnection());
        // Anything after the refused frame is ignored.
        assertTrue(Embedded.feedByteAtATime(ch, Bytes.request(1, 0x05, new byte[0])).isEmpty());
    }

    @Test
    void withV5DisabledV5IsRefusedLikeAnUnknownVersionInAV4Header() {
        EmbeddedChannel ch = new EmbeddedChannel(new EnvelopeDecoder(MAX,
                EnumSet.of(ProtocolVersion.V3, ProtocolVersion.V4)));
        List<Object> out = Embedded.feedByteAtATime(ch, Bytes.frame(5, 0, 3, 0x05, new byte[0]));
        RejectedFrame r = assertInstanceOf(RejectedFrame.class, out.get(0));
        assertEquals(4, r.replyVersion());
        assertEquals("Invalid or unsupported protocol version (5); supported versions are (3/v3, 4/v4)",
                r.error().getMessage());
        assertTrue(r.closeConnection());
    }

    @Test
    void v5EnvelopesAreAcceptedBeforeSegmentsStart() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(Bytes.frame(5, 0, 1, 0x05, new byte[0])));
        Envelope e = assertInstanceOf(Envelope.class, ch.readInbound());
        assertEquals(5, e.header().versionNumber());
        e.release();
    }

    @Test
    void theRefusalWaitsForTheBodySoTheSocketIsDrainedBeforeClosing() {
        EmbeddedChannel ch = channel();
        byte[] frame = Bytes.frame(0x42, 0, 0, 0x05, new byte[5]);
        List<Object> out = Embedded.feedByteAtATime(ch, java.util.Arrays.copyOf(frame, frame.length - 1));
        assertTrue(out.isEmpty());
        out = Embedded.feedByteAtATime(ch, new byte[] {0});
        assertInstanceOf(RejectedFrame.class, out.get(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void refusesV1AndV2WithTheirOwnEightByteHeaderVersion(int version) {
        EmbeddedChannel ch = channel();
        // v1/v2 header: version, flags, stream (one byte), opcode, length
        byte[] frame = Bytes.of().u8(version).u8(0).u8(0x05).u8(0x05).i32(0).build();
        List<Object> out = Embedded.feedByteAtATime(ch, frame);
        RejectedFrame r = assertInstanceOf(RejectedFrame.class, out.get(0));
        assertEquals(5, r.streamId());
        assertEquals(version, r.replyVersion());
        assertTrue(r.closeConnection());
    }

    @Test
    void aNegativeBodyLengthClosesTheConnection() {
        EmbeddedChannel ch = channel();
        List<Object> out = Embedded.feedByteAtATime(ch, Bytes.of().u8(4).u8(0).u16(9).u8(7).i32(-5).build());
        RejectedFrame r = assertInstanceOf(RejectedFrame.class, out.get(0));
        assertEquals(9, r.streamId());
        assertEquals(ErrorCode.PROTOCOL_ERROR, r.error().code());
        assertTrue(r.closeConnection());
    }

    @Test
    void aFrameOfAnotherVersionThanTheConnectionsIsRefusedAndSkipped() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(Bytes.request(1, 0x05, new byte[0])));
        ((Envelope) ch.readInbound()).release();
        List<Object> out = Embedded.feedByteAtATime(ch, Bytes.frame(3, 0, 2, 0x05, new byte[3]));
        RejectedFrame r = assertInstanceOf(RejectedFrame.class, out.get(0));
        assertEquals(2, r.streamId());
        assertEquals(4, r.replyVersion(), "the connection's version");
        assertEquals("Invalid message version. Got 3/v3 but previous messages on this connection had version 4/v4",
                r.error().getMessage());
        assertFalse(r.closeConnection());
        ch.writeInbound(Unpooled.wrappedBuffer(Bytes.request(3, 0x05, new byte[0])));
        Envelope e = ch.readInbound();
        assertEquals(3, e.header().streamId());
        e.release();
    }

    @Test
    void v3IsAcceptedAndFixesTheConnectionVersion() {
        EnvelopeDecoder decoder = new EnvelopeDecoder(MAX, EnumSet.allOf(ProtocolVersion.class));
        EmbeddedChannel ch = new EmbeddedChannel(decoder);
        ch.writeInbound(Unpooled.wrappedBuffer(Bytes.frame(3, 0, 1, 0x05, new byte[0])));
        ((Envelope) ch.readInbound()).release();
        assertEquals(ProtocolVersion.V3, decoder.connectionVersion());
    }

    @Test
    void withoutOlderProtocolsV3IsRefusedLikeCassandra() {
        EmbeddedChannel ch = new EmbeddedChannel(new EnvelopeDecoder(MAX, EnumSet.of(ProtocolVersion.V4)));
        List<Object> out = Embedded.feedByteAtATime(ch, Bytes.frame(3, 0, 1, 0x05, new byte[0]));
        RejectedFrame r = assertInstanceOf(RejectedFrame.class, out.get(0));
        assertEquals("Rejecting Protocol Version 3/v3 < 4/v4.", r.error().getMessage());
        assertEquals(4, r.replyVersion());
        assertTrue(r.closeConnection());
    }
}
