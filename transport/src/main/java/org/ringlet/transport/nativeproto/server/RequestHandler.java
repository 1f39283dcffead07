package org.ringlet.transport.nativeproto.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.ringlet.api.error.OverloadedException;
import org.ringlet.api.error.ServerError;
import org.ringlet.api.query.QueryHandler;
import org.ringlet.transport.nativeproto.frame.EnvelopeHeader;
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
 * <p>Admission. A request starts only while all of these hold; otherwise it waits in a queue and the connection
 * stops reading from its socket (back-pressure) until it can:
 * <ul>
 *   <li>fewer than {@code maxInFlight} requests of the connection are executing;</li>
 *   <li>its bytes fit in the server's {@link RequestDataLimits} (total and per client address);</li>
 *   <li>the channel is writable, i.e. the client reads its responses: a client that sends without reading fills
 *       our outbound buffer, and new work for it waits until the buffer drains below the low water mark.</li>
 * </ul>
 * The queue holds at most what one socket read delivered, since reading stops as soon as something waits. A client
 * whose STARTUP asked for {@code THROW_ON_OVERLOAD} gets 0x1001 Overloaded instead of waiting for the first two.
 *
 * <p>A connection idle for {@code native_transport_idle_timeout} (an {@link IdleStateEvent} from the handler the
 * initializer installs when the option is set) is closed.
 *
 * <p>One instance per connection; all its state is confined to the connection's event loop.
 */
final class RequestHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(RequestHandler.class);

    /** What to do once a connection's STARTUP has been answered with READY (switch framing, compression). */
    @FunctionalInterface
    interface StartupListener {
        /** Called on the connection's event loop, right after READY was written. */
        void ready(ChannelHandlerContext ctx, ProtocolVersion version, boolean lz4);
    }

    private final QueryHandler queryHandler;
    private final Executor requestExecutor;
    private final ConnectionTracker tracker;
    private final List<String> protocolVersions;
    private final int maxInFlight;
    private final RequestDataLimits limits;
    private final long eventBacklogLimit;
    private final StartupListener startupListener;
    private final ArrayDeque<RequestFrame> pending = new ArrayDeque<>();
    private final Runnable wakeUp = this::onRoomReleased;
    private final Runnable flushTask = this::flushResults;

    private ChannelHandlerContext ctx;
    private Connection connection;
    private RequestProcessor processor;
    private RequestDataLimits.Endpoint endpoint;
    private int inFlight;
    private boolean draining;
    /** Whether results were written and a task to flush them is queued on the event loop. */
    private boolean flushQueued;

    /**
     * @param maxInFlight       requests of the connection executing at once
     * @param limits            the server's request bytes in flight
     * @param eventBacklogLimit unsent bytes past which an event closes the connection instead of being queued
     * @param startupListener   called once STARTUP is answered
     */
    RequestHandler(QueryHandler queryHandler, Executor requestExecutor, ConnectionTracker tracker,
                   List<String> protocolVersions, int maxInFlight, RequestDataLimits limits, long eventBacklogLimit,
                   StartupListener startupListener) {
        this.queryHandler = requireNonNull(queryHandler, "queryHandler is null");
        this.requestExecutor = requireNonNull(requestExecutor, "requestExecutor is null");
        this.tracker = requireNonNull(tracker, "tracker is null");
        this.protocolVersions = List.copyOf(protocolVersions);
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.limits = requireNonNull(limits, "limits is null");
        this.eventBacklogLimit = eventBacklogLimit;
        this.startupListener = requireNonNull(startupListener, "startupListener is null");
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        connection = new Connection(ctx.channel(), eventBacklogLimit);
        processor = new RequestProcessor(connection, queryHandler, requestExecutor, protocolVersions);
        endpoint = limits.connect(clientKey(ctx));
        tracker.add(connection);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (connection != null) {
            tracker.remove(connection);
            limits.cancelWait(wakeUp);
            limits.disconnect(endpoint);
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
        if (pending.isEmpty() && reserve(frame)) {
            start(frame);
        } else if (processor.throwOnOverload() && ctx.channel().isWritable()) {
            limits.cancelWait(wakeUp);
            ctx.writeAndFlush(processor.errorFrame(frame, new OverloadedException("Server is in overloaded "
                    + "state. Cannot accept more requests at this point: " + inFlight + " requests of this "
                    + "connection and " + limits.bytesInFlight() + " bytes of requests in total are in flight")));
        } else {
            pending.add(frame);
            updateReading();
        }
    }

    /** Whether {@code frame} may start now; if so, its bytes are reserved. */
    private boolean reserve(RequestFrame frame) {
        if (inFlight >= maxInFlight || !ctx.channel().isWritable()) {
            return false;
        }
        long size = size(frame);
        if (limits.tryAcquire(endpoint, size)) {
            return true;
        }
        // Ask to be woken by the next release, then look again: a release between the two calls would otherwise
        // go unnoticed.
        limits.awaitRelease(wakeUp);
        if (limits.tryAcquire(endpoint, size)) {
            limits.cancelWait(wakeUp);
            return true;
        }
        return false;
    }

    private static long size(RequestFrame frame) {
        return EnvelopeHeader.LENGTH + (long) frame.header().bodyLength();
    }

    private void start(RequestFrame frame) {
        inFlight++;
        processor.process(frame, response -> {
            if (ctx.executor().inEventLoop()) {
                finish(frame, response);
            } else {
                try {
                    ctx.executor().execute(() -> finish(frame, response));
                } catch (RejectedExecutionException e) {
                    limits.release(endpoint, size(frame));
                    log.debug("Dropping the response to stream {}: the event loop has stopped", frame.streamId());
                }
            }
        });
    }

    private void finish(RequestFrame frame, ResponseFrame out) {
        inFlight--;
        limits.release(endpoint, size(frame));
        if (ctx.channel().isActive()) {
            if (out.message() instanceof ResponseMessage.ResultMessage) {
                writeResult(out);
            } else {
                ctx.writeAndFlush(out);
                if (frame.message() instanceof RequestMessage.Startup
                        && out.message() instanceof ResponseMessage.Ready) {
                    startupListener.ready(ctx, frame.version(), processor.lz4());
                }
            }
        }
        drainPending();
    }

    /**
     * Writes a result now and flushes it from a task queued behind the tasks already waiting on the event loop:
     * the results of requests that complete together leave in one socket write instead of one each (the
     * completions of a busy connection arrive as a burst of tasks). The flush task runs before the loop waits
     * for I/O again, so an idle connection's result is not delayed.
     */
    private void writeResult(ResponseFrame out) {
        ctx.write(out);
        if (!flushQueued) {
            flushQueued = true;
            try {
                ctx.executor().execute(flushTask);
            } catch (RejectedExecutionException e) {
                flushQueued = false;
                ctx.flush();
            }
        }
    }

    private void flushResults() {
        flushQueued = false;
        ctx.flush();
    }

    /** Another request released bytes somewhere (any thread): look at the queue again on our event loop. */
    private void onRoomReleased() {
        try {
            ctx.executor().execute(this::drainPending);
        } catch (RejectedExecutionException e) {
            log.debug("Not resuming {}: the event loop has stopped", ctx.channel());
        }
    }

    private void drainPending() {
        if (draining) {
            return; // the loop below is already running further up this stack
        }
        draining = true;
        try {
            while (!pending.isEmpty() && ctx.channel().isActive() && reserve(pending.peek())) {
                start(pending.poll());
            }
        } finally {
            draining = false;
        }
        updateReading();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        drainPending();
        super.channelWritabilityChanged(ctx);
    }

    /**
     * Reads from the socket only while a new request could start: nothing waits, the in-flight count has room
     * and the client keeps up with the responses.
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
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            log.debug("Closing {}: idle for longer than native_transport_idle_timeout", ctx.channel());
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
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

    /** The key of the client's address for the per-address limits (in-memory test channels have no IP). */
    private static Object clientKey(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress() : String.valueOf(ctx.channel().remoteAddress());
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
