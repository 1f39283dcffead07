package org.ringlet.transport.nativeproto.frame;

import org.ringlet.api.error.RingletException;

import static java.util.Objects.requireNonNull;

/**
 * A frame the server answers with an error instead of executing it: an unsupported protocol version, an oversized
 * or malformed frame, an unknown opcode, a body that does not decode. Travels up the pipeline to the request
 * handler, which writes the error on the frame's stream.
 *
 * @param streamId        the stream id the client used (answered on the same one)
 * @param replyVersion    the protocol version number to write the answer's header in, one the client can read
 * @param error           the error to send
 * @param closeConnection whether to close the connection once the answer is written (the byte stream cannot be
 *                        trusted any more, or the client must reconnect with another version)
 */
public record RejectedFrame(int streamId, int replyVersion, RingletException error, boolean closeConnection) {
    public RejectedFrame {
        requireNonNull(error, "error is null");
    }
}
