package org.ringlet.transport.nativeproto.server;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.ringlet.api.error.OverloadedException;
import org.ringlet.api.error.ServerError;
import org.ringlet.api.query.QueryHandler;
import org.ringlet.transport.nativeproto.frame.ProtocolVersion;
import org.ringlet.transport.nativeproto.frame.RejectedFrame;
import org.ringlet.transport.nativeproto.message.RequestFrame;
import org.ringlet.transport.nativeproto.message.RequestMessage;
import org.ringlet.transport.nativeproto.message.ResponseFrame;
import org.ringlet.transport.nativeproto.message.ResponseMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The last handler of a connection's pipeline. Starts each decoded request as it arrives, so the requests of one
 * connection run concurrently and their responses go out as they complete, in any order, each on its request's
 * stream. Answers {@link RejectedFrame}s with their error (closing the connection when they ask to).
 *
 * <p>In-flight limit: at most {@code maxInFlight} requests of the connection run at once. Past it the connection
 * stops reading from its socket (back-pressure; the few requests already decoded wait in a queue bounded by what
 * one read delivered) and resumes as requests complete — or, if the client's STARTUP asked for
 * {@code THROW_ON_OVERLOAD}, the extra requests get 0x1001 Overloaded. Reading also pauses while the channel is
 * not writable (the client does not read its responses), so a slow reader cannot grow our buffers without
 * bound.
 *
 * <p>One instance per connection; all its state is confined to the connection's event loop.
 */
final class RequestHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(RequestHandler.class);

    private final QueryHandler queryHandler;
    private final Executor requestExecutor;
    private final ConnectionTracker tracker;
    private final List<String> protocolVersions;
    private final int maxInFlight;
    private final BiConsumer<ChannelPipeline, ProtocolVersion> useSegments;
    private final ArrayDeque<RequestFrame> pending = new ArrayDeque<>();

    private ChannelHandlerContext ctx;
    private Connection connection;
    private RequestProcessor processor;
    private int inFlight;
    private boolean draining;

    RequestHandler(QueryHandler queryHandler, Executor requestExecutor, ConnectionTracker tracker,
                   List<String> protocolVersions, int maxInFlight,
                   BiConsumer<ChannelPipeline, ProtocolVersion> useSegments) {
        this.queryHandler = requireNonNull(queryHandler, "queryHandler is null");
        this.requestExecutor = requireNonNull(requestExecutor, "requestExecutor is null");
        this.tracker = requireNonNull(tracker, "tracker is null");
        this.protocolVersions = List.copyOf(protocolVersions);
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.useSegments = requireNonNull(useSegments, "useSegments is null");
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        connection = new Connection(ctx.channel());
        processor = new RequestProcessor(connection, queryHandler, requestExecutor, protocolVersions);
        tracker.add(connection);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (connection != null) {
            tracker.remove(connection);
        }
        pending.clear();
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof RequestFrame frame) {
            admit(frame);
        } else if (msg instanceof RejectedFrame rejected) {
            ResponseFrame error = new ResponseFrame(rejected.streamId(), rejected.replyVersion(),
                    new ResponseMessage.ErrorMessage(rejected.error()));
            if (rejected.closeConnection()) {
                log.debug("Closing {} after refusing a frame: {}", ctx.channel(), rejected.error().getMessage());
                ctx.writeAndFlush(error).addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.writeAndFlush(error);
            }
        } else {
            log.error("Unexpected message {} on {}", msg, ctx.channel());
            ReferenceCountUtil.release(msg);
        }
    }

    private void admit(RequestFrame frame) {
        if (inFlight < maxInFlight && pending.isEmpty()) {
            start(frame);
        } else if (processor.throwOnOverload()) {
            ctx.writeAndFlush(processor.errorFrame(frame, new OverloadedException("Server is in overloaded state. "
                    + "Cannot accept more requests at this point: " + maxInFlight + " requests of this "
                    + "connection are in flight")));
        } else {
            pending.add(frame);
            updateReading();
        }
    }

    private void start(RequestFrame frame) {
        inFlight++;
        CompletionStage<ResponseFrame> stage = processor.process(frame);
        stage.whenComplete((response, error) -> {
            if (ctx.executor().inEventLoop()) {
                finish(frame, response, error);
            } else {
                try {
                    ctx.executor().execute(() -> finish(frame, response, error));
                } catch (RejectedExecutionException e) {
                    log.debug("Dropping the response to stream {}: the event loop has stopped", frame.streamId());
                }
            }
        });
    }

    private void finish(RequestFrame frame, ResponseFrame response, Throwable error) {
        inFlight--;
        ResponseFrame out = error == null ? response : processor.errorFrame(frame, error);
        if (ctx.channel().isActive()) {
            ctx.writeAndFlush(out);
            if (frame.message() instanceof RequestMessage.Startup && out.message() instanceof ResponseMessage.Ready
                    && frame.version().usesSegments()) {
                useSegments.accept(ctx.pipeline(), frame.version());
            }
        }
        drainPending();
    }

    private void drainPending() {
        if (draining) {
            return; // the loop below is already running further up this stack
        }
        draining = true;
        try {
            while (inFlight < maxInFlight && !pending.isEmpty()) {
                start(pending.poll());
            }
        } finally {
            draining = false;
        }
        updateReading();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        updateReading();
        super.channelWritabilityChanged(ctx);
    }

    /**
     * Reads from the socket only while a new request could start and the client keeps up with the responses:
     * a client that sends without reading its answers fills our outbound buffer, and we stop reading its requests
     * until the buffer drains.
     */
    private void updateReading() {
        if (!ctx.channel().isActive()) {
            return;
        }
        boolean read = pending.isEmpty() && inFlight < maxInFlight && ctx.channel().isWritable();
        if (read != ctx.channel().config().isAutoRead()) {
            log.debug("{} reads on {} ({} in flight, {} waiting, writable: {})", read ? "Resuming" : "Pausing",
                    ctx.channel(), inFlight, pending.size(), ctx.channel().isWritable());
            ctx.channel().config().setAutoRead(read);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("I/O error on {}: {}", ctx.channel(), cause.toString());
            ctx.close();
            return;
        }
        // Request failures never get here (they are answered on their stream); this is a fault in the pipeline
        // itself, after which the byte stream cannot be trusted.
        log.error("Unexpected exception on {}; closing the connection", ctx.channel(), cause);
        ProtocolVersion v = connection == null ? null : connection.version();
        int version = v == null ? ProtocolVersion.highest().number() : v.number();
        ctx.writeAndFlush(new ResponseFrame(0, version, new ResponseMessage.ErrorMessage(
                new ServerError("Unexpected server failure: " + cause, cause))))
                .addListener(ChannelFutureListener.CLOSE);
    }

    /** Requests of this connection executing now (for tests). */
    int inFlight() {
        return inFlight;
    }

    /** Requests of this connection waiting for a free in-flight slot (for tests). */
    int pending() {
        return pending.size();
    }
}
