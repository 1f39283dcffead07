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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * One client connection as the rest of the server sees it: its channel, its protocol version once fixed, its
 * {@link ClientState}, and the event types it registered for. The version and registrations are written on the
 * connection's event loop and read from any thread (events are pushed from the thread that caused them).
 *
 * <p>Events and slow readers: an event is queued for a client only while less than {@code eventBacklogLimit}
 * bytes wait to be sent to it. Past that the client has stopped reading; rather than buffer events for it without
 * bound, or drop one and leave its driver's view of the cluster silently stale, the connection is closed. The
 * driver reconnects and, as after any reconnection, refreshes its metadata from the system tables.
 */
final class Connection {
    private static final Logger log = LoggerFactory.getLogger(Connection.class);

    private final Channel channel;
    private final ClientState clientState;
    private final long eventBacklogLimit;
    private volatile ProtocolVersion version;
    private volatile Set<String> eventTypes = Set.of();

    /**
     * @param channel           the client's channel
     * @param eventBacklogLimit unsent bytes past which an event closes the connection instead of being queued
     */
    Connection(Channel channel, long eventBacklogLimit) {
        this.channel = requireNonNull(channel, "channel is null");
        this.clientState = new ClientState(inetAddress(channel.remoteAddress()), ProtocolVersion.highest().number());
        this.eventBacklogLimit = eventBacklogLimit;
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

    /**
     * Pushes {@code event} on stream -1 if this connection registered for its type, or closes the connection if
     * its client has left more than the backlog limit unread. Never blocks.
     */
    void push(Event event) {
        ProtocolVersion v = version;
        if (v == null || !isRegisteredFor(event.type()) || !channel.isActive()) {
            return;
        }
        long unsent = unsentBytes();
        if (unsent > eventBacklogLimit) {
            log.warn("Closing {}: its client left {} bytes unread, more than the event backlog limit of {} bytes "
                    + "({}); its driver will reconnect and refresh", channel, unsent, eventBacklogLimit,
                    NativeTransportConfig.EVENT_BACKLOG_LIMIT);
            channel.close();
            return;
        }
        channel.writeAndFlush(new ResponseFrame(ResponseFrame.EVENT_STREAM_ID, v.number(),
                new ResponseMessage.EventMessage(event)));
    }

    /** Bytes queued for the client and not yet written to its socket (approximately; 0 while writable). */
    private long unsentBytes() {
        if (channel.isWritable()) {
            return 0;
        }
        return channel.bytesBeforeWritable() + channel.config().getWriteBufferLowWaterMark();
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
