package org.ringlet.api.types;

import java.nio.ByteBuffer;

/**
 * A value of the CQL {@code duration} type: months, days and nanoseconds, each signed and all of the same sign.
 * Serialized as three zig-zag variable-length integers (vint), as Cassandra does.
 *
 * @param months      months
 * @param days        days
 * @param nanoseconds nanoseconds
 */
public record CqlDuration(int months, int days, long nanoseconds) {
    public CqlDuration {
        boolean anyNegative = months < 0 || days < 0 || nanoseconds < 0;
        boolean anyPositive = months > 0 || days > 0 || nanoseconds > 0;
        if (anyNegative && anyPositive) {
            throw new MarshalException("The duration months, days and nanoseconds must be all of the same sign ("
                    + months + ", " + days + ", " + nanoseconds + ")");
        }
    }

    /** The serialized form. */
    public ByteBuffer serialize() {
        ByteBuffer out = ByteBuffer.allocate(VInts.sizeOfSigned(months) + VInts.sizeOfSigned(days)
                + VInts.sizeOfSigned(nanoseconds));
        VInts.writeSigned(months, out);
        VInts.writeSigned(days, out);
        VInts.writeSigned(nanoseconds, out);
        return out.flip();
    }

    /** Reads a serialized duration. */
    public static CqlDuration deserialize(ByteBuffer value) {
        ByteBuffer in = value.duplicate();
        try {
            long months = VInts.readSigned(in);
            long days = VInts.readSigned(in);
            long nanos = VInts.readSigned(in);
            if (in.hasRemaining()) {
                throw new MarshalException("Invalid duration value: " + in.remaining() + " trailing bytes");
            }
            if (months != (int) months) {
                throw new MarshalException("The duration months must be a 32 bits integer but was: " + months);
            }
            if (days != (int) days) {
                throw new MarshalException("The duration days must be a 32 bits integer but was: " + days);
            }
            return new CqlDuration((int) months, (int) days, nanos);
        } catch (java.nio.BufferUnderflowException e) {
            throw new MarshalException("Invalid duration value: truncated");
        }
    }
}
