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
import org.ringlet.transport.nativeproto.frame.SegmentDecoder;
import org.ringlet.transport.nativeproto.frame.SegmentEncoder;
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
 * A protocol v5 connection replaces {@link #FRAME_DECODER} and {@link #ENVELOPE_ENCODER} with {@link
 * #SEGMENT_DECODER} and {@link #SEGMENT_ENCODER} once its STARTUP is answered ({@link #useSegments}); the message
 * layer above them works on envelopes and does not change.
 */
public final class NativePipelineInitializer extends ChannelInitializer<Channel> {
    public static final String CONNECTION_LIMIT = "connectionLimit";
    public static final String ENVELOPE_ENCODER = "envelopeEncoder";
    public static final String FRAME_DECODER = "frameDecoder";
    public static final String MESSAGE_ENCODER = "messageEncoder";
    public static final String MESSAGE_DECODER = "messageDecoder";
    public static final String REQUEST_HANDLER = "requestHandler";
    public static final String SEGMENT_DECODER = "segmentDecoder";
    public static final String SEGMENT_ENCODER = "segmentEncoder";

    // Stateless handlers, shared by the connections of this server.
    private final EnvelopeEncoder envelopeEncoder = new EnvelopeEncoder();
    private final MessageEncoder messageEncoder = new MessageEncoder();
    private final MessageDecoder messageDecoder = new MessageDecoder();
    private final SegmentEncoder segmentEncoder = new SegmentEncoder();
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
        p.addLast(ENVELOPE_ENCODER, envelopeEncoder);
        p.addLast(FRAME_DECODER, new EnvelopeDecoder(config.maxFrameSize(), accepted));
        p.addLast(MESSAGE_ENCODER, messageEncoder);
        p.addLast(MESSAGE_DECODER, messageDecoder);
        p.addLast(REQUEST_HANDLER, new RequestHandler(queryHandler, requestExecutor, tracker, protocolVersions,
                config.maxRequestsPerConnection(), this::useSegments));
    }

    /**
     * Switches a connection to v5 segments, in both directions. Called on the connection's event loop right after
     * the answer to its STARTUP was written (that answer still goes out as a plain envelope); the client frames
     * everything it sends after reading it. Bytes already read past the STARTUP move to the segment decoder.
     */
    void useSegments(ChannelPipeline p, ProtocolVersion version) {
        p.addAfter(FRAME_DECODER, SEGMENT_DECODER, new SegmentDecoder(config.maxFrameSize(), version));
        p.remove(FRAME_DECODER);
        p.replace(ENVELOPE_ENCODER, SEGMENT_ENCODER, segmentEncoder);
    }

    /** Open connections, as counted for the connection limits. */
    int openConnections() {
        return connectionLimit.openConnections();
    }
}
