package org.ringlet.transport.nativeproto.message;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import org.ringlet.api.error.ProtocolException;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.error.ServerError;
import org.ringlet.transport.nativeproto.frame.Envelope;
import org.ringlet.transport.nativeproto.frame.EnvelopeHeader;
import org.ringlet.transport.nativeproto.frame.ProtocolVersion;
import org.ringlet.transport.nativeproto.frame.RejectedFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an {@link Envelope} into a {@link RequestFrame} with the codec of its opcode, or into a {@link
 * RejectedFrame} when the opcode is unknown or not a request, the body is flagged compressed without a negotiated
 * compression, or the body does not decode or has bytes left after its message. Frame boundaries are intact in all these cases, so the connection
 * stays open. Stateless and sharable.
 */
@ChannelHandler.Sharable
public final class MessageDecoder extends MessageToMessageDecoder<Envelope> {
    private static final Logger log = LoggerFactory.getLogger(MessageDecoder.class);

    @Override
    protected void decode(ChannelHandlerContext ctx, Envelope envelope, List<Object> out) {
        EnvelopeHeader header = envelope.header();
        ProtocolVersion version = ProtocolVersion.of(header.versionNumber()).orElseThrow(
                () -> new IllegalStateException("the frame decoder let version " + header.versionNumber()
                        + " through"));
        try {
            out.add(new RequestFrame(header, version, decode(envelope, version)));
        } catch (RingletException e) {
            out.add(new RejectedFrame(header.streamId(), version.number(), e, false));
        } catch (RuntimeException e) {
            log.error("Unexpected failure decoding a frame with opcode 0x{} on {}",
                    Integer.toHexString(header.opcode()), ctx.channel(), e);
            out.add(new RejectedFrame(header.streamId(), version.number(),
                    new ServerError("Unexpected failure decoding the request: " + e, e), false));
        }
    }

    /** Decodes the request of an envelope whose version is {@code version}. */
    static RequestMessage decode(Envelope envelope, ProtocolVersion version) {
        EnvelopeHeader header = envelope.header();
        if (header.isResponse()) {
            throw new ProtocolException("Invalid frame: the version byte 0x" + Integer.toHexString(header.version())
                    + " marks a response; clients may only send requests");
        }
        Opcode opcode = Opcode.fromCode(header.opcode());
        if (opcode == null) {
            throw new ProtocolException("Unknown opcode " + header.opcode());
        }
        if (opcode.direction() != Opcode.Direction.REQUEST) {
            throw new ProtocolException("Wrong protocol direction (expected REQUEST, got RESPONSE) for opcode "
                    + opcode.describe());
        }
        // From v5 on, compression belongs to the segments and the envelope's flag is ignored.
        if (header.hasFlag(EnvelopeHeader.FLAG_COMPRESSED) && !version.usesSegments()) {
            throw new ProtocolException("The frame is flagged as compressed, but no compression was negotiated "
                    + "in STARTUP");
        }
        ByteBuf body = envelope.body();
        if (header.hasFlag(EnvelopeHeader.FLAG_CUSTOM_PAYLOAD) && version.isAtLeast(ProtocolVersion.V4)) {
            // A custom payload is for custom query handlers; the standard handler ignores it, as Cassandra's does.
            Wire.readBytesMap(body);
        }
        RequestMessage message = opcode.requestCodec().decode(body, version);
        if (body.isReadable()) {
            // Drivers never send them; a client that does has mis-framed its message, and guessing what it meant
            // would run a request it did not send.
            throw new ProtocolException(body.readableBytes() + " unexpected bytes after the " + opcode.describe()
                    + " message in its frame");
        }
        return message;
    }
}
