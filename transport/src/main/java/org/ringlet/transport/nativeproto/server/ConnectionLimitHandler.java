package org.ringlet.transport.nativeproto.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections beyond {@code native_transport_max_concurrent_connections} (in total) or
 * {@code native_transport_max_concurrent_connections_per_ip} (per client address), as Cassandra does: the client
 * sees the connection closed before its first request. One instance per server, shared by its channels.
 */
@ChannelHandler.Sharable
final class ConnectionLimitHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConnectionLimitHandler.class);

    private final int maxConnections;
    private final int maxConnectionsPerIp;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perIp = new ConcurrentHashMap<>();

    /** Limits of -1 mean "no limit". */
    ConnectionLimitHandler(int maxConnections, int maxConnectionsPerIp) {
        this.maxConnections = maxConnections;
        this.maxConnectionsPerIp = maxConnectionsPerIp;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        int count = total.incrementAndGet();
        if (maxConnections > 0 && count > maxConnections) {
            log.warn("Exceeded maximum native connection limit of {} by using {} connections; closing {}",
                    maxConnections, count, ctx.channel());
            ctx.close();
            return;
        }
        InetAddress address = address(ctx);
        if (maxConnectionsPerIp > 0 && address != null) {
            int forIp = perIp.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
            if (forIp > maxConnectionsPerIp) {
                log.warn("Exceeded maximum native connection limit per ip of {} by using {} connections from {}; "
                        + "closing {}", maxConnectionsPerIp, forIp, address, ctx.channel());
                ctx.close();
                return;
            }
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        total.decrementAndGet();
        InetAddress address = address(ctx);
        if (maxConnectionsPerIp > 0 && address != null) {
            perIp.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
        super.channelInactive(ctx);
    }

    /** Open connections counted, including any being closed for exceeding a limit. */
    int openConnections() {
        return total.get();
    }

    private static InetAddress address(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
