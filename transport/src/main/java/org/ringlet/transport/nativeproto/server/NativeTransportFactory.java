package org.ringlet.transport.nativeproto.server;

import java.util.Set;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.query.QueryHandler;
import org.ringlet.api.query.Transport;
import org.ringlet.api.query.TransportFactory;
import org.ringlet.api.runtime.Scheduler;

/**
 * Creates the CQL native protocol server, named {@code native}. It serves the node's {@link QueryHandler} and
 * calls it on the node {@link Scheduler}'s compute executor. Options: see {@link NativeTransportConfig}.
 */
public final class NativeTransportFactory implements TransportFactory {

    @Override
    public String name() {
        return "native";
    }

    @Override
    public Set<Class<?>> requiredServices() {
        return Set.of(QueryHandler.class, Scheduler.class);
    }

    @Override
    public String description() {
        return "CQL native protocol server (protocol v3, v4 and v5) on Netty";
    }

    @Override
    public Transport create(ComponentConfig config, NodeContext context) {
        NativeTransportConfig options = NativeTransportConfig.from(config);
        return new NativeTransport(options, context.service(QueryHandler.class),
                context.scheduler().computeExecutor());
    }
}
