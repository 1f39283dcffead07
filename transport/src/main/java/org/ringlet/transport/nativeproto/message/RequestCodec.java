package org.ringlet.transport.nativeproto.message;

import io.netty.buffer.ByteBuf;
import org.ringlet.transport.nativeproto.frame.ProtocolVersion;

/**
 * Decodes the body of one kind of request. Implementations are stateless.
 *
 * @param <M> the message type
 */
public interface RequestCodec<M extends RequestMessage> {

    /**
     * Decodes a body, leaving any bytes after the message unread (the caller refuses them).
     *
     * @throws org.ringlet.api.error.ProtocolException when the body is malformed
     */
    M decode(ByteBuf body, ProtocolVersion version);
}
