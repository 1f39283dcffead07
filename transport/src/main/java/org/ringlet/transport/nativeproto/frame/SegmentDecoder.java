package org.ringlet.transport.nativeproto.frame;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.error.ProtocolException;
import org.ringlet.api.error.RingletException;

/**
 * Reads protocol v5 segments and emits the {@link Envelope}s they carry. A segment is a 6-byte header (3 bytes
 * little-endian: 17 bits of payload length, one "self-contained" bit; then the CRC24 of those 3 bytes), the
 * payload, and the payload's CRC32 (4 bytes little-endian, see {@link Crc}).
 *
 * <p>With LZ4 negotiated the header is 8 bytes: 5 bytes little-endian (17 bits of payload length, 17 bits of
 * uncompressed length, the self-contained bit, 5 bits of padding), then their CRC24. The payload is an LZ4 block
 * that decompresses to the uncompressed length, or, when that length is 0, the bytes themselves (the sender found
 * they did not compress). The CRC32 covers the payload as sent.
 *
 * <ul>
 *   <li>A self-contained segment holds one or more whole envelopes.</li>
 *   <li>An envelope too large for one segment (over 128 KiB - 1 with its header) is spread over consecutive
 *       non-self-contained segments: the first starts with the envelope header, the next ones continue its body.
 *       The declared length is checked against the maximum frame size before anything is buffered; an oversized
 *       envelope is skipped segment by segment and answered with 0x2200.</li>
 *   <li>A checksum mismatch or a segment inconsistent with its envelopes means the stream cannot be trusted:
 *       the answer is a protocol error and the connection is closed.</li>
 * </ul>
 *
 * Not sharable: one instance per connection, installed once the STARTUP of a v5 connection is answered.
 */
public final class SegmentDecoder extends ByteToMessageDecoder {
    /** Header (3 bytes) plus its CRC24 (3 bytes). */
    public static final int HEADER_LENGTH = 6;
    /** The header of a compressed segment (5 bytes) plus its CRC24 (3 bytes). */
    public static final int COMPRESSED_HEADER_LENGTH = 8;
    /** The payload's CRC32. */
    public static final int TRAILER_LENGTH = 4;
    /** The largest payload a 17-bit length can describe. */
    public static final int MAX_PAYLOAD_LENGTH = (1 << 17) - 1;
    static final int SELF_CONTAINED_BIT = 1 << 17;
    static final long COMPRESSED_SELF_CONTAINED_BIT = 1L << 34;

    private final int maxFrameSize;
    private final ProtocolVersion version;
    private final Lz4 lz4;

    // An envelope spread over several segments.
    private EnvelopeHeader largeHeader;
    private ByteBuf largeBody;
    private long largeRemaining;
    private boolean failed;

    /**
     * @param maxFrameSize the largest envelope (header and body) accepted, in bytes
     * @param version      the connection's version (v5 or later)
     */
    public SegmentDecoder(int maxFrameSize, ProtocolVersion version) {
        this(maxFrameSize, version, null);
    }

    /**
     * @param maxFrameSize the largest envelope (header and body) accepted, in bytes
     * @param version      the connection's version (v5 or later)
     * @param lz4          the decompressor when the connection negotiated LZ4, else null
     */
    public SegmentDecoder(int maxFrameSize, ProtocolVersion version, Lz4 lz4) {
        if (!version.usesSegments()) {
            throw new IllegalArgumentException(version + " does not use segments");
        }
        this.maxFrameSize = maxFrameSize;
        this.version = version;
        this.lz4 = lz4;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int headerLength = lz4 == null ? HEADER_LENGTH : COMPRESSED_HEADER_LENGTH;
        if (in.readableBytes() < headerLength) {
            return;
        }
        int start = in.readerIndex();
        int headerBytes = headerLength - 3;
        long header = lz4 == null ? in.getUnsignedMediumLE(start)
                : in.getUnsignedIntLE(start) | (long) in.getUnsignedByte(start + 4) << 32;
        int headerCrc = in.getUnsignedMediumLE(start + headerBytes);
        int computedCrc = Crc.crc24(header, headerBytes);
        if (computedCrc != headerCrc) {
            fail(out, "CRC mismatch on the header of a segment: received 0x" + Integer.toHexString(headerCrc)
                    + ", computed 0x" + Integer.toHexString(computedCrc));
            in.skipBytes(in.readableBytes());
            return;
        }
        int payloadLength = (int) (header & MAX_PAYLOAD_LENGTH);
        int uncompressedLength = lz4 == null ? 0 : (int) (header >>> 17 & MAX_PAYLOAD_LENGTH);
        boolean selfContained = (header & (lz4 == null ? SELF_CONTAINED_BIT : COMPRESSED_SELF_CONTAINED_BIT)) != 0;
        if (in.readableBytes() < headerLength + payloadLength + TRAILER_LENGTH) {
            return;
        }
        ByteBuf payload = in.slice(start + headerLength, payloadLength);
        int payloadCrc = in.getIntLE(start + headerLength + payloadLength);
        in.skipBytes(headerLength + payloadLength + TRAILER_LENGTH);
        if (Crc.crc32(payload) != payloadCrc) {
            fail(out, "CRC mismatch on the payload of a segment");
            in.skipBytes(in.readableBytes());
            return;
        }
        boolean decompressed = uncompressedLength > 0;
        if (decompressed) {
            try {
                payload = lz4.decompress(payload, uncompressedLength, "segment");
            } catch (RingletException e) {
                // The checksum matched, so the sender compressed garbage: what the segment held is lost, and the
                // envelopes that follow cannot be trusted to line up.
                fail(out, e.getMessage());
                in.skipBytes(in.readableBytes());
                return;
            }
        }
        try {
            if (selfContained) {
                readSelfContained(payload, out);
            } else {
                readPart(ctx, payload, out);
            }
        } finally {
            if (decompressed) {
                payload.release();
            }
        }
        if (failed) {
            in.skipBytes(in.readableBytes());
        }
    }

    private void readSelfContained(ByteBuf payload, List<Object> out) {
        if (largeHeader != null) {
            fail(out, "Received a self-contained segment while " + largeRemaining + " bytes of a large message "
                    + "were still expected");
            return;
        }
        while (payload.isReadable()) {
            if (payload.readableBytes() < EnvelopeHeader.LENGTH) {
                fail(out, "A self-contained segment ends with " + payload.readableBytes() + " bytes that are not a "
                        + "whole message");
                return;
            }
            EnvelopeHeader h = readHeader(payload);
            if (h.bodyLength() < 0 || h.bodyLength() > payload.readableBytes()) {
                fail(out, "A message of " + h.bodyLength() + " bytes does not fit in its self-contained segment");
                return;
            }
            RingletException refusal = check(h);
            if (refusal != null) {
                payload.skipBytes(h.bodyLength());
                out.add(new RejectedFrame(h.streamId(), version.number(), refusal, false));
            } else {
                out.add(new Envelope(h, payload.readRetainedSlice(h.bodyLength())));
            }
        }
    }

    private void readPart(ChannelHandlerContext ctx, ByteBuf payload, List<Object> out) {
        if (largeHeader == null) {
            if (payload.readableBytes() < EnvelopeHeader.LENGTH) {
                fail(out, "The first segment of a large message is shorter than a message header");
                return;
            }
            EnvelopeHeader h = readHeader(payload);
            if (h.bodyLength() < 0) {
                fail(out, "Invalid frame body length " + h.bodyLength());
                return;
            }
            largeHeader = h;
            largeRemaining = h.bodyLength();
            // Only an envelope we will accept is buffered, and it grows as its segments arrive, up to the declared
            // length, which the maximum frame size bounds.
            if (check(h) == null) {
                largeBody = ctx.alloc().buffer(Math.min(h.bodyLength(), MAX_PAYLOAD_LENGTH), h.bodyLength());
            }
        }
        int n = payload.readableBytes();
        if (n > largeRemaining) {
            fail(out, "Segments carry " + (n - largeRemaining) + " more bytes than their message declared");
            return;
        }
        if (largeBody != null) {
            largeBody.writeBytes(payload);
        } else {
            payload.skipBytes(n);
        }
        largeRemaining -= n;
        if (largeRemaining == 0) {
            EnvelopeHeader h = largeHeader;
            ByteBuf body = largeBody;
            largeHeader = null;
            largeBody = null;
            if (body != null) {
                out.add(new Envelope(h, body));
            } else {
                out.add(new RejectedFrame(h.streamId(), version.number(), check(h), false));
            }
        }
    }

    private static EnvelopeHeader readHeader(ByteBuf payload) {
        int versionByte = payload.readUnsignedByte();
        int flags = payload.readUnsignedByte();
        int streamId = payload.readShort();
        int opcode = payload.readUnsignedByte();
        int bodyLength = payload.readInt();
        return new EnvelopeHeader(versionByte, flags, streamId, opcode, bodyLength);
    }

    /** Why an envelope inside segments is refused (its version or size), or null. */
    private RingletException check(EnvelopeHeader h) {
        if (h.versionNumber() != version.number()) {
            return new ProtocolException("Invalid message version. Got " + h.versionNumber()
                    + " but previous messages on this connection had version " + version);
        }
        long total = EnvelopeHeader.LENGTH + (long) h.bodyLength();
        if (total > maxFrameSize) {
            return new InvalidRequestException("Request is too big: length " + total
                    + " exceeds maximum allowed length " + maxFrameSize + ".");
        }
        return null;
    }

    private void fail(List<Object> out, String message) {
        failed = true;
        release();
        out.add(new RejectedFrame(0, version.number(), new ProtocolException(message), true));
    }

    private void release() {
        if (largeBody != null) {
            largeBody.release();
            largeBody = null;
        }
        largeHeader = null;
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        release();
    }
}
