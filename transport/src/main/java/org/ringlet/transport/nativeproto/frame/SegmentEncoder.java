package org.ringlet.transport.nativeproto.frame;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;

/**
 * Writes {@link Envelope}s as protocol v5 segments (see {@link SegmentDecoder}): an envelope that fits in one
 * payload goes in a self-contained segment of its own; a larger one is cut into consecutive non-self-contained
 * segments. With LZ4, each payload (at most 128 KiB - 1 before compression) is compressed, or sent as it is with an
 * uncompressed length of 0 when compressing would not make it smaller. Stateless and sharable.
 */
@ChannelHandler.Sharable
public final class SegmentEncoder extends MessageToMessageEncoder<Envelope> {
    private final Lz4 lz4;

    /** Uncompressed segments. */
    public SegmentEncoder() {
        this(null);
    }

    /** @param lz4 the compressor, or null for uncompressed segments */
    public SegmentEncoder(Lz4 lz4) {
        this.lz4 = lz4;
    }

    /** Whether this encoder writes the LZ4 segment format. */
    public boolean compresses() {
        return lz4 != null;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Envelope envelope, List<Object> out) {
        ByteBuf header = ctx.alloc().buffer(EnvelopeHeader.LENGTH);
        EnvelopeEncoder.writeHeader(envelope.header(), envelope.body().readableBytes(), header);
        CompositeByteBuf message = ctx.alloc().compositeBuffer(2)
                .addComponent(true, header)
                .addComponent(true, envelope.body().retain());
        try {
            int length = message.readableBytes();
            if (length <= SegmentDecoder.MAX_PAYLOAD_LENGTH) {
                writeSegment(ctx, message.retainedSlice(), true, out);
                return;
            }
            while (message.isReadable()) {
                int n = Math.min(SegmentDecoder.MAX_PAYLOAD_LENGTH, message.readableBytes());
                writeSegment(ctx, message.readRetainedSlice(n), false, out);
            }
        } finally {
            message.release();
        }
    }

    /** Writes one segment around {@code payload}, taking ownership of it. */
    private void writeSegment(ChannelHandlerContext ctx, ByteBuf payload, boolean selfContained, List<Object> out) {
        if (lz4 == null) {
            int header = payload.readableBytes() | (selfContained ? SegmentDecoder.SELF_CONTAINED_BIT : 0);
            ByteBuf head = ctx.alloc().buffer(SegmentDecoder.HEADER_LENGTH);
            head.writeMediumLE(header);
            head.writeMediumLE(Crc.crc24(header, 3));
            out.add(head);
            addPayloadAndTrailer(ctx, payload, out);
            return;
        }
        int uncompressedLength = payload.readableBytes();
        ByteBuf body;
        try {
            body = lz4.compress(ctx.alloc(), payload);
        } catch (RuntimeException e) {
            payload.release();
            throw e;
        }
        if (body.readableBytes() >= uncompressedLength) {
            body.release();
            body = payload;
            uncompressedLength = 0; // by convention: the payload is not compressed
        } else {
            payload.release();
        }
        long header = body.readableBytes() | (long) uncompressedLength << 17
                | (selfContained ? SegmentDecoder.COMPRESSED_SELF_CONTAINED_BIT : 0);
        ByteBuf head = ctx.alloc().buffer(SegmentDecoder.COMPRESSED_HEADER_LENGTH);
        head.writeIntLE((int) header);
        head.writeByte((int) (header >>> 32));
        head.writeMediumLE(Crc.crc24(header, 5));
        out.add(head);
        addPayloadAndTrailer(ctx, body, out);
    }

    private static void addPayloadAndTrailer(ChannelHandlerContext ctx, ByteBuf payload, List<Object> out) {
        ByteBuf trailer = ctx.alloc().buffer(SegmentDecoder.TRAILER_LENGTH);
        trailer.writeIntLE(Crc.crc32(payload));
        out.add(payload);
        out.add(trailer);
    }
}
