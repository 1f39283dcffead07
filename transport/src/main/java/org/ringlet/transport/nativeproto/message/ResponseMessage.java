package org.ringlet.transport.nativeproto.message;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ringlet.api.error.RingletException;
import org.ringlet.api.query.Event;
import org.ringlet.api.query.Result;

import static java.util.Objects.requireNonNull;

/** A message the server sends. Encoded into a frame's body by the codec of its {@link Opcode}. */
public sealed interface ResponseMessage permits ResponseMessage.ErrorMessage, ResponseMessage.Ready,
        ResponseMessage.Authenticate, ResponseMessage.Supported, ResponseMessage.ResultMessage,
        ResponseMessage.EventMessage, ResponseMessage.AuthChallenge, ResponseMessage.AuthSuccess {

    /** The message's opcode. */
    Opcode opcode();

    /** ERROR: the code, message and code-specific fields all come from the exception. */
    record ErrorMessage(RingletException error) implements ResponseMessage {
        public ErrorMessage {
            requireNonNull(error, "error is null");
        }

        @Override
        public Opcode opcode() {
            return Opcode.ERROR;
        }
    }

    /** READY: the answer to STARTUP and REGISTER. */
    record Ready() implements ResponseMessage {
        @Override
        public Opcode opcode() {
            return Opcode.READY;
        }
    }

    /** AUTHENTICATE: the authenticator's class name. */
    record Authenticate(String authenticator) implements ResponseMessage {
        public Authenticate {
            requireNonNull(authenticator, "authenticator is null");
        }

        @Override
        public Opcode opcode() {
            return Opcode.AUTHENTICATE;
        }
    }

    /** SUPPORTED: the STARTUP options with their possible values, in the order given. */
    record Supported(Map<String, List<String>> options) implements ResponseMessage {
        public Supported {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            options.forEach((k, v) -> copy.put(requireNonNull(k, "key is null"), List.copyOf(v)));
            options = java.util.Collections.unmodifiableMap(copy);
        }

        @Override
        public Opcode opcode() {
            return Opcode.SUPPORTED;
        }
    }

    /**
     * RESULT.
     *
     * @param result       the result
     * @param skipMetadata whether the request asked for Rows without column metadata (the Skip_metadata flag)
     */
    record ResultMessage(Result result, boolean skipMetadata) implements ResponseMessage {
        public ResultMessage {
            requireNonNull(result, "result is null");
        }

        @Override
        public Opcode opcode() {
            return Opcode.RESULT;
        }
    }

    /** EVENT: always sent on stream -1, and only to connections that registered for its type. */
    record EventMessage(Event event) implements ResponseMessage {
        public EventMessage {
            requireNonNull(event, "event is null");
        }

        @Override
        public Opcode opcode() {
            return Opcode.EVENT;
        }
    }

    /** AUTH_CHALLENGE: a SASL challenge token (null allowed). */
    record AuthChallenge(byte[] token) implements ResponseMessage {
        @Override
        public Opcode opcode() {
            return Opcode.AUTH_CHALLENGE;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AuthChallenge a && Arrays.equals(token, a.token);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(token);
        }

        @Override
        public String toString() {
            return "AuthChallenge[" + (token == null ? "null" : token.length + " bytes") + "]";
        }
    }

    /** AUTH_SUCCESS: the final SASL token (null allowed). */
    record AuthSuccess(byte[] token) implements ResponseMessage {
        @Override
        public Opcode opcode() {
            return Opcode.AUTH_SUCCESS;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AuthSuccess a && Arrays.equals(token, a.token);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(token);
        }

        @Override
        public String toString() {
            return "AuthSuccess[" + (token == null ? "null" : token.length + " bytes") + "]";
        }
    }
}
