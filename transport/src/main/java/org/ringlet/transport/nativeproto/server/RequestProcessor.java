package org.ringlet.transport.nativeproto.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.ringlet.api.error.ProtocolException;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.error.ServerError;
import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.QueryHandler;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.transport.nativeproto.frame.ProtocolVersion;
import org.ringlet.transport.nativeproto.message.RequestFrame;
import org.ringlet.transport.nativeproto.message.RequestMessage;
import org.ringlet.transport.nativeproto.message.ResponseFrame;
import org.ringlet.transport.nativeproto.message.ResponseMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The protocol's semantics for one connection: the STARTUP state machine, SUPPORTED, REGISTER, and the statement
 * requests handed to the {@link QueryHandler} on the request executor. Turns every outcome into the
 * {@link ResponseFrame} to send, errors included: a {@link RingletException} keeps its code, anything else becomes
 * a SERVER_ERROR. Called on the connection's event loop.
 */
final class RequestProcessor {
    private static final Logger log = LoggerFactory.getLogger(RequestProcessor.class);

    /** The event types of section 4.2.6. */
    static final Set<String> EVENT_TYPES = Set.of("TOPOLOGY_CHANGE", "STATUS_CHANGE", "SCHEMA_CHANGE");
    /** Advertised when the query handler does not say which CQL version it speaks. */
    static final String DEFAULT_CQL_VERSION = "3.4.7";

    private final Connection connection;
    private final QueryHandler queryHandler;
    private final Executor requestExecutor;
    private final List<String> protocolVersions;
    private StartupOptions startup;

    RequestProcessor(Connection connection, QueryHandler queryHandler, Executor requestExecutor,
                     List<String> protocolVersions) {
        this.connection = requireNonNull(connection, "connection is null");
        this.queryHandler = requireNonNull(queryHandler, "queryHandler is null");
        this.requestExecutor = requireNonNull(requestExecutor, "requestExecutor is null");
        this.protocolVersions = List.copyOf(protocolVersions);
    }

    /** Whether STARTUP completed. */
    boolean isReady() {
        return startup != null;
    }

    /** Whether the client asked for Overloaded errors instead of back-pressure. */
    boolean throwOnOverload() {
        return startup != null && startup.throwOnOverload();
    }

    /** Whether the client's STARTUP asked for LZ4 compression. */
    boolean lz4() {
        return startup != null && startup.lz4();
    }

    /**
     * Processes a request and hands its response to {@code done} exactly once, on whichever thread completes it
     * (errors become ERROR responses). Statement requests run on the request executor; the rest answer at once.
     */
    void process(RequestFrame frame, Consumer<ResponseFrame> done) {
        connection.setVersion(frame.version());
        ResponseFrame immediate;
        try {
            ResponseMessage answer = connectionRequest(frame.message());
            if (answer == null) {
                ClientState state = connection.clientState();
                requestExecutor.execute(() -> executeStatement(frame, state, done));
                return;
            }
            immediate = new ResponseFrame(frame.streamId(), frame.version().number(), answer);
        } catch (Throwable t) {
            immediate = errorFrame(frame, t);
        }
        done.accept(immediate);
    }

    /**
     * OPTIONS, STARTUP and REGISTER (answered on the event loop), or null for a statement request.
     *
     * @throws ProtocolException for a request the connection's state does not allow
     */
    private ResponseMessage connectionRequest(RequestMessage message) {
        if (message instanceof RequestMessage.Options) {
            return new ResponseMessage.Supported(supportedOptions());
        }
        if (message instanceof RequestMessage.Startup s) {
            if (startup != null) {
                throw new ProtocolException("Unexpected message STARTUP, the connection is already initialized");
            }
            startup = StartupOptions.parse(s.options());
            return new ResponseMessage.Ready();
        }
        if (startup == null) {
            throw new ProtocolException("Unexpected message " + message.opcode() + ", expecting STARTUP or OPTIONS");
        }
        if (message instanceof RequestMessage.Register r) {
            for (String type : r.eventTypes()) {
                if (!EVENT_TYPES.contains(type)) {
                    throw new ProtocolException("Invalid event type '" + type + "' in REGISTER; expected "
                            + "TOPOLOGY_CHANGE, STATUS_CHANGE or SCHEMA_CHANGE");
                }
            }
            connection.register(r.eventTypes());
            return new ResponseMessage.Ready();
        }
        if (message instanceof RequestMessage.AuthResponse) {
            throw new ProtocolException("Unexpected message AUTH_RESPONSE: this node does not require "
                    + "authentication");
        }
        return null;
    }

    /** On the request executor: calls the query handler and turns its outcome into the response, in one stage. */
    private void executeStatement(RequestFrame frame, ClientState state, Consumer<ResponseFrame> done) {
        CompletionStage<Response> stage;
        try {
            stage = requireNonNull(execute(state, frame.message()), "the query handler returned no result");
        } catch (Throwable t) {
            done.accept(errorFrame(frame, t));
            return;
        }
        stage.whenComplete((response, error) -> {
            ResponseFrame out;
            try {
                out = error == null ? resultFrame(frame, response) : errorFrame(frame, error);
            } catch (Throwable t) {
                out = errorFrame(frame, t);
            }
            done.accept(out);
        });
    }

    private CompletionStage<Response> execute(ClientState state, RequestMessage message) {
        if (message instanceof RequestMessage.Query q) {
            return queryHandler.query(state, q.query(), q.options());
        }
        if (message instanceof RequestMessage.Prepare p) {
            return queryHandler.prepare(state, p.query(), p.keyspace());
        }
        if (message instanceof RequestMessage.Execute e) {
            return queryHandler.execute(state, e.id(), e.resultMetadataId(), e.options());
        }
        if (message instanceof RequestMessage.Batch b) {
            return queryHandler.batch(state, b.batch());
        }
        throw new IllegalStateException("Not a statement request: " + message.opcode());
    }

    private ResponseFrame resultFrame(RequestFrame frame, Response response) {
        Result result = requireNonNull(response.result(), "result is null");
        if (result instanceof Result.SetKeyspace sk) {
            connection.clientState().setKeyspace(sk.keyspace());
        }
        boolean skipMetadata = result instanceof Result.Rows && skipMetadata(frame.message());
        return new ResponseFrame(frame.streamId(), frame.version().number(),
                new ResponseMessage.ResultMessage(result, skipMetadata), response.warnings());
    }

    private static boolean skipMetadata(RequestMessage message) {
        QueryOptions options = message instanceof RequestMessage.Query q ? q.options()
                : message instanceof RequestMessage.Execute e ? e.options() : null;
        return options != null && options.skipMetadata();
    }

    /** SUPPORTED: the query handler's options (CQL_VERSION, …), then COMPRESSION and PROTOCOL_VERSIONS. */
    Map<String, List<String>> supportedOptions() {
        Map<String, List<String>> options = new LinkedHashMap<>();
        Map<String, List<String>> fromHandler = queryHandler.supportedOptions();
        if (!fromHandler.containsKey(StartupOptions.CQL_VERSION)) {
            options.put(StartupOptions.CQL_VERSION, List.of(DEFAULT_CQL_VERSION));
        }
        options.putAll(fromHandler);
        // Only what this server implements; clients compress when they see an algorithm they have.
        options.put(StartupOptions.COMPRESSION, List.of(StartupOptions.LZ4));
        options.put("PROTOCOL_VERSIONS", protocolVersions);
        return options;
    }

    /** The ERROR frame for a failed request, on its stream. */
    ResponseFrame errorFrame(RequestFrame frame, Throwable error) {
        return new ResponseFrame(frame.streamId(), frame.version().number(),
                new ResponseMessage.ErrorMessage(toRingletException(error, frame)));
    }

    private RingletException toRingletException(Throwable error, RequestFrame frame) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof RingletException r) {
            return r;
        }
        log.error("Unexpected exception processing {} on stream {} of {}", frame.message().opcode(),
                frame.streamId(), connection, e);
        return new ServerError(String.valueOf(e), e);
    }

    /** The versions advertised in SUPPORTED for a set of accepted versions. */
    static List<String> describe(Set<ProtocolVersion> accepted) {
        return accepted.stream().sorted().map(ProtocolVersion::toString).toList();
    }
}
