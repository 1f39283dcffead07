package org.ringlet.transport.nativeproto.message;

import io.netty.buffer.ByteBuf;
import org.ringlet.transport.nativeproto.frame.ProtocolVersion;

/**
 * Encodes the body of one kind of response. Implementations are stateless.
 *
 * @param <M> the message type
 */
public interface ResponseCodec<M extends ResponseMessage> {

    /**
     * Appends the body of {@code message} to {@code out}.
     *
     * @throws IllegalArgumentException when the message cannot be represented (e.g. a name longer than a
     *                                  {@code [string]} allows); nothing useful was written then
     */
    void encode(M message, ByteBuf out, ProtocolVersion version);
}
