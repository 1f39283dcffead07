package org.ringlet.transport.nativeproto.frame;

/**
 * The header of one protocol message (a "frame" in v3/v4, an "envelope" in v5), as read from or written to the
 * wire.
 *
 * @param version    the version byte: the protocol version, with bit 0x80 set in responses
 * @param flags      the header flags ({@link #FLAG_COMPRESSED} and friends)
 * @param streamId   the stream id; -1 for events
 * @param opcode     the opcode
 * @param bodyLength the length of the body in bytes
 */
public record EnvelopeHeader(int version, int flags, int streamId, int opcode, int bodyLength) {
    /** Header length from protocol v3 on (stream id is a short). */
    public static final int LENGTH = 9;
    /** Header length of protocols v1 and v2 (stream id is a byte); only used to refuse them readably. */
    public static final int LEGACY_LENGTH = 8;

    public static final int RESPONSE_BIT = 0x80;
    public static final int VERSION_MASK = 0x7f;

    public static final int FLAG_COMPRESSED = 0x01;
    public static final int FLAG_TRACING = 0x02;
    public static final int FLAG_CUSTOM_PAYLOAD = 0x04;
    public static final int FLAG_WARNING = 0x08;
    public static final int FLAG_USE_BETA = 0x10;

    /** The protocol version number, without the direction bit. */
    public int versionNumber() {
        return version & VERSION_MASK;
    }

    /** Whether the direction bit says "response". */
    public boolean isResponse() {
        return (version & RESPONSE_BIT) != 0;
    }

    public boolean hasFlag(int flag) {
        return (flags & flag) != 0;
    }

    /** The header length used by a version number: 8 bytes for v1 and v2, 9 from v3 on. */
    public static int lengthFor(int versionNumber) {
        return versionNumber == 1 || versionNumber == 2 ? LEGACY_LENGTH : LENGTH;
    }
}
