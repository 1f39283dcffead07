package org.ringlet.transport.nativeproto.message;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.ringlet.api.query.BatchRequest;
import org.ringlet.api.query.QueryOptions;

import static java.util.Objects.requireNonNull;

/** A message a client sends. Decoded from a frame's body by the codec of its {@link Opcode}. */
public sealed interface RequestMessage permits RequestMessage.Startup, RequestMessage.Options,
        RequestMessage.Query, RequestMessage.Prepare, RequestMessage.Execute, RequestMessage.Batch,
        RequestMessage.Register, RequestMessage.AuthResponse {

    /** The message's opcode. */
    Opcode opcode();

    /** STARTUP: the options of the connection ({@code CQL_VERSION}, {@code COMPRESSION}, driver names, …). */
    record Startup(Map<String, String> options) implements RequestMessage {
        public Startup {
            options = Map.copyOf(options);
        }

        @Override
        public Opcode opcode() {
            return Opcode.STARTUP;
        }
    }

    /** OPTIONS: asks for SUPPORTED; also the drivers' heartbeat. */
    record Options() implements RequestMessage {
        @Override
        public Opcode opcode() {
            return Opcode.OPTIONS;
        }
    }

    /** QUERY: a CQL string with its parameters. */
    record Query(String query, QueryOptions options) implements RequestMessage {
        public Query {
            requireNonNull(query, "query is null");
            requireNonNull(options, "options is null");
        }

        @Override
        public Opcode opcode() {
            return Opcode.QUERY;
        }
    }

    /**
     * PREPARE.
     *
     * @param keyspace the per-request keyspace (protocol v5), or null
     */
    record Prepare(String query, String keyspace) implements RequestMessage {
        public Prepare {
            requireNonNull(query, "query is null");
        }

        @Override
        public Opcode opcode() {
            return Opcode.PREPARE;
        }
    }

    /**
     * EXECUTE.
     *
     * @param id               the prepared statement id
     * @param resultMetadataId the result-metadata id the client holds (protocol v5), or null
     */
    record Execute(byte[] id, byte[] resultMetadataId, QueryOptions options) implements RequestMessage {
        public Execute {
            requireNonNull(id, "id is null");
            requireNonNull(options, "options is null");
        }

        @Override
        public Opcode opcode() {
            return Opcode.EXECUTE;
        }

        @Override
        public String toString() {
            return "Execute[id=" + HexFormatting.hex(id) + ", resultMetadataId="
                    + (resultMetadataId == null ? "null" : HexFormatting.hex(resultMetadataId)) + ", options="
                    + options + "]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Execute e && Arrays.equals(id, e.id)
                    && Arrays.equals(resultMetadataId, e.resultMetadataId) && options.equals(e.options);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(id) * 31 + options.hashCode();
        }
    }

    /** BATCH. */
    record Batch(BatchRequest batch) implements RequestMessage {
        public Batch {
            requireNonNull(batch, "batch is null");
        }

        @Override
        public Opcode opcode() {
            return Opcode.BATCH;
        }
    }

    /** REGISTER: the event types this connection wants pushed. */
    record Register(List<String> eventTypes) implements RequestMessage {
        public Register {
            eventTypes = List.copyOf(eventTypes);
        }

        @Override
        public Opcode opcode() {
            return Opcode.REGISTER;
        }
    }

    /** AUTH_RESPONSE: a SASL token; null when the client sent a null {@code [bytes]}. */
    record AuthResponse(byte[] token) implements RequestMessage {
        @Override
        public Opcode opcode() {
            return Opcode.AUTH_RESPONSE;
        }

        @Override
        public String toString() {
            return "AuthResponse[" + (token == null ? "null" : token.length + " bytes") + "]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AuthResponse a && Arrays.equals(token, a.token);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(token);
        }
    }
}
