package org.ringlet.api.membership;

import java.util.UUID;

/**
 * Receives membership events. Every method has an empty default so listeners override only what they need.
 */
public interface MembershipListener {

    /** A node was seen for the first time. */
    default void onJoin(UUID hostId) {
    }

    /** A node became reachable. */
    default void onAlive(UUID hostId) {
    }

    /** A node stopped answering (convicted by the failure detector). */
    default void onDead(UUID hostId) {
    }

    /** A node left the cluster for good. */
    default void onRemove(UUID hostId) {
    }

    /** A node restarted (its generation changed). */
    default void onRestart(UUID hostId) {
    }

    /** A node's published state changed, e.g. its schema version or load. */
    default void onChange(UUID hostId, String key, String value) {
    }
}
