package org.ringlet.transport.nativeproto.frame;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.error.ProtocolException;

/**
 * Cuts the v3/v4 byte stream into {@link Envelope}s and guards the connection's protocol version.
 *
 * <ul>
 *   <li>The declared length is checked against the maximum frame size as soon as the header is complete, before
 *       any body byte is buffered: an oversized frame is skipped as it arrives (never held in memory) and answered
 *       with {@code 0x2200 Request is too big}; the connection stays usable.</li>
 *   <li>A version this server does not accept (DSE's 0x41/0x42, v6, v1/v2, or one the configuration excludes)
 *       is answered with {@code 0x000A} and {@link ProtocolVersion#invalidVersionMessage} on the request's stream,
 *       in a header the client can read (v1/v2 get their own 8-byte header, everyone else the highest version
 *       accepted), once the frame's body has arrived; then the connection is closed so the driver retries with a
 *       lower version.</li>
 *   <li>The first accepted frame fixes the connection's version; a frame of another version is refused.</li>
 *   <li>A negative length cannot be skipped: the answer is an error and the connection is closed.</li>
 * </ul>
 *
 * <p>Emits {@link Envelope}s and {@link RejectedFrame}s. Not sharable: one instance per connection. A v5 connection
 * replaces it with a {@link SegmentDecoder} once STARTUP is answered.
 */
public final class EnvelopeDecoder extends ByteToMessageDecoder {
    private final int maxFrameSize;
    private final Set<ProtocolVersion> accepted;

    private ProtocolVersion connectionVersion;
    private long bytesToDiscard;
    private RejectedFrame afterDiscard;
    private boolean failed;

    /**
     * @param maxFrameSize the largest frame (header and body) accepted, in bytes
     * @param accepted     the versions accepted on this server
     */
    public EnvelopeDecoder(int maxFrameSize, Set<ProtocolVersion> accepted) {
        if (maxFrameSize < EnvelopeHeader.LENGTH) {
            throw new IllegalArgumentException("maxFrameSize must be at least " + EnvelopeHeader.LENGTH + ", got "
                    + maxFrameSize);
        }
        if (accepted.isEmpty()) {
            throw new IllegalArgumentException("no protocol version accepted");
        }
        this.maxFrameSize = maxFrameSize;
        this.accepted = EnumSet.copyOf(accepted);
    }

    /** The version fixed by the first accepted frame, or null before it. */
    public ProtocolVersion connectionVersion() {
        return connectionVersion;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (bytesToDiscard > 0) {
            int n = (int) Math.min(bytesToDiscard, in.readableBytes());
            in.skipBytes(n);
            bytesToDiscard -= n;
            if (bytesToDiscard == 0) {
                emit(afterDiscard, out);
                afterDiscard = null;
            }
            return;
        }
        if (!in.isReadable()) {
            return;
        }
        int start = in.readerIndex();
        int versionNumber = in.getUnsignedByte(start) & EnvelopeHeader.VERSION_MASK;
        int headerLength = EnvelopeHeader.lengthFor(versionNumber);
        if (in.readableBytes() < headerLength) {
            return;
        }
        int flags = in.getUnsignedByte(start + 1);
        int streamId = headerLength == EnvelopeHeader.LEGACY_LENGTH ? in.getByte(start + 2) : in.getShort(start + 2);
        int opcode = in.getUnsignedByte(start + headerLength - 5);
        int bodyLength = in.getInt(start + headerLength - 4);
        long totalLength = headerLength + (long) bodyLength;

        ProtocolVersion version = ProtocolVersion.of(versionNumber).filter(accepted::contains).orElse(null);
        if (version == null) {
            int replyVersion = headerLength == EnvelopeHeader.LEGACY_LENGTH
                    ? versionNumber : highestAccepted().number();
            RejectedFrame refusal = new RejectedFrame(streamId, replyVersion,
                    new ProtocolException(invalidVersionMessage(versionNumber)), true);
            if (bodyLength >= 0 && totalLength <= maxFrameSize) {
                // Take the whole request off the socket first: closing with unread input would reset the
                // connection, and the client might lose our answer.
                in.skipBytes(headerLength);
                discardThenEmit(in, bodyLength, refusal, out);
            } else {
                in.skipBytes(in.readableBytes());
                emit(refusal, out);
            }
            return;
        }
        int replyVersion = connectionVersion == null ? version.number() : connectionVersion.number();
        if (bodyLength < 0) {
            in.skipBytes(in.readableBytes());
            emit(new RejectedFrame(streamId, replyVersion,
                    new ProtocolException("Invalid frame body length " + bodyLength), true), out);
            return;
        }
        if (connectionVersion != null && version != connectionVersion && totalLength <= maxFrameSize) {
            in.skipBytes(headerLength);
            discardThenEmit(in, bodyLength, new RejectedFrame(streamId, replyVersion, new ProtocolException(
                    "Invalid message version. Got " + version + " but previous messages on this connection had "
                            + "version " + connectionVersion), false), out);
            return;
        }
        if (totalLength > maxFrameSize) {
            in.skipBytes(headerLength);
            discardThenEmit(in, bodyLength, new RejectedFrame(streamId, replyVersion, new InvalidRequestException(
                    "Request is too big: length " + totalLength + " exceeds maximum allowed length "
                            + maxFrameSize + "."), false), out);
            return;
        }
        if (in.readableBytes() < totalLength) {
            return;
        }
        if (connectionVersion == null) {
            connectionVersion = version;
        }
        EnvelopeHeader header = new EnvelopeHeader(in.getUnsignedByte(start), flags, streamId, opcode, bodyLength);
        ByteBuf body = in.retainedSlice(start + headerLength, bodyLength);
        in.skipBytes((int) totalLength);
        out.add(new Envelope(header, body));
    }

    private String invalidVersionMessage(int versionNumber) {
        ProtocolVersion known = ProtocolVersion.of(versionNumber).orElse(null);
        if (known != null && !known.isAtLeast(lowestAccepted())) {
            // An older version this server was configured to refuse (Cassandra's wording).
            return "Rejecting Protocol Version " + known + " < " + lowestAccepted() + ".";
        }
        return ProtocolVersion.invalidVersionMessage(versionNumber, accepted);
    }

    private ProtocolVersion highestAccepted() {
        ProtocolVersion best = null;
        for (ProtocolVersion v : accepted) {
            best = v;
        }
        return best;
    }

    private ProtocolVersion lowestAccepted() {
        return accepted.iterator().next();
    }

    private void discardThenEmit(ByteBuf in, int bodyLength, RejectedFrame rejection, List<Object> out) {
        int now = Math.min(bodyLength, in.readableBytes());
        in.skipBytes(now);
        bytesToDiscard = bodyLength - now;
        if (bytesToDiscard == 0) {
            emit(rejection, out);
        } else {
            afterDiscard = rejection;
        }
    }

    private void emit(RejectedFrame rejection, List<Object> out) {
        out.add(rejection);
        if (rejection.closeConnection()) {
            failed = true;
        }
    }
}
