package org.ringlet.cql.system;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import org.ringlet.api.cluster.LocalNodeStore;
import org.ringlet.api.data.Cell;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.error.RingletException;
import org.ringlet.api.error.ServerError;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.data.RowWriter;
import org.ringlet.cql.schema.SystemKeyspaces;

import static java.util.Objects.requireNonNull;

/**
 * The one row of {@code system.local} (key {@code 'local'}) on the storage engine: the node's host id and tokens
 * (the {@link LocalNodeStore} the topology service keeps its identity in), and what clients read about the node
 * (versions, cluster name, partitioner, location, addresses, schema version). Writes go straight to the local
 * engine, durably, as Cassandra writes its system tables. Thread-safe (the engine is).
 */
public final class SystemLocalTable implements LocalNodeStore {
    private static final String KEY = "local";

    private final StorageEngine storage;
    private final TableMetadata table;
    private final Partitioner partitioner;
    private final Clock clock;

    public SystemLocalTable(StorageEngine storage, SystemKeyspaces definitions, Partitioner partitioner,
                            Clock clock) {
        this.storage = requireNonNull(storage, "storage is null");
        this.table = definitions.table(SystemKeyspaces.SYSTEM, "local");
        this.partitioner = requireNonNull(partitioner, "partitioner is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    private Row row() {
        long now = clock.currentTimeSeconds();
        DecoratedKey key = RowWriter.decorate(table, partitioner, List.of(KEY));
        Partition p = storage.read(SinglePartitionReadCommand.fullPartition(table.id(), key, now));
        List<Row> rows = p.liveRows(now);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private void write(Map<String, Object> columns) {
        long now = clock.currentTimeSeconds();
        Mutation m = new RowWriter(SystemKeyspaces.SYSTEM, partitioner, clock.currentTimeMicros(), now)
                .row(table, List.of(KEY), List.of(), columns).build();
        try {
            storage.apply(m, true).toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RingletException r) {
                throw r;
            }
            throw new ServerError("Could not write system.local: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public Optional<UUID> hostId() {
        Row r = row();
        Cell c = r == null ? null : r.cell("host_id");
        return c == null ? Optional.empty() : Optional.of((UUID) NativeType.UUID.compose(c.value()));
    }

    @Override
    public void saveHostId(UUID hostId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host_id", requireNonNull(hostId, "hostId is null"));
        write(m);
    }

    @Override
    public List<String> tokens() {
        Row r = row();
        if (r == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Cell c : r.cells("tokens")) {
            ByteBuffer path = c.path();
            out.add((String) NativeType.TEXT.compose(path));
        }
        out.sort(null);
        return out;
    }

    @Override
    public void saveTokens(Collection<String> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("a node owns at least one token");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tokens", new TreeSet<>(tokens));
        write(m);
    }

    /** Writes what clients read about this node (everything but host id, tokens and schema version). */
    public void saveLocalInfo(LocalInfo info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bootstrapped", "COMPLETED");
        m.put("broadcast_address", info.broadcastAddress());
        m.put("broadcast_port", info.broadcastPort());
        m.put("cluster_name", info.clusterName());
        m.put("cql_version", info.cqlVersion());
        m.put("data_center", info.dataCenter());
        m.put("gossip_generation", info.gossipGeneration());
        m.put("listen_address", info.listenAddress());
        m.put("listen_port", info.listenPort());
        m.put("native_protocol_version", info.nativeProtocolVersion());
        m.put("partitioner", info.partitioner());
        m.put("rack", info.rack());
        m.put("release_version", info.releaseVersion());
        m.put("rpc_address", info.rpcAddress());
        m.put("rpc_port", info.rpcPort());
        m.put("ringlet_version", info.ringletVersion());
        write(m);
    }

    /** Writes the schema version. */
    public void saveSchemaVersion(UUID version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema_version", requireNonNull(version, "version is null"));
        write(m);
    }

    /** The stored cluster name, if the node ran before. */
    public Optional<String> clusterName() {
        Row r = row();
        Cell c = r == null ? null : r.cell("cluster_name");
        return c == null ? Optional.empty() : Optional.of((String) NativeType.TEXT.compose(c.value()));
    }
}
