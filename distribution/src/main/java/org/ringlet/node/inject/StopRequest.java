package org.ringlet.node.inject;

import static java.util.Objects.requireNonNull;

/**
 * What the node does when something asks it to go away ({@code nodetool stopdaemon}, a {@code die} failure
 * policy): the process exits under {@code Main}; an in-process node stops itself.
 *
 * @param action runs the request; returns at once (the stopping happens on another thread)
 */
public record StopRequest(Runnable action) {
    public StopRequest {
        requireNonNull(action, "action is null");
    }
}
