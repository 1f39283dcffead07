package org.ringlet.transport.nativeproto.server;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.ChannelFuture;
import org.ringlet.api.query.Event;
import org.ringlet.api.query.EventListener;

/**
 * The open connections of one server: pushes events to those registered for their type, and closes them all when
 * the server stops. Thread-safe.
 */
final class ConnectionTracker implements EventListener {
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();

    void add(Connection connection) {
        connections.add(connection);
    }

    void remove(Connection connection) {
        connections.remove(connection);
    }

    int size() {
        return connections.size();
    }

    @Override
    public void onEvent(Event event) {
        for (Connection c : connections) {
            c.push(event);
        }
    }

    /** Closes every connection and returns the close futures. */
    List<ChannelFuture> closeAll() {
        return connections.stream().map(c -> c.channel().close()).toList();
    }
}
