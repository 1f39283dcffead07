package org.ringlet.transport.nativeproto.frame;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;

import static java.util.Objects.requireNonNull;

/**
 * A header and its body: the unit between the framing layer (v3/v4 frames today, v5 segments later) and the
 * message codecs. Owns one reference to {@code body}.
 *
 * @param header the header; its {@code bodyLength} equals the body's readable bytes
 * @param body   the body
 */
public record Envelope(EnvelopeHeader header, ByteBuf body) implements ReferenceCounted {
    public Envelope {
        requireNonNull(header, "header is null");
        requireNonNull(body, "body is null");
    }

    @Override
    public int refCnt() {
        return body.refCnt();
    }

    @Override
    public Envelope retain() {
        body.retain();
        return this;
    }

    @Override
    public Envelope retain(int increment) {
        body.retain(increment);
        return this;
    }

    @Override
    public Envelope touch() {
        body.touch();
        return this;
    }

    @Override
    public Envelope touch(Object hint) {
        body.touch(hint);
        return this;
    }

    @Override
    public boolean release() {
        return body.release();
    }

    @Override
    public boolean release(int decrement) {
        return body.release(decrement);
    }
}
