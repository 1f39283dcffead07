package org.ringlet.transport.nativeproto.message;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A response to write, with its frame-level attributes.
 *
 * @param streamId the stream to answer on (-1 for events)
 * @param version  the protocol version number to write in the header (the connection's, or for a refused version
 *                 one the client can read)
 * @param message  the response
 * @param warnings warnings for the client (sent with the Warning flag from protocol v4 on); possibly empty
 */
public record ResponseFrame(int streamId, int version, ResponseMessage message, List<String> warnings) {
    /** The stream id of server-initiated messages (events). */
    public static final int EVENT_STREAM_ID = -1;

    public ResponseFrame {
        requireNonNull(message, "message is null");
        warnings = List.copyOf(warnings);
    }

    public ResponseFrame(int streamId, int version, ResponseMessage message) {
        this(streamId, version, message, List.of());
    }
}
