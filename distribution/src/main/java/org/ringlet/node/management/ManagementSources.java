package org.ringlet.node.management;

import java.util.Optional;

import org.ringlet.api.membership.Membership;
import org.ringlet.api.ring.TopologyService;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.storage.StorageEngine;

import static java.util.Objects.requireNonNull;

/**
 * The node services the MBeans read, each absent until the node assembles it.
 *
 * @param topology   the ring (tokens, nodes, locations, states)
 * @param membership who is alive
 * @param storage    local data: load, table statistics, flush
 * @param schema     keyspaces and tables
 */
public record ManagementSources(Optional<TopologyService> topology, Optional<Membership> membership,
                                Optional<StorageEngine> storage, Optional<SchemaService> schema) {
    public ManagementSources {
        requireNonNull(topology, "topology is null");
        requireNonNull(membership, "membership is null");
        requireNonNull(storage, "storage is null");
        requireNonNull(schema, "schema is null");
    }

    /** None of the services: a node that has only its configuration and ring components. */
    public static ManagementSources none() {
        return new ManagementSources(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
