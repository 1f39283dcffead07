package org.ringlet.transport.nativeproto.server;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import org.ringlet.api.query.QueryHandler;
import org.ringlet.transport.nativeproto.frame.EnvelopeDecoder;
import org.ringlet.transport.nativeproto.frame.EnvelopeEncoder;
import org.ringlet.transport.nativeproto.frame.Lz4;
import org.ringlet.transport.nativeproto.frame.Lz4BodyCodec;
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
 *   idleTimeout      — only with native_transport_idle_timeout: signals a connection idle for that long
 *   envelopeEncoder  — Envelope → header + body bytes                  (outbound)
 *   frameDecoder     — bytes → Envelope | RejectedFrame; version gate, max frame size (inbound)
 *   messageEncoder   — ResponseFrame → Envelope                         (outbound)
 *   messageDecoder   — Envelope → RequestFrame | RejectedFrame          (inbound)
 *   requestHandler   — runs requests, writes ResponseFrames, in-flight limits, idle close
 * </pre>
 *
 * Once a connection's STARTUP is answered ({@link #startupAnswered}): a protocol v5 connection replaces {@link
 * #FRAME_DECODER} and {@link #ENVELOPE_ENCODER} with {@link #SEGMENT_DECODER} and {@link #SEGMENT_ENCODER}
 * (compressed segments if the STARTUP asked for LZ4); a v3/v4 connection that asked for LZ4 gets {@link
 * #BODY_COMPRESSION} after the frame decoder. The message layer above them works on uncompressed envelopes and
 * does not change.
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
    public static final String BODY_COMPRESSION = "bodyCompression";
    public static final String IDLE_TIMEOUT = "idleTimeout";

    // Stateless handlers, shared by the connections of this server.
    private final EnvelopeEncoder envelopeEncoder = new EnvelopeEncoder();
    private final MessageEncoder messageEncoder = new MessageEncoder();
    private final MessageDecoder messageDecoder = new MessageDecoder();
    private final SegmentEncoder segmentEncoder = new SegmentEncoder();
    private final Lz4 lz4 = new Lz4();
    private final SegmentEncoder compressedSegmentEncoder = new SegmentEncoder(lz4);
    private final Lz4BodyCodec bodyCompression;
    private final RequestDataLimits requestDataLimits;
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
        this.bodyCompression = new Lz4BodyCodec(lz4, config.maxFrameSize());
        this.requestDataLimits = new RequestDataLimits(config.maxRequestDataInFlight(),
                config.maxRequestDataInFlightPerIp());
    }

    @Override
    protected void initChannel(Channel channel) {
        ChannelPipeline p = channel.pipeline();
        p.addLast(CONNECTION_LIMIT, connectionLimit);
        if (config.idleTimeoutMillis() > 0) {
            p.addLast(IDLE_TIMEOUT, new IdleStateHandler(false, 0, 0, config.idleTimeoutMillis(),
                    TimeUnit.MILLISECONDS));
        }
        p.addLast(ENVELOPE_ENCODER, envelopeEncoder);
        p.addLast(FRAME_DECODER, new EnvelopeDecoder(config.maxFrameSize(), accepted));
        p.addLast(MESSAGE_ENCODER, messageEncoder);
        p.addLast(MESSAGE_DECODER, messageDecoder);
        p.addLast(REQUEST_HANDLER, new RequestHandler(queryHandler, requestExecutor, tracker, protocolVersions,
                config.maxRequestsPerConnection(), requestDataLimits, config.eventBacklogLimit(),
                this::startupAnswered));
    }

    /**
     * Switches a connection to what its STARTUP negotiated. Called on the connection's event loop right after the
     * READY answering it was written (so READY itself goes out as a plain, uncompressed envelope); the client frames
     * and compresses everything it sends after reading it, and bytes already read past the STARTUP move to the new
     * decoder.
     */
    void startupAnswered(ChannelHandlerContext ctx, ProtocolVersion version, boolean compress) {
        ChannelPipeline p = ctx.pipeline();
        if (version.usesSegments()) {
            p.addAfter(FRAME_DECODER, SEGMENT_DECODER,
                    new SegmentDecoder(config.maxFrameSize(), version, compress ? lz4 : null));
            p.remove(FRAME_DECODER);
            p.replace(ENVELOPE_ENCODER, SEGMENT_ENCODER, compress ? compressedSegmentEncoder : segmentEncoder);
        } else if (compress) {
            p.addAfter(FRAME_DECODER, BODY_COMPRESSION, bodyCompression);
        }
    }

    /** Bytes of requests in flight on this server (for tests). */
    RequestDataLimits requestDataLimits() {
        return requestDataLimits;
    }

    /** Open connections, as counted for the connection limits. */
    int openConnections() {
        return connectionLimit.openConnections();
    }
}
