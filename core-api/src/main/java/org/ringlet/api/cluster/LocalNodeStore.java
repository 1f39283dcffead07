package org.ringlet.api.cluster;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a node persists about its own identity so that it keeps it across restarts: its host id and the tokens it
 * owns (Cassandra keeps both in {@code system.local}). The query layer implements it on top of its system tables;
 * the topology service reads it when the node starts and saves what it generated on the first start.
 *
 * <p>Thread-safe. The save methods block until the value is durable (written through the commit log), so a node
 * that crashes right after a save finds the value again on restart.
 */
public interface LocalNodeStore {

    /** The host id saved by an earlier start; empty on the very first start. */
    Optional<UUID> hostId();

    /**
     * Saves the host id.
     *
     * @throws org.ringlet.api.error.RingletException when it cannot be written
     */
    void saveHostId(UUID hostId);

    /**
     * The tokens saved by an earlier start, in the partitioner's string form ({@code Partitioner#toString(Token)}),
     * sorted as strings; empty when none were saved.
     */
    List<String> tokens();

    /**
     * Saves the tokens this node owns, replacing any saved before.
     *
     * @param tokens the tokens in the partitioner's string form; not empty
     * @throws org.ringlet.api.error.RingletException when they cannot be written
     */
    void saveTokens(Collection<String> tokens);
}
