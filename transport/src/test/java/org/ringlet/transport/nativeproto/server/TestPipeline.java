package org.ringlet.transport.nativeproto.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import org.ringlet.api.query.QueryHandler;

/**
 * The server's real pipeline for tests outside this package: connections are {@link EmbeddedChannel}s sharing one
 * initializer (so one set of limits and one connection tracker, like the connections of one server), and requests
 * run on the calling thread.
 */
public final class TestPipeline {
    private final ConnectionTracker tracker = new ConnectionTracker();
    private final NativePipelineInitializer initializer;

    public TestPipeline(NativeTransportConfig config, QueryHandler handler) {
        this.initializer = new NativePipelineInitializer(config, handler, Runnable::run, tracker);
        handler.addEventListener(tracker);
    }

    /** A new connection; {@code first} handlers go before the server's (at the head of the pipeline). */
    public EmbeddedChannel connect(ChannelHandler... first) {
        ChannelHandler[] all = new ChannelHandler[first.length + 1];
        System.arraycopy(first, 0, all, 0, first.length);
        all[first.length] = initializer;
        return new EmbeddedChannel(all);
    }

    /** Bytes of requests in flight on the server. */
    public long bytesInFlight() {
        return initializer.requestDataLimits().bytesInFlight();
    }

    /** Connections the server tracks (open ones). */
    public int connections() {
        return tracker.size();
    }
}
