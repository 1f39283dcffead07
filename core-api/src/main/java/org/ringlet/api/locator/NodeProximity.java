package org.ringlet.api.locator;

import java.util.List;
import java.util.UUID;

import org.ringlet.api.ring.Topology;

/**
 * Orders nodes by closeness to a given node, so that reads go to the nearest replicas first.
 *
 * <p>Implementations are thread-safe; they may keep statistics (latency) but never block.
 */
public interface NodeProximity {

    /**
     * The nodes sorted from closest to farthest from {@code self}. Returns a new list; nodes unknown to the
     * topology sort last, in their given order.
     */
    List<UUID> sortByProximity(UUID self, List<UUID> nodes, Topology topology);

    /** Compares two nodes by closeness to {@code self}: negative when {@code a} is closer. */
    int compare(UUID self, UUID a, UUID b, Topology topology);
}
