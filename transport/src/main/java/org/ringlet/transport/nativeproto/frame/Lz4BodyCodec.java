package org.ringlet.transport.nativeproto.frame;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.error.ProtocolException;
import org.ringlet.api.error.RingletException;

import static java.util.Objects.requireNonNull;

/**
 * LZ4 compression of v3/v4 envelope bodies, installed once a STARTUP with {@code COMPRESSION: lz4} is answered. A
 * compressed body is the uncompressed length as a 4-byte big-endian int followed by one LZ4 block, as the
 * drivers write it.
 *
 * <ul>
 *   <li>Inbound: a body flagged {@link EnvelopeHeader#FLAG_COMPRESSED} is decompressed and the flag cleared; an
 *       unflagged body passes as it is (drivers never compress OPTIONS, their heartbeat). A body that does not
 *       decompress, or whose declared length is beyond the maximum frame size, becomes a {@link RejectedFrame}
 *       on its stream: the frame boundaries are intact, so the connection stays usable.</li>
 *   <li>Outbound: every body is compressed and flagged.</li>
 * </ul>
 *
 * Sits between the frame decoder and the message encoder. Stateless and sharable.
 */
@ChannelHandler.Sharable
public final class Lz4BodyCodec extends MessageToMessageCodec<Envelope, Envelope> {
    private static final int LENGTH_PREFIX = 4;

    private final Lz4 lz4;
    private final int maxFrameSize;

    /**
     * @param lz4          the compressor
     * @param maxFrameSize the largest frame (header and uncompressed body) accepted, in bytes
     */
    public Lz4BodyCodec(Lz4 lz4, int maxFrameSize) {
        this.lz4 = requireNonNull(lz4, "lz4 is null");
        this.maxFrameSize = maxFrameSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, Envelope envelope, List<Object> out) {
        EnvelopeHeader h = envelope.header();
        if (!h.hasFlag(EnvelopeHeader.FLAG_COMPRESSED)) {
            out.add(envelope.retain());
            return;
        }
        try {
            ByteBuf body = decompress(envelope.body());
            out.add(new Envelope(new EnvelopeHeader(h.version(), h.flags() & ~EnvelopeHeader.FLAG_COMPRESSED,
                    h.streamId(), h.opcode(), body.readableBytes()), body));
        } catch (RingletException e) {
            out.add(new RejectedFrame(h.streamId(), h.versionNumber(), e, false));
        }
    }

    private ByteBuf decompress(ByteBuf body) {
        if (body.readableBytes() < LENGTH_PREFIX) {
            throw new ProtocolException("A compressed body must start with its 4-byte uncompressed length; got "
                    + body.readableBytes() + " bytes");
        }
        int uncompressed = body.getInt(body.readerIndex());
        if (uncompressed < 0) {
            throw new ProtocolException("Invalid uncompressed length " + uncompressed + " of a compressed body");
        }
        if (EnvelopeHeader.LENGTH + (long) uncompressed > maxFrameSize) {
            throw new InvalidRequestException("Request is too big: length " + (EnvelopeHeader.LENGTH
                    + (long) uncompressed) + " once decompressed exceeds maximum allowed length " + maxFrameSize
                    + ".");
        }
        return lz4.decompress(body.slice(body.readerIndex() + LENGTH_PREFIX, body.readableBytes() - LENGTH_PREFIX),
                uncompressed, "body");
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Envelope envelope, List<Object> out) {
        ByteBuf body = envelope.body();
        ByteBuf compressed = ctx.alloc().heapBuffer(LENGTH_PREFIX + lz4.maxCompressedLength(body.readableBytes()));
        try {
            compressed.writeInt(body.readableBytes());
            lz4.compress(body, compressed);
        } catch (RuntimeException e) {
            compressed.release();
            throw e;
        }
        EnvelopeHeader h = envelope.header();
        out.add(new Envelope(new EnvelopeHeader(h.version(), h.flags() | EnvelopeHeader.FLAG_COMPRESSED,
                h.streamId(), h.opcode(), compressed.readableBytes()), compressed));
    }
}
