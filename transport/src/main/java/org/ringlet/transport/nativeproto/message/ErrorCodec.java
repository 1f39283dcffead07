package org.ringlet.transport.nativeproto.message;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import org.ringlet.api.cluster.WriteType;
import org.ringlet.api.error.AlreadyExistsException;
import org.ringlet.api.error.CasWriteUnknownException;
import org.ringlet.api.error.ErrorCode;
import org.ringlet.api.error.FunctionFailureException;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.error.ReadFailureException;
import org.ringlet.api.error.ReadTimeoutException;
import org.ringlet.api.error.RequestFailureReason;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.error.ServerError;
import org.ringlet.api.error.UnavailableException;
import org.ringlet.api.error.UnpreparedException;
import org.ringlet.api.error.WriteFailureException;
import org.ringlet.api.error.WriteTimeoutException;
import org.ringlet.transport.nativeproto.frame.ProtocolVersion;

/**
 * Encodes ERROR bodies (sections 4.2.1 and 9): {@code [int] code}, {@code [string] message}, then every extra
 * field of the code. Drivers decode those fields and drop the connection on a short body, so an exception that
 * claims a code without carrying its fields (a bare {@link RingletException}) is sent as a server error rather
 * than with a truncated body.
 *
 * <p>Older versions get what they can read, as Cassandra sends them: in v3, read/write failures become
 * timeouts and function or CDC failures become invalid requests; up to v4, an unknown CAS outcome is a
 * {@code CAS} write timeout. From v5, failures carry a reason per replica and CAS write timeouts their
 * contentions.
 */
final class ErrorCodec implements ResponseCodec<ResponseMessage.ErrorMessage> {
    static final ErrorCodec INSTANCE = new ErrorCodec();

    private ErrorCodec() {
    }

    @Override
    public void encode(ResponseMessage.ErrorMessage message, ByteBuf out, ProtocolVersion version) {
        RingletException e = compatible(complete(message.error()), version);
        out.writeInt(e.code().code());
        Wire.writeStringTruncated(e.getMessage(), out);
        switch (e.code()) {
            case UNAVAILABLE -> {
                UnavailableException u = (UnavailableException) e;
                Wire.writeConsistency(u.consistency(), out);
                out.writeInt(u.required());
                out.writeInt(u.alive());
            }
            case WRITE_TIMEOUT -> {
                WriteTimeoutException w = (WriteTimeoutException) e;
                Wire.writeConsistency(w.consistency(), out);
                out.writeInt(w.received());
                out.writeInt(w.blockFor());
                Wire.writeString(w.writeType().name(), out);
                if (w.writeType() == WriteType.CAS && version.isAtLeast(ProtocolVersion.V5)) {
                    out.writeShort(w.contentions());
                }
            }
            case READ_TIMEOUT -> {
                ReadTimeoutException r = (ReadTimeoutException) e;
                Wire.writeConsistency(r.consistency(), out);
                out.writeInt(r.received());
                out.writeInt(r.blockFor());
                out.writeByte(r.dataPresent() ? 1 : 0);
            }
            case READ_FAILURE -> {
                ReadFailureException r = (ReadFailureException) e;
                Wire.writeConsistency(r.consistency(), out);
                out.writeInt(r.received());
                out.writeInt(r.blockFor());
                writeFailures(r.failures(), out, version);
                out.writeByte(r.dataPresent() ? 1 : 0);
            }
            case WRITE_FAILURE -> {
                WriteFailureException w = (WriteFailureException) e;
                Wire.writeConsistency(w.consistency(), out);
                out.writeInt(w.received());
                out.writeInt(w.blockFor());
                writeFailures(w.failures(), out, version);
                Wire.writeString(w.writeType().name(), out);
            }
            case FUNCTION_FAILURE -> {
                FunctionFailureException f = (FunctionFailureException) e;
                Wire.writeString(f.keyspace(), out);
                Wire.writeString(f.function(), out);
                Wire.writeStringList(f.argumentTypes(), out);
            }
            case ALREADY_EXISTS -> {
                AlreadyExistsException a = (AlreadyExistsException) e;
                Wire.writeString(a.keyspace(), out);
                Wire.writeString(a.table(), out);
            }
            case UNPREPARED -> Wire.writeShortBytes(((UnpreparedException) e).id(), out);
            case CAS_WRITE_UNKNOWN -> {
                CasWriteUnknownException c = (CasWriteUnknownException) e;
                Wire.writeConsistency(c.consistency(), out);
                out.writeInt(c.received());
                out.writeInt(c.blockFor());
            }
            default -> {
                // code and message only
            }
        }
    }

    /**
     * The failures of a read or write: their number up to v4; from v5 the reason map {@code [int] n} then n
     * times {@code [inetaddr][short] reason}, in a stable order.
     */
    private static void writeFailures(Map<InetAddress, RequestFailureReason> failures, ByteBuf out,
                                      ProtocolVersion version) {
        out.writeInt(failures.size());
        if (version.isAtLeast(ProtocolVersion.V5)) {
            List<Map.Entry<InetAddress, RequestFailureReason>> sorted = new ArrayList<>(failures.entrySet());
            sorted.sort(Comparator.comparing(entry -> entry.getKey().getHostAddress()));
            for (Map.Entry<InetAddress, RequestFailureReason> entry : sorted) {
                Wire.writeInetAddr(entry.getKey(), out);
                out.writeShort(entry.getValue().code());
            }
        }
    }

    /** {@code e}, or a server error if its class lacks the fields its code needs on the wire. */
    static RingletException complete(RingletException e) {
        Class<? extends RingletException> needed = switch (e.code()) {
            case UNAVAILABLE -> UnavailableException.class;
            case WRITE_TIMEOUT -> WriteTimeoutException.class;
            case READ_TIMEOUT -> ReadTimeoutException.class;
            case READ_FAILURE -> ReadFailureException.class;
            case WRITE_FAILURE -> WriteFailureException.class;
            case FUNCTION_FAILURE -> FunctionFailureException.class;
            case ALREADY_EXISTS -> AlreadyExistsException.class;
            case UNPREPARED -> UnpreparedException.class;
            case CAS_WRITE_UNKNOWN -> CasWriteUnknownException.class;
            default -> RingletException.class;
        };
        if (needed.isInstance(e)) {
            return e;
        }
        return new ServerError("Error " + e.code() + " reported without its details (" + e.getClass().getName()
                + "): " + e.getMessage(), e);
    }

    /** What a client of {@code version} can decode, following Cassandra's down-conversions. */
    static RingletException compatible(RingletException e, ProtocolVersion version) {
        if (!version.isAtLeast(ProtocolVersion.V4)) {
            if (e instanceof ReadFailureException r) {
                return new ReadTimeoutException(r.consistency(), r.received(), r.blockFor(), r.dataPresent());
            }
            if (e instanceof WriteFailureException w) {
                return new WriteTimeoutException(w.writeType(), w.consistency(), w.received(), w.blockFor());
            }
            if (e.code() == ErrorCode.FUNCTION_FAILURE || e.code() == ErrorCode.CDC_WRITE_FAILURE) {
                return new InvalidRequestException(e.getMessage(), e);
            }
        }
        if (e instanceof CasWriteUnknownException c && !version.isAtLeast(ProtocolVersion.V5)) {
            return new WriteTimeoutException(WriteType.CAS, c.consistency(), c.received(), c.blockFor());
        }
        return e;
    }
}
