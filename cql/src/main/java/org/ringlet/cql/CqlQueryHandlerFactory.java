package org.ringlet.cql;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.ComponentRegistry;
import org.ringlet.api.NodeContext;
import org.ringlet.api.cluster.Coordinator;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.query.QueryHandler;
import org.ringlet.api.query.QueryHandlerFactory;
import org.ringlet.api.ring.NodeInfo;
import org.ringlet.api.ring.TopologyService;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.runtime.Scheduler;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.SchemaChangeListener;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.api.types.UserType;
import org.ringlet.cql.schema.LocalSchema;
import org.ringlet.cql.schema.SchemaStore;
import org.ringlet.cql.statements.QueryContext;
import org.ringlet.cql.system.LocalInfo;
import org.ringlet.cql.system.SystemLocalTable;
import org.ringlet.cql.virtual.VirtualTables;

/**
 * Creates the {@link CqlQueryHandler} ({@code cql}) and writes this node's {@code system.local} row (versions,
 * cluster name, partitioner, location, addresses, schema version, kept current as the schema changes).
 *
 * <p>Options: {@code cluster_name} (default {@code Test Cluster}; a node refuses to start with another name than
 * the one it saved), {@code listen_address} ({@code system.local.listen_address}; default the broadcast address),
 * {@code native_protocol_version} (the highest version the transport serves; default
 * {@code native_transport_max_negotiable_protocol_version}, else {@code 5} as Cassandra 5.0) and
 * {@code prepared_statements_cache_size} (statements kept, default 10000).
 */
public final class CqlQueryHandlerFactory implements QueryHandlerFactory {
    /** Cassandra's default cluster name. */
    public static final String DEFAULT_CLUSTER_NAME = "Test Cluster";

    @Override
    public String name() {
        return "cql";
    }

    @Override
    public Optional<String> cassandraClassName() {
        return Optional.of("org.apache.cassandra.cql3.QueryProcessor");
    }

    @Override
    public Set<Class<?>> requiredServices() {
        return Set.of(SchemaStore.class, Coordinator.class, TopologyService.class, StorageEngine.class,
                ComponentRegistry.class, Clock.class, Scheduler.class, RandomSource.class);
    }

    @Override
    public String description() {
        return "CQL 3.4.7 as Cassandra 5.0 speaks it: parsing, prepared statements, schema and system tables";
    }

    @Override
    public QueryHandler create(ComponentConfig config, NodeContext context) {
        SchemaStore store = context.service(SchemaStore.class);
        TopologyService topology = context.service(TopologyService.class);
        StorageEngine storage = context.service(StorageEngine.class);
        Clock clock = context.service(Clock.class);
        Scheduler scheduler = context.service(Scheduler.class);
        LocalSchema schema = store.schema();
        String clusterName = config.get("cluster_name", DEFAULT_CLUSTER_NAME);
        QueryContext queries = new QueryContext(store, context.service(Coordinator.class), topology,
                context.service(ComponentRegistry.class), context, clock, context.service(RandomSource.class),
                scheduler.ioExecutor(), new VirtualTables(schema, topology.partitioner()), clusterName);
        PreparedStatements prepared = new PreparedStatements(config.getInt("prepared_statements_cache_size", 10_000),
                scheduler.computeExecutor(), clock);
        SchemaEvents events = new SchemaEvents(prepared);
        schema.addListener(events);

        SystemLocalTable local = new SystemLocalTable(storage, schema.definitions(), store.partitioner(), clock);
        local.clusterName().ifPresent(saved -> {
            if (!saved.equals(clusterName)) {
                throw new ConfigurationException("Saved cluster name " + saved + " != configured name "
                        + clusterName);
            }
        });
        local.saveLocalInfo(localInfo(config, clusterName, topology, clock));
        local.saveSchemaVersion(schema.current().version());
        schema.addListener(new SchemaVersionWriter(local, schema));
        return new CqlQueryHandler(queries, prepared, events);
    }

    private static LocalInfo localInfo(ComponentConfig config, String clusterName, TopologyService topology,
                                       Clock clock) {
        NodeInfo self = topology.current().node(topology.localHostId()).orElseThrow(() ->
                new IllegalStateException("this node is not in its own topology"));
        return new LocalInfo(clusterName, LocalInfo.RELEASE_VERSION, LocalInfo.CQL_VERSION,
                config.get("native_protocol_version",
                        config.get("native_transport_max_negotiable_protocol_version", "5")),
                topology.partitionerClassName(),
                self.location().datacenter(), self.location().rack(), self.endpoint().address(),
                self.endpoint().port(), listenAddress(config, self.endpoint().address()), self.endpoint().port(),
                self.nativeEndpoint().address(), self.nativeEndpoint().port(),
                (int) clock.currentTimeSeconds(), ringletVersion());
    }

    /** The {@code listen_address} option (the node's own address, which the broadcast address may hide). */
    private static java.net.InetAddress listenAddress(ComponentConfig config, java.net.InetAddress broadcast) {
        java.util.Optional<String> listen = config.get("listen_address").map(String::trim);
        if (listen.isEmpty() || !listen.get().matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return broadcast;
        }
        try {
            return java.net.InetAddress.getByName(listen.get());
        } catch (java.net.UnknownHostException e) {
            throw new ConfigurationException("Option 'listen_address' must be an IP address, got '"
                    + listen.get() + "'");
        }
    }

    /** Ringlet's version, as the build wrote it. */
    static String ringletVersion() {
        try (InputStream in = CqlQueryHandlerFactory.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Keeps {@code system.local.schema_version} equal to the current schema's version. */
    private static final class SchemaVersionWriter implements SchemaChangeListener {
        private final SystemLocalTable local;
        private final LocalSchema schema;
        private UUID written;

        SchemaVersionWriter(SystemLocalTable local, LocalSchema schema) {
            this.local = local;
            this.schema = schema;
            this.written = schema.current().version();
        }

        private synchronized void update() {
            UUID version = schema.current().version();
            if (!version.equals(written)) {
                local.saveSchemaVersion(version);
                written = version;
            }
        }

        @Override
        public void onCreateKeyspace(KeyspaceMetadata keyspace) {
            update();
        }

        @Override
        public void onAlterKeyspace(KeyspaceMetadata before, KeyspaceMetadata after) {
            update();
        }

        @Override
        public void onDropKeyspace(KeyspaceMetadata keyspace) {
            update();
        }

        @Override
        public void onCreateTable(TableMetadata table) {
            update();
        }

        @Override
        public void onAlterTable(TableMetadata before, TableMetadata after) {
            update();
        }

        @Override
        public void onDropTable(TableMetadata table) {
            update();
        }

        @Override
        public void onCreateType(UserType type) {
            update();
        }

        @Override
        public void onAlterType(UserType before, UserType after) {
            update();
        }

        @Override
        public void onDropType(UserType type) {
            update();
        }
    }
}
