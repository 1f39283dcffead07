package org.ringlet.transport.nativeproto.server;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import org.ringlet.api.query.QueryHandler;
import org.ringlet.transport.nativeproto.frame.EnvelopeDecoder;
import org.ringlet.transport.nativeproto.frame.EnvelopeEncoder;
import org.ringlet.transport.nativeproto.frame.ProtocolVersion;
import org.ringlet.transport.nativeproto.message.MessageDecoder;
import org.ringlet.transport.nativeproto.message.MessageEncoder;

import static java.util.Objects.requireNonNull;

/**
 * Builds the pipeline of every client connection, head to tail:
 *
 * <pre>
 *   connectionLimit  — closes connections beyond the configured limits
 *   envelopeEncoder  — Envelope → header + body bytes                  (outbound)
 *   frameDecoder     — bytes → Envelope | RejectedFrame; version gate, max frame size (inbound)
 *   messageEncoder   — ResponseFrame → Envelope                         (outbound)
 *   messageDecoder   — Envelope → RequestFrame | RejectedFrame          (inbound)
 *   requestHandler   — runs requests, writes ResponseFrames, in-flight limit
 * </pre>
 *
 * Protocol v5 will replace {@link #FRAME_DECODER} and {@link #ENVELOPE_ENCODER} with segment codecs once the
 * STARTUP answer is flushed; the message layer above them works on envelopes and does not change.
 */
public final class NativePipelineInitializer extends ChannelInitializer<Channel> {
    public static final String CONNECTION_LIMIT = "connectionLimit";
    public static final String ENVELOPE_ENCODER = "envelopeEncoder";
    public static final String FRAME_DECODER = "frameDecoder";
    public static final String MESSAGE_ENCODER = "messageEncoder";
    public static final String MESSAGE_DECODER = "messageDecoder";
    public static final String REQUEST_HANDLER = "requestHandler";

    private static final EnvelopeEncoder ENVELOPE_ENCODER_INSTANCE = new EnvelopeEncoder();
    private static final MessageEncoder MESSAGE_ENCODER_INSTANCE = new MessageEncoder();
    private static final MessageDecoder MESSAGE_DECODER_INSTANCE = new MessageDecoder();

    private final NativeTransportConfig config;
    private final QueryHandler queryHandler;
    private final Executor requestExecutor;
    private final ConnectionTracker tracker;
    private final ConnectionLimitHandler connectionLimit;
    private final Set<ProtocolVersion> accepted;
    private final List<String> protocolVersions;

    /**
     * @param config          the server's options
     * @param queryHandler    executes the statements
     * @param requestExecutor where the query handler is called (never a connection's event loop in production)
     * @param tracker         the server's connections, for events and shutdown
     */
    NativePipelineInitializer(NativeTransportConfig config, QueryHandler queryHandler, Executor requestExecutor,
                              ConnectionTracker tracker) {
        this.config = requireNonNull(config, "config is null");
        this.queryHandler = requireNonNull(queryHandler, "queryHandler is null");
        this.requestExecutor = requireNonNull(requestExecutor, "requestExecutor is null");
        this.tracker = requireNonNull(tracker, "tracker is null");
        this.connectionLimit = new ConnectionLimitHandler(config.maxConnections(), config.maxConnectionsPerIp());
        this.accepted = config.acceptedVersions();
        this.protocolVersions = RequestProcessor.describe(accepted);
    }

    @Override
    protected void initChannel(Channel channel) {
        ChannelPipeline p = channel.pipeline();
        p.addLast(CONNECTION_LIMIT, connectionLimit);
        p.addLast(ENVELOPE_ENCODER, ENVELOPE_ENCODER_INSTANCE);
        p.addLast(FRAME_DECODER, new EnvelopeDecoder(config.maxFrameSize(), accepted));
        p.addLast(MESSAGE_ENCODER, MESSAGE_ENCODER_INSTANCE);
        p.addLast(MESSAGE_DECODER, MESSAGE_DECODER_INSTANCE);
        p.addLast(REQUEST_HANDLER, new RequestHandler(queryHandler, requestExecutor, tracker, protocolVersions,
                config.maxRequestsPerConnection()));
    }

    /** Open connections, as counted for the connection limits. */
    int openConnections() {
        return connectionLimit.openConnections();
    }
}
