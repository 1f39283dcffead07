package org.ringlet.cql.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.query.QueryHandler;
import org.ringlet.api.query.Transport;
import org.ringlet.api.query.TransportFactory;
import org.ringlet.api.runtime.Scheduler;

/**
 * The single-node stack ({@link CqlTestNode#startLsm}) served by the {@code native} transport on 127.0.0.1 and a
 * free port, for tests with real drivers. Close it to stop both.
 */
public final class ServedNode implements AutoCloseable {
    public final CqlTestNode node;
    public final InetSocketAddress address;
    private final Transport transport;

    public ServedNode(Path directory) {
        int port = freePort();
        this.node = CqlTestNode.startLsm(directory, port);
        TransportFactory factory = ServiceLoader.load(TransportFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.name().equals("native")).findFirst().orElseThrow();
        NodeContext context = new NodeContext() {
            @Override
            public <S> Optional<S> find(Class<S> type) {
                if (type == QueryHandler.class) {
                    return Optional.of(type.cast(node.handler));
                }
                if (type == Scheduler.class) {
                    return Optional.of(type.cast(node.scheduler));
                }
                return Optional.empty();
            }
        };
        this.transport = factory.create(ComponentConfig.of(Map.of("rpc_address", "127.0.0.1",
                "native_transport_port", String.valueOf(port), "native_transport_io_threads", "2")), context);
        try {
            transport.start();
        } catch (Exception e) {
            node.close();
            throw new IllegalStateException("the native transport did not start", e);
        }
        this.address = transport.boundAddress().orElseThrow();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            transport.stop();
        } finally {
            node.close();
        }
    }
}
