package org.ringlet.transport.nativeproto.frame;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;

/**
 * Writes {@link Envelope}s as v3/v4 frames: the 9-byte header (8 bytes with a one-byte stream id for the v1/v2
 * refusal) followed by the body, without copying the body. Stateless and sharable.
 */
@ChannelHandler.Sharable
public final class EnvelopeEncoder extends MessageToMessageEncoder<Envelope> {

    @Override
    protected void encode(ChannelHandlerContext ctx, Envelope envelope, List<Object> out) {
        EnvelopeHeader h = envelope.header();
        boolean legacy = EnvelopeHeader.lengthFor(h.versionNumber()) == EnvelopeHeader.LEGACY_LENGTH;
        ByteBuf header = ctx.alloc().buffer(legacy ? EnvelopeHeader.LEGACY_LENGTH : EnvelopeHeader.LENGTH);
        writeHeader(h, envelope.body().readableBytes(), header);
        out.add(header);
        out.add(envelope.body().retain());
    }

    /** Writes a header whose length field is {@code bodyLength}. */
    public static void writeHeader(EnvelopeHeader h, int bodyLength, ByteBuf out) {
        boolean legacy = EnvelopeHeader.lengthFor(h.versionNumber()) == EnvelopeHeader.LEGACY_LENGTH;
        out.writeByte(h.version());
        out.writeByte(h.flags());
        if (legacy) {
            out.writeByte(h.streamId());
        } else {
            out.writeShort(h.streamId());
        }
        out.writeByte(h.opcode());
        out.writeInt(bodyLength);
    }
}
