package org.ringlet.transport.nativeproto.message;

import org.ringlet.transport.nativeproto.frame.EnvelopeHeader;
import org.ringlet.transport.nativeproto.frame.ProtocolVersion;

import static java.util.Objects.requireNonNull;

/**
 * A decoded request with the header it came in.
 *
 * @param header  the frame header (stream id, flags)
 * @param version the protocol version of the frame
 * @param message the request
 */
public record RequestFrame(EnvelopeHeader header, ProtocolVersion version, RequestMessage message) {
    public RequestFrame {
        requireNonNull(header, "header is null");
        requireNonNull(version, "version is null");
        requireNonNull(message, "message is null");
    }

    public int streamId() {
        return header.streamId();
    }
}
