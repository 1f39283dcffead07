package org.ringlet.transport.nativeproto.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.query.QueryHandler;
import org.ringlet.api.query.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The CQL native protocol server (v3, v4 and v5) on Netty. Owns its event loops (the only threads it creates),
 * registers for the query handler's events while running, and calls the query handler on the request executor.
 *
 * <p>{@link #start()} binds {@code rpc_address:native_transport_port} (port 0 picks a free port, see
 * {@link #boundAddress()}); {@link #stop()} closes the listening socket and every client connection and stops
 * the event loops.
 */
public final class NativeTransport implements Transport {
    private static final Logger log = LoggerFactory.getLogger(NativeTransport.class);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 5;

    private final NativeTransportConfig config;
    private final QueryHandler queryHandler;
    private final Executor requestExecutor;
    private final ConnectionTracker tracker = new ConnectionTracker();

    private EventLoopGroup acceptGroup;
    private EventLoopGroup ioGroup;
    private Channel serverChannel;
    private volatile InetSocketAddress boundAddress;

    /**
     * @param config          the options
     * @param queryHandler    executes the statements and publishes the events
     * @param requestExecutor the executor the query handler is called on (the node scheduler's compute executor)
     */
    public NativeTransport(NativeTransportConfig config, QueryHandler queryHandler, Executor requestExecutor) {
        this.config = requireNonNull(config, "config is null");
        this.queryHandler = requireNonNull(queryHandler, "queryHandler is null");
        this.requestExecutor = requireNonNull(requestExecutor, "requestExecutor is null");
    }

    @Override
    public synchronized void start() throws Exception {
        if (serverChannel != null) {
            throw new IllegalStateException("The native transport is already started");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(config.rpcAddress());
        } catch (UnknownHostException e) {
            throw new ConfigurationException("Option '" + NativeTransportConfig.RPC_ADDRESS + "' names an unknown "
                    + "host: '" + config.rpcAddress() + "'", e);
        }
        acceptGroup = new NioEventLoopGroup(1, new DefaultThreadFactory("ringlet-native-accept", true));
        ioGroup = new NioEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("ringlet-native-io", true));
        NativePipelineInitializer initializer =
                new NativePipelineInitializer(config, queryHandler, requestExecutor, tracker);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptGroup, ioGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(initializer);
        ChannelFuture bind = bootstrap.bind(address, config.port()).awaitUninterruptibly();
        if (!bind.isSuccess()) {
            shutdownGroups();
            throw new ConfigurationException("Cannot listen for CQL clients on " + address.getHostAddress() + ":"
                    + config.port() + " (" + NativeTransportConfig.RPC_ADDRESS + ", "
                    + NativeTransportConfig.PORT + "): " + bind.cause().getMessage(), bind.cause());
        }
        serverChannel = bind.channel();
        boundAddress = (InetSocketAddress) serverChannel.localAddress();
        queryHandler.addEventListener(tracker);
        log.info("Listening for CQL clients on {}:{} (protocol versions {})",
                boundAddress.getAddress().getHostAddress(), boundAddress.getPort(),
                String.join(", ", RequestProcessor.describe(config.acceptedVersions())));
    }

    @Override
    public synchronized void stop() {
        if (serverChannel == null) {
            return;
        }
        queryHandler.removeEventListener(tracker);
        serverChannel.close().awaitUninterruptibly();
        for (ChannelFuture f : tracker.closeAll()) {
            f.awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        shutdownGroups();
        serverChannel = null;
        boundAddress = null;
        log.info("Stopped listening for CQL clients");
    }

    private void shutdownGroups() {
        for (EventLoopGroup group : new EventLoopGroup[] {acceptGroup, ioGroup}) {
            if (group != null) {
                group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS * 2, TimeUnit.SECONDS);
            }
        }
        acceptGroup = null;
        ioGroup = null;
    }

    @Override
    public Optional<InetSocketAddress> boundAddress() {
        return Optional.ofNullable(boundAddress);
    }

    /** Client connections open now. */
    public int openConnections() {
        return tracker.size();
    }

    @Override
    public String serviceName() {
        return "native transport";
    }
}
