package org.ringlet.transport.nativeproto.server;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import io.netty.channel.Channel;
import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.Event;
import org.ringlet.transport.nativeproto.frame.ProtocolVersion;
import org.ringlet.transport.nativeproto.message.ResponseFrame;
import org.ringlet.transport.nativeproto.message.ResponseMessage;

import static java.util.Objects.requireNonNull;

/**
 * One client connection as the rest of the server sees it: its channel, its protocol version once fixed, its
 * {@link ClientState}, and the event types it registered for. The version and registrations are written on the
 * connection's event loop and read from any thread (events are pushed from the thread that caused them).
 */
final class Connection {
    private final Channel channel;
    private final ClientState clientState;
    private volatile ProtocolVersion version;
    private volatile Set<String> eventTypes = Set.of();

    Connection(Channel channel) {
        this.channel = requireNonNull(channel, "channel is null");
        this.clientState = new ClientState(inetAddress(channel.remoteAddress()), ProtocolVersion.highest().number());
    }

    Channel channel() {
        return channel;
    }

    ClientState clientState() {
        return clientState;
    }

    /** The version fixed by the first request, or null before it. */
    ProtocolVersion version() {
        return version;
    }

    void setVersion(ProtocolVersion v) {
        if (version == null) {
            version = v;
            clientState.setProtocolVersion(v.number());
        }
    }

    /** Adds event types (REGISTER is cumulative). */
    void register(Collection<String> types) {
        Set<String> merged = new HashSet<>(eventTypes);
        merged.addAll(types);
        eventTypes = Set.copyOf(merged);
    }

    boolean isRegisteredFor(String type) {
        return eventTypes.contains(type);
    }

    /** Pushes {@code event} on stream -1 if this connection registered for its type. Never blocks. */
    void push(Event event) {
        ProtocolVersion v = version;
        if (v != null && isRegisteredFor(event.type()) && channel.isActive()) {
            channel.writeAndFlush(new ResponseFrame(ResponseFrame.EVENT_STREAM_ID, v.number(),
                    new ResponseMessage.EventMessage(event)));
        }
    }

    private static InetSocketAddress inetAddress(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return inet;
        }
        // In-memory channels (tests) have no IP address.
        return InetSocketAddress.createUnresolved(String.valueOf(address), 0);
    }

    @Override
    public String toString() {
        return "Connection[" + channel + ", " + version + "]";
    }
}
