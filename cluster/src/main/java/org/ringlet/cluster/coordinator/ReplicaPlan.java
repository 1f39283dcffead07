package org.ringlet.cluster.coordinator;

import java.util.List;
import java.util.UUID;

import org.ringlet.api.cluster.ConsistencyLevel;

import static java.util.Objects.requireNonNull;

/**
 * The replicas of one token for one request.
 *
 * @param consistency the level the request is checked at
 * @param natural     every natural replica, in the strategy's order
 * @param live        the natural replicas that are alive
 * @param contacts    the live replicas the request is sent to, closest first
 * @param blockFor    how many answers (of replicas that count towards the level) complete the request
 */
public record ReplicaPlan(ConsistencyLevel consistency, List<UUID> natural, List<UUID> live, List<UUID> contacts,
                          int blockFor) {
    public ReplicaPlan {
        requireNonNull(consistency, "consistency is null");
        natural = List.copyOf(natural);
        live = List.copyOf(live);
        contacts = List.copyOf(contacts);
    }
}
