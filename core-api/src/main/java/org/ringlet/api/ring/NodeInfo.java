package org.ringlet.api.ring;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import org.ringlet.api.locator.Endpoint;
import org.ringlet.api.locator.Location;

import static java.util.Objects.requireNonNull;

/**
 * What the ring knows of one node.
 *
 * @param hostId         the node's identity, stable across restarts and address changes
 * @param endpoint       its internode address
 * @param nativeEndpoint the address clients connect to (native protocol)
 * @param location       its datacenter and rack
 * @param state          its ring state
 * @param tokens         the tokens it owns (may be empty while it joins)
 */
public record NodeInfo(UUID hostId, Endpoint endpoint, Endpoint nativeEndpoint, Location location, NodeState state,
                       SortedSet<Token> tokens) {
    public NodeInfo {
        requireNonNull(hostId, "hostId is null");
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(nativeEndpoint, "nativeEndpoint is null");
        requireNonNull(location, "location is null");
        requireNonNull(state, "state is null");
        tokens = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(tokens, "tokens is null")));
    }

    /** A copy in another state. */
    public NodeInfo withState(NodeState newState) {
        return new NodeInfo(hostId, endpoint, nativeEndpoint, location, newState, tokens);
    }

    /** A copy with other tokens. */
    public NodeInfo withTokens(SortedSet<Token> newTokens) {
        return new NodeInfo(hostId, endpoint, nativeEndpoint, location, state, newTokens);
    }
}
