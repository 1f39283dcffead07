package org.ringlet.transport.nativeproto.message;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import org.ringlet.api.error.ServerError;
import org.ringlet.transport.nativeproto.frame.Envelope;
import org.ringlet.transport.nativeproto.frame.EnvelopeHeader;
import org.ringlet.transport.nativeproto.frame.ProtocolVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes a {@link ResponseFrame} into an {@link Envelope}: the warnings (v4+, with the Warning flag) and then
 * the message body from the codec of its opcode. A response that cannot be encoded (a bug or a result that the
 * protocol cannot carry) is replaced by a SERVER_ERROR on the same stream, so the client is answered and the
 * connection stays usable; an event that cannot be encoded is dropped. Stateless and sharable.
 */
@ChannelHandler.Sharable
public final class MessageEncoder extends MessageToMessageEncoder<ResponseFrame> {
    private static final Logger log = LoggerFactory.getLogger(MessageEncoder.class);

    @Override
    protected void encode(ChannelHandlerContext ctx, ResponseFrame frame, List<Object> out) {
        ByteBuf body = ctx.alloc().buffer();
        try {
            out.add(encode(frame, body));
        } catch (RuntimeException e) {
            if (frame.streamId() == ResponseFrame.EVENT_STREAM_ID) {
                // An event nobody asked for: there is no request to answer, and an ERROR on stream -1 would
                // confuse the driver. Drop it.
                log.error("Cannot encode event {} for {}; dropping it", frame, ctx.channel(), e);
                body.release();
                out.add(Unpooled.EMPTY_BUFFER);
                return;
            }
            log.error("Cannot encode {} on {}; answering with a server error", frame, ctx.channel(), e);
            body.clear();
            ResponseFrame error = new ResponseFrame(frame.streamId(), frame.version(),
                    new ResponseMessage.ErrorMessage(new ServerError("Cannot encode the response: " + e, e)));
            try {
                out.add(encode(error, body));
            } catch (RuntimeException second) {
                body.release();
                throw second;
            }
        }
    }

    /** Writes the body of {@code frame} into {@code body} and wraps it with its header. */
    public static Envelope encode(ResponseFrame frame, ByteBuf body) {
        ProtocolVersion codecVersion = ProtocolVersion.of(frame.version()).orElse(ProtocolVersion.V3);
        int flags = 0;
        if (!frame.warnings().isEmpty() && codecVersion.isAtLeast(ProtocolVersion.V4)) {
            flags |= EnvelopeHeader.FLAG_WARNING;
            Wire.writeStringList(frame.warnings(), body);
        }
        ResponseMessage message = frame.message();
        @SuppressWarnings("unchecked")
        ResponseCodec<ResponseMessage> codec = (ResponseCodec<ResponseMessage>) message.opcode().responseCodec();
        codec.encode(message, body, codecVersion);
        EnvelopeHeader header = new EnvelopeHeader(EnvelopeHeader.RESPONSE_BIT | frame.version(), flags,
                frame.streamId(), message.opcode().code(), body.readableBytes());
        return new Envelope(header, body);
    }
}
