package org.ringlet.transport.nativeproto.message;

import java.nio.ByteBuffer;

/** Decoders of the connection-level requests: STARTUP, OPTIONS, REGISTER and AUTH_RESPONSE. */
final class RequestCodecs {
    private RequestCodecs() {
    }

    /** {@code [string map]} of options. */
    static final RequestCodec<RequestMessage.Startup> STARTUP =
            (body, version) -> new RequestMessage.Startup(Wire.readStringMap(body));

    /** Empty body. */
    static final RequestCodec<RequestMessage.Options> OPTIONS = (body, version) -> new RequestMessage.Options();

    /** {@code [string list]} of event types. */
    static final RequestCodec<RequestMessage.Register> REGISTER =
            (body, version) -> new RequestMessage.Register(Wire.readStringList(body));

    /** {@code [bytes]} token. */
    static final RequestCodec<RequestMessage.AuthResponse> AUTH_RESPONSE = (body, version) -> {
        ByteBuffer token = Wire.readBytes(body);
        if (token == null) {
            return new RequestMessage.AuthResponse(null);
        }
        byte[] bytes = new byte[token.remaining()];
        token.get(bytes);
        return new RequestMessage.AuthResponse(bytes);
    };
}
