package org.ringlet.transport.nativeproto.message;

/**
 * The opcode table: each opcode with its direction and the codec of its body (section 2.4 of the spec). Requests
 * are decoded by the server, responses encoded.
 */
public enum Opcode {
    ERROR(0x00, ResponseCodecs.ERROR),
    STARTUP(0x01, RequestCodecs.STARTUP),
    READY(0x02, ResponseCodecs.READY),
    AUTHENTICATE(0x03, ResponseCodecs.AUTHENTICATE),
    OPTIONS(0x05, RequestCodecs.OPTIONS),
    SUPPORTED(0x06, ResponseCodecs.SUPPORTED),
    QUERY(0x07, QueryCodecs.QUERY),
    RESULT(0x08, ResultCodec.INSTANCE),
    PREPARE(0x09, QueryCodecs.PREPARE),
    EXECUTE(0x0A, QueryCodecs.EXECUTE),
    REGISTER(0x0B, RequestCodecs.REGISTER),
    EVENT(0x0C, ResponseCodecs.EVENT),
    BATCH(0x0D, QueryCodecs.BATCH),
    AUTH_CHALLENGE(0x0E, ResponseCodecs.AUTH_CHALLENGE),
    AUTH_RESPONSE(0x0F, RequestCodecs.AUTH_RESPONSE),
    AUTH_SUCCESS(0x10, ResponseCodecs.AUTH_SUCCESS);

    /** Who sends a message. */
    public enum Direction { REQUEST, RESPONSE }

    private final int code;
    private final Direction direction;
    private final RequestCodec<?> requestCodec;
    private final ResponseCodec<?> responseCodec;

    Opcode(int code, RequestCodec<?> codec) {
        this.code = code;
        this.direction = Direction.REQUEST;
        this.requestCodec = codec;
        this.responseCodec = null;
    }

    Opcode(int code, ResponseCodec<?> codec) {
        this.code = code;
        this.direction = Direction.RESPONSE;
        this.requestCodec = null;
        this.responseCodec = codec;
    }

    public int code() {
        return code;
    }

    public Direction direction() {
        return direction;
    }

    /**
     * The decoder of a request opcode.
     *
     * @throws IllegalStateException for a response opcode
     */
    public RequestCodec<?> requestCodec() {
        if (requestCodec == null) {
            throw new IllegalStateException(this + " is a response");
        }
        return requestCodec;
    }

    /**
     * The encoder of a response opcode.
     *
     * @throws IllegalStateException for a request opcode
     */
    public ResponseCodec<?> responseCodec() {
        if (responseCodec == null) {
            throw new IllegalStateException(this + " is a request");
        }
        return responseCodec;
    }

    /** The opcode with that code, or null for an unknown code. */
    public static Opcode fromCode(int code) {
        return switch (code) {
            case 0x00 -> ERROR;
            case 0x01 -> STARTUP;
            case 0x02 -> READY;
            case 0x03 -> AUTHENTICATE;
            case 0x05 -> OPTIONS;
            case 0x06 -> SUPPORTED;
            case 0x07 -> QUERY;
            case 0x08 -> RESULT;
            case 0x09 -> PREPARE;
            case 0x0A -> EXECUTE;
            case 0x0B -> REGISTER;
            case 0x0C -> EVENT;
            case 0x0D -> BATCH;
            case 0x0E -> AUTH_CHALLENGE;
            case 0x0F -> AUTH_RESPONSE;
            case 0x10 -> AUTH_SUCCESS;
            default -> null;
        };
    }

    /** {@code QUERY (0x07)}. */
    public String describe() {
        return name() + " (0x" + String.format("%02X", code) + ")";
    }
}
