package org.ringlet.node.management;

import java.util.Optional;
import java.util.function.Supplier;

import org.ringlet.api.membership.Membership;
import org.ringlet.api.ring.TopologyService;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.storage.StorageEngine;

import static java.util.Objects.requireNonNull;

/**
 * The node services the MBeans read, each absent until the node has it: looked up on every call, because the
 * topology service (like the coordinator and the query handler) exists only once the node has started it.
 * Thread-safe.
 */
public final class ManagementSources {
    private final Supplier<Optional<TopologyService>> topology;
    private final Supplier<Optional<Membership>> membership;
    private final Supplier<Optional<StorageEngine>> storage;
    private final Supplier<Optional<SchemaService>> schema;

    /**
     * @param topology   the ring (tokens, nodes, locations, states)
     * @param membership who is alive
     * @param storage    local data: load, table statistics, flush, compaction, snapshots
     * @param schema     keyspaces and tables
     */
    public ManagementSources(Supplier<Optional<TopologyService>> topology, Supplier<Optional<Membership>> membership,
                             Supplier<Optional<StorageEngine>> storage, Supplier<Optional<SchemaService>> schema) {
        this.topology = requireNonNull(topology, "topology is null");
        this.membership = requireNonNull(membership, "membership is null");
        this.storage = requireNonNull(storage, "storage is null");
        this.schema = requireNonNull(schema, "schema is null");
    }

    /** Services that are there (or not) from the start. */
    public static ManagementSources of(Optional<TopologyService> topology, Optional<Membership> membership,
                                       Optional<StorageEngine> storage, Optional<SchemaService> schema) {
        return new ManagementSources(() -> topology, () -> membership, () -> storage, () -> schema);
    }

    /** None of the services: a node that has only its configuration and ring components. */
    public static ManagementSources none() {
        return of(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Optional<TopologyService> topology() {
        return topology.get();
    }

    public Optional<Membership> membership() {
        return membership.get();
    }

    public Optional<StorageEngine> storage() {
        return storage.get();
    }

    public Optional<SchemaService> schema() {
        return schema.get();
    }
}
