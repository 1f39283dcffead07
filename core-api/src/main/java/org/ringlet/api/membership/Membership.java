package org.ringlet.api.membership;

import java.util.Set;
import java.util.UUID;

import org.ringlet.api.Service;

/**
 * The node's view of who is in the cluster and who is alive.
 *
 * <p>Thread-safe. Listeners are called on a scheduler thread, never while a lock of the membership is held.
 */
public interface Membership extends Service {

    /** Whether the node is believed alive. This node is always alive to itself. */
    boolean isAlive(UUID hostId);

    /** The host ids of every node believed alive, this node included. */
    Set<UUID> liveMembers();

    /** Subscribes to membership events. */
    void addListener(MembershipListener listener);

    /** Unsubscribes. */
    void removeListener(MembershipListener listener);
}
