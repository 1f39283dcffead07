package org.ringlet.transport.nativeproto.driver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.query.QueryHandler;
import org.ringlet.api.query.Transport;
import org.ringlet.api.query.TransportFactory;
import org.ringlet.api.runtime.Scheduler;

/**
 * A {@link FakeNode} served by the {@code native} transport, created through {@link ServiceLoader} and a node
 * context the way the node assembles it, on 127.0.0.1 and a free port.
 */
final class RunningServer implements AutoCloseable {
    final FakeNode node;
    final Transport transport;
    final InetSocketAddress address;
    private final TestScheduler scheduler = new TestScheduler();

    RunningServer(int userRows, Map<String, String> extraOptions) throws Exception {
        node = new FakeNode(InetAddress.getByName("127.0.0.1"), userRows);
        TransportFactory factory = ServiceLoader.load(TransportFactory.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(f -> f.name().equals("native"))
                .findFirst().orElseThrow();
        NodeContext context = new NodeContext() {
            @Override
            public <S> Optional<S> find(Class<S> type) {
                if (type == QueryHandler.class) {
                    return Optional.of(type.cast(node));
                }
                if (type == Scheduler.class) {
                    return Optional.of(type.cast(scheduler));
                }
                return Optional.empty();
            }
        };
        Map<String, String> options = new HashMap<>(Map.of("rpc_address", "127.0.0.1",
                "native_transport_port", "0", "native_transport_io_threads", "2"));
        options.putAll(extraOptions);
        transport = factory.create(ComponentConfig.of(options), context);
        transport.start();
        address = transport.boundAddress().orElseThrow();
        node.listeningOn(address.getPort());
    }

    @Override
    public void close() throws Exception {
        transport.stop();
        scheduler.close();
    }

    /** Waits until {@code condition} holds, failing after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
