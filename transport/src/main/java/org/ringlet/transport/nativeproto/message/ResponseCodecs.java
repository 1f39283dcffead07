package org.ringlet.transport.nativeproto.message;

import org.ringlet.api.query.Event;

/** Encoders of the responses other than RESULT: ERROR, READY, AUTHENTICATE, SUPPORTED, EVENT and the SASL ones. */
final class ResponseCodecs {
    private ResponseCodecs() {
    }

    static final ResponseCodec<ResponseMessage.ErrorMessage> ERROR = ErrorCodec.INSTANCE;

    /** Empty body. */
    static final ResponseCodec<ResponseMessage.Ready> READY = (message, out, version) -> {
    };

    /** {@code [string]} authenticator class. */
    static final ResponseCodec<ResponseMessage.Authenticate> AUTHENTICATE =
            (message, out, version) -> Wire.writeString(message.authenticator(), out);

    /** {@code [string multimap]}. */
    static final ResponseCodec<ResponseMessage.Supported> SUPPORTED =
            (message, out, version) -> Wire.writeStringMultimap(message.options(), out);

    /**
     * {@code [string] type}, then for SCHEMA_CHANGE the schema change body, for STATUS_CHANGE and
     * TOPOLOGY_CHANGE {@code [string] change} and the node's {@code [inet]} (its native protocol address).
     */
    static final ResponseCodec<ResponseMessage.EventMessage> EVENT = (message, out, version) -> {
        Event event = message.event();
        Wire.writeString(event.type(), out);
        if (event instanceof Event.SchemaChangeEvent sc) {
            ResultCodec.writeSchemaChange(sc.change(), out, version);
        } else if (event instanceof Event.StatusChange s) {
            Wire.writeString(s.status(), out);
            Wire.writeInet(s.address(), out);
        } else if (event instanceof Event.TopologyChange t) {
            Wire.writeString(t.change(), out);
            Wire.writeInet(t.address(), out);
        } else {
            throw new IllegalArgumentException("Unknown event " + event);
        }
    };

    /** {@code [bytes]} token. */
    static final ResponseCodec<ResponseMessage.AuthChallenge> AUTH_CHALLENGE =
            (message, out, version) -> Wire.writeBytes(message.token(), out);

    /** {@code [bytes]} token. */
    static final ResponseCodec<ResponseMessage.AuthSuccess> AUTH_SUCCESS =
            (message, out, version) -> Wire.writeBytes(message.token(), out);
}
