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
 * segments. Stateless and sharable.
 */
@ChannelHandler.Sharable
public final class SegmentEncoder extends MessageToMessageEncoder<Envelope> {

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

    private static void writeSegment(ChannelHandlerContext ctx, ByteBuf payload, boolean selfContained,
                                     List<Object> out) {
        int header = payload.readableBytes() | (selfContained ? SegmentDecoder.SELF_CONTAINED_BIT : 0);
        ByteBuf head = ctx.alloc().buffer(SegmentDecoder.HEADER_LENGTH);
        head.writeMediumLE(header);
        head.writeMediumLE(Crc.crc24(header, 3));
        ByteBuf trailer = ctx.alloc().buffer(SegmentDecoder.TRAILER_LENGTH);
        trailer.writeIntLE(Crc.crc32(payload));
        out.add(head);
        out.add(payload);
        out.add(trailer);
    }
}
