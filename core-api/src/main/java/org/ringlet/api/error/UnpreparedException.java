package org.ringlet.api.error;

import java.nio.ByteBuffer;

import static java.util.Objects.requireNonNull;

/** An EXECUTE named a prepared-statement id this node does not know (0x2500). */
public final class UnpreparedException extends RingletException {
    private final byte[] id;

    public UnpreparedException(byte[] id, String message) {
        super(ErrorCode.UNPREPARED, message);
        this.id = requireNonNull(id, "id is null").clone();
    }

    /** The id the client sent. */
    public ByteBuffer id() {
        return ByteBuffer.wrap(id).asReadOnlyBuffer();
    }
}
