package org.ringlet.api.query;

import java.net.InetSocketAddress;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The state of one client connection: its current keyspace, negotiated protocol version and (later) user.
 * Requests of one connection may run concurrently, so fields are volatile; a {@code USE} affects requests that
 * start after it completes.
 */
public final class ClientState {
    private final InetSocketAddress remoteAddress;
    private volatile int protocolVersion;
    private volatile String keyspace;
    private volatile String user;

    public ClientState(InetSocketAddress remoteAddress, int protocolVersion) {
        this.remoteAddress = requireNonNull(remoteAddress, "remoteAddress is null");
        this.protocolVersion = protocolVersion;
    }

    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    public int protocolVersion() {
        return protocolVersion;
    }

    public void setProtocolVersion(int version) {
        this.protocolVersion = version;
    }

    /** The current keyspace, if a USE set one. */
    public Optional<String> keyspace() {
        return Optional.ofNullable(keyspace);
    }

    public void setKeyspace(String name) {
        this.keyspace = requireNonNull(name, "name is null");
    }

    /** The authenticated user, if any. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    public void setUser(String name) {
        this.user = name;
    }
}
