package org.ringlet.api.locator;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Says where this node is (its datacenter and rack), and, for snitches configured with the whole cluster's
 * layout, where other nodes are. Other nodes' locations otherwise come from membership (gossip).
 *
 * <p>Implementations are immutable after creation and thread-safe.
 */
public interface LocationProvider {

    /** This node's location. */
    Location local();

    /**
     * A node's location if this provider knows it from its own configuration (for example PropertyFileSnitch's
     * topology file); empty when it must come from gossip.
     */
    default Optional<Location> locationOf(InetAddress address) {
        return Optional.empty();
    }

    /**
     * Whether nodes in the same datacenter should talk over their preferred (private) addresses, as
     * GossipingPropertyFileSnitch's {@code prefer_local} option says.
     */
    default boolean preferLocal() {
        return false;
    }
}
