package org.ringlet.transport.nativeproto.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.Unpooled;
import net.jpountz.lz4.LZ4Factory;
import org.ringlet.transport.nativeproto.frame.Crc;

/**
 * Reads a server's output back, independently of the production codecs, and checks every response completely:
 * plain frames (8-byte headers for refusals of v1/v2), v5 segments with their checksums, LZ4 bodies and segments;
 * then each body field by field — errors with every field their code carries, results (rows, prepared, schema
 * changes, keyspace), events, SUPPORTED — with nothing missing and nothing left over. A SERVER_ERROR (0x0000) is a
 * failure: bad input must never cause one.
 */
final class ResponseChecker {
    /**
     * One response as read.
     *
     * @param framing how it came: PLAIN, SEGMENTS or SEGMENTS_LZ4
     */
    record Response(OutboundTap.Framing framing, int version, int flags, int stream, int opcode, int errorCode,
                    String errorMessage) {
    }

    private OutboundTap.Framing framing = OutboundTap.Framing.PLAIN;

    private final List<Response> responses = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    List<Response> responses() {
        return responses;
    }

    /** What was wrong with the output; empty when every response was complete and well-formed. */
    List<String> problems() {
        return problems;
    }

    void check(List<OutboundTap.Run> runs) {
        for (OutboundTap.Run run : runs) {
            framing = run.framing();
            try {
                switch (run.framing()) {
                    case PLAIN -> plainFrames(ByteBuffer.wrap(run.bytes()));
                    case SEGMENTS -> segments(ByteBuffer.wrap(run.bytes()), false);
                    case SEGMENTS_LZ4 -> segments(ByteBuffer.wrap(run.bytes()), true);
                    default -> throw new IllegalStateException();
                }
            } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
                problems.add("unreadable output (" + run.framing() + "): " + e);
            }
        }
    }

    private void plainFrames(ByteBuffer b) {
        while (b.hasRemaining()) {
            int version = b.get() & 0xFF;
            int v = version & 0x7F;
            boolean legacy = v == 1 || v == 2;
            int flags = b.get() & 0xFF;
            int stream = legacy ? b.get() : b.getShort();
            int opcode = b.get() & 0xFF;
            int length = b.getInt();
            if (length < 0 || length > b.remaining()) {
                problems.add("frame on stream " + stream + " declares " + length + " body bytes, " + b.remaining()
                        + " follow");
                return;
            }
            byte[] body = new byte[length];
            b.get(body);
            response(version, flags, stream, opcode, body);
        }
    }

    private void segments(ByteBuffer b, boolean lz4) {
        b.order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream large = null;
        while (b.hasRemaining()) {
            int headerBytes = lz4 ? 5 : 3;
            long header = 0;
            for (int i = 0; i < headerBytes; i++) {
                header |= (long) (b.get() & 0xFF) << 8 * i;
            }
            int crc24 = (b.get() & 0xFF) | (b.get() & 0xFF) << 8 | (b.get() & 0xFF) << 16;
            if (crc24 != Crc.crc24(header, headerBytes)) {
                problems.add("segment header CRC mismatch");
                return;
            }
            int length = (int) (header & 0x1FFFF);
            int uncompressed = lz4 ? (int) (header >>> 17 & 0x1FFFF) : 0;
            boolean selfContained = (header & (lz4 ? 1L << 34 : 1L << 17)) != 0;
            byte[] payload = new byte[length];
            b.get(payload);
            if (b.getInt() != Crc.crc32(Unpooled.wrappedBuffer(payload))) {
                problems.add("segment payload CRC mismatch");
                return;
            }
            if (uncompressed > 0) {
                payload = LZ4Factory.safeInstance().fastDecompressor().decompress(payload, uncompressed);
            }
            if (selfContained) {
                if (large != null) {
                    problems.add("self-contained segment inside a large message");
                    return;
                }
                envelopes(ByteBuffer.wrap(payload));
            } else {
                if (large == null) {
                    large = new ByteArrayOutputStream();
                }
                large.writeBytes(payload);
                ByteBuffer whole = ByteBuffer.wrap(large.toByteArray());
                if (whole.remaining() >= 9 && whole.remaining() >= 9 + whole.getInt(5)) {
                    envelopes(whole);
                    large = null;
                }
            }
        }
        if (large != null) {
            problems.add("output ends inside a large message");
        }
    }

    private void envelopes(ByteBuffer payload) {
        plainFrames(payload.order(ByteOrder.BIG_ENDIAN));
    }

    private void response(int version, int flags, int stream, int opcode, byte[] rawBody) {
        String where = "response opcode 0x" + Integer.toHexString(opcode) + " on stream " + stream;
        if ((version & 0x80) == 0) {
            problems.add(where + ": version byte 0x" + Integer.toHexString(version) + " lacks the response bit");
        }
        byte[] body = rawBody;
        if ((flags & 0x01) != 0) {
            ByteBuffer c = ByteBuffer.wrap(rawBody);
            int n = c.getInt();
            body = LZ4Factory.safeInstance().fastDecompressor().decompress(rawBody, 4, n);
        }
        ByteBuffer b = ByteBuffer.wrap(body);
        int v = version & 0x7F;
        int errorCode = -1;
        String message = null;
        try {
            if ((flags & 0x08) != 0) {
                stringList(b);
            }
            switch (opcode) {
                case 0x00 -> {
                    errorCode = b.getInt();
                    message = string(b);
                    errorFields(errorCode, v, b);
                    if (errorCode == 0x0000) {
                        problems.add(where + ": SERVER_ERROR caused by client input: " + message);
                    }
                }
                case 0x02 -> {
                }
                case 0x03 -> string(b);
                case 0x06 -> {
                    int n = b.getShort() & 0xFFFF;
                    for (int i = 0; i < n; i++) {
                        string(b);
                        stringList(b);
                    }
                }
                case 0x08 -> result(b, v);
                case 0x0C -> event(b);
                default -> problems.add(where + ": not a response opcode");
            }
            if (b.hasRemaining()) {
                problems.add(where + ": " + b.remaining() + " bytes left after the body");
            }
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            problems.add(where + ": incomplete body (" + e + ")");
        }
        responses.add(new Response(framing, version, flags, stream, opcode, errorCode, message));
    }

    private void errorFields(int code, int v, ByteBuffer b) {
        switch (code) {
            case 0x0000, 0x000A, 0x0100, 0x1001, 0x1002, 0x1003, 0x2000, 0x2100, 0x2200, 0x2300 -> {
            }
            case 0x1000 -> {
                b.getShort();
                b.getInt();
                b.getInt();
            }
            case 0x2400 -> {
                string(b);
                string(b);
            }
            case 0x2500 -> shortBytes(b);
            default -> problems.add("error code 0x" + Integer.toHexString(code) + " that the fuzz handler never "
                    + "raises");
        }
    }

    private void result(ByteBuffer b, int v) {
        int kind = b.getInt();
        switch (kind) {
            case 1 -> {
            }
            case 2 -> {
                int columns = metadata(b, v, false);
                int rows = b.getInt();
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < columns; c++) {
                        bytes(b);
                    }
                }
            }
            case 3 -> string(b);
            case 4 -> {
                shortBytes(b);
                if (v >= 5) {
                    shortBytes(b);
                }
                metadata(b, v, true);
                metadata(b, v, false);
            }
            case 5 -> schemaChange(b);
            default -> problems.add("unknown RESULT kind " + kind);
        }
    }

    /** Reads result or prepared metadata; returns the column count. */
    private int metadata(ByteBuffer b, int v, boolean prepared) {
        int flags = b.getInt();
        int columns = b.getInt();
        if (prepared && v >= 4) {
            int pk = b.getInt();
            for (int i = 0; i < pk; i++) {
                b.getShort();
            }
        }
        if ((flags & 0x02) != 0) {
            bytes(b);
        }
        if ((flags & 0x08) != 0) {
            shortBytes(b);
        }
        if ((flags & 0x04) != 0) {
            return columns;
        }
        boolean global = (flags & 0x01) != 0;
        if (global) {
            string(b);
            string(b);
        }
        for (int i = 0; i < columns; i++) {
            if (!global) {
                string(b);
                string(b);
            }
            string(b);
            type(b, 0);
        }
        return columns;
    }

    private void type(ByteBuffer b, int depth) {
        if (depth > 64) {
            throw new IllegalArgumentException("type nested too deeply");
        }
        int id = b.getShort() & 0xFFFF;
        switch (id) {
            case 0x0000 -> string(b);
            case 0x0020, 0x0022 -> type(b, depth + 1);
            case 0x0021 -> {
                type(b, depth + 1);
                type(b, depth + 1);
            }
            case 0x0030 -> {
                string(b);
                string(b);
                int n = b.getShort() & 0xFFFF;
                for (int i = 0; i < n; i++) {
                    string(b);
                    type(b, depth + 1);
                }
            }
            case 0x0031 -> {
                int n = b.getShort() & 0xFFFF;
                for (int i = 0; i < n; i++) {
                    type(b, depth + 1);
                }
            }
            default -> {
                if (id > 0x0015) {
                    throw new IllegalArgumentException("unknown type id 0x" + Integer.toHexString(id));
                }
            }
        }
    }

    private void schemaChange(ByteBuffer b) {
        string(b);
        String target = string(b);
        switch (target) {
            case "KEYSPACE" -> string(b);
            case "TABLE", "TYPE" -> {
                string(b);
                string(b);
            }
            case "FUNCTION", "AGGREGATE" -> {
                string(b);
                string(b);
                stringList(b);
            }
            default -> throw new IllegalArgumentException("unknown schema change target " + target);
        }
    }

    private void event(ByteBuffer b) {
        String type = string(b);
        switch (type) {
            case "SCHEMA_CHANGE" -> schemaChange(b);
            case "STATUS_CHANGE", "TOPOLOGY_CHANGE" -> {
                string(b);
                int n = b.get() & 0xFF;
                b.position(b.position() + n);
                b.getInt();
            }
            default -> throw new IllegalArgumentException("unknown event type " + type);
        }
    }

    private static String string(ByteBuffer b) {
        int n = b.getShort() & 0xFFFF;
        byte[] s = new byte[n];
        b.get(s);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(s)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a [string] that is not UTF-8");
        }
    }

    private static void stringList(ByteBuffer b) {
        int n = b.getShort() & 0xFFFF;
        for (int i = 0; i < n; i++) {
            string(b);
        }
    }

    private static void shortBytes(ByteBuffer b) {
        int n = b.getShort() & 0xFFFF;
        b.position(b.position() + n);
    }

    private static void bytes(ByteBuffer b) {
        int n = b.getInt();
        if (n > 0) {
            if (n > b.remaining()) {
                throw new BufferUnderflowException();
            }
            b.position(b.position() + n);
        }
    }
}
