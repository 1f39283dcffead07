package org.ringlet.api.query;

import java.net.InetSocketAddress;
import java.util.Optional;

import org.ringlet.api.Service;

/** A client-facing server (the CQL native protocol), serving a {@link QueryHandler} it takes from the node. */
public interface Transport extends Service {

    /** The address it listens on once started (useful when configured with port 0). */
    Optional<InetSocketAddress> boundAddress();
}
