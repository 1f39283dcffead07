package org.ringlet.node.inject;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.query.Transport;
import org.ringlet.api.query.TransportFactory;
import org.ringlet.node.config.ComponentsConfig;
import org.ringlet.node.config.NetworkConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 7 (ADR 0041): the client transport, started last (so clients are served only once everything behind it
 * runs) and stopped first, unless {@code start_native_transport} is false. {@link #stopServing()} stops it early
 * ({@code nodetool drain}).
 */
public final class TransportStage extends DeferredComponent<Transport, TransportFactory> {
    private static final Logger LOG = LoggerFactory.getLogger(TransportStage.class);

    private final boolean startNativeTransport;

    @Inject
    TransportStage(Map<String, TransportFactory> factories, ComponentsConfig components, NetworkConfig network,
                   ComponentAssembler assembler, NodeServices services, QueryHandlerStage after) {
        super(ComponentKind.TRANSPORT, Transport.class, TransportFactory.class, factories,
                components.nativeTransport(), "native_transport", assembler, services);
        this.startNativeTransport = network.startNativeTransport();
    }

    @Override
    boolean enabled() {
        return startNativeTransport;
    }

    @Override
    public synchronized void start() throws Exception {
        super.start();
        boundAddress().ifPresent(a -> LOG.info("Serving CQL clients on {}:{}", a.getAddress().getHostAddress(),
                a.getPort()));
    }

    /** Where clients connect, while the transport runs. */
    public Optional<InetSocketAddress> boundAddress() {
        return component().flatMap(Transport::boundAddress);
    }

    /** Whether clients are being served. */
    public boolean isRunning() {
        return component().isPresent();
    }

    /** Stops serving clients before the node stops (drain); the node's stop does nothing more for it. */
    public void stopServing() throws Exception {
        stop();
    }
}
