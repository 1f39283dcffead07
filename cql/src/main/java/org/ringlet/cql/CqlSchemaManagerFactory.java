package org.ringlet.cql;

import java.util.Map;
import java.util.Set;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.cluster.LocalNodeStore;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.schema.SchemaManager;
import org.ringlet.api.schema.SchemaManagerFactory;
import org.ringlet.api.schema.SchemaService;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.cql.schema.LocalSchema;
import org.ringlet.cql.schema.SchemaStartup;
import org.ringlet.cql.schema.SchemaStore;
import org.ringlet.cql.system.SystemLocalTable;

import static java.util.Objects.requireNonNull;

/**
 * Creates the schema layer of the {@code cql} query handler ({@code cql}): the {@link LocalSchema} with the system
 * keyspaces at once, and on {@link SchemaManager#load} the start-up of {@link SchemaStartup} (replay of the system
 * tables, the stored schema, replay of the rest). The load makes the {@link SchemaStore} (which the {@code cql}
 * query handler needs) and {@code system.local} as the {@link LocalNodeStore} available to the node.
 */
public final class CqlSchemaManagerFactory implements SchemaManagerFactory {

    @Override
    public String name() {
        return "cql";
    }

    @Override
    public Set<Class<?>> requiredServices() {
        return Set.of(Partitioner.class, Clock.class);
    }

    @Override
    public String description() {
        return "the schema in system_schema and the system keyspaces, for the cql query handler";
    }

    @Override
    public SchemaManager create(ComponentConfig config, NodeContext context) {
        return new CqlSchemaManager(SchemaStartup.initialSchema(), context.service(Partitioner.class),
                context.service(Clock.class));
    }

    /** The schema layer: the schema service from creation, the store and system.local once loaded. */
    private static final class CqlSchemaManager implements SchemaManager {
        private final LocalSchema schema;
        private final Partitioner partitioner;
        private final Clock clock;

        CqlSchemaManager(LocalSchema schema, Partitioner partitioner, Clock clock) {
            this.schema = requireNonNull(schema, "schema is null");
            this.partitioner = requireNonNull(partitioner, "partitioner is null");
            this.clock = requireNonNull(clock, "clock is null");
        }

        @Override
        public SchemaService schema() {
            return schema;
        }

        @Override
        public Map<Class<?>, Object> load(StorageEngine storage) {
            SchemaStore store = SchemaStartup.load(schema, storage, partitioner, clock);
            SystemLocalTable local = new SystemLocalTable(storage, schema.definitions(), partitioner, clock);
            return Map.of(SchemaStore.class, store, LocalNodeStore.class, local);
        }
    }
}
