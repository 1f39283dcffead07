package org.ringlet.node.inject;

import java.util.Map;

import org.ringlet.api.Service;
import org.ringlet.api.cluster.LocalNodeStore;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.schema.SchemaManager;
import org.ringlet.api.storage.StorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Step 3 of the start-up (ADR 0041), right after the storage engine has started: the schema manager replays the
 * system tables, loads the stored schema and replays the rest; what it makes available (the
 * {@link LocalNodeStore}, its query handler's own services) is published for the components created next.
 */
public final class SchemaLoading implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaLoading.class);

    private final SchemaManager manager;
    private final StorageEngine storage;
    private final NodeServices services;
    private Map<Class<?>, Object> published = Map.of();

    SchemaLoading(SchemaManager manager, StorageEngine storage, NodeServices services) {
        this.manager = requireNonNull(manager, "manager is null");
        this.storage = requireNonNull(storage, "storage is null");
        this.services = requireNonNull(services, "services is null");
    }

    @Override
    public synchronized void start() {
        Map<Class<?>, Object> loaded = Map.copyOf(manager.load(storage));
        if (!(loaded.get(LocalNodeStore.class) instanceof LocalNodeStore)) {
            throw new ConfigurationException("The schema manager " + manager.getClass().getName() + " did not "
                    + "provide a " + LocalNodeStore.class.getName() + ", which the topology service needs");
        }
        services.publishAll(loaded);
        published = loaded;
        LOG.info("Schema loaded: {} keyspaces, version {}", manager.schema().current().keyspaces().size(),
                manager.schema().current().version());
    }

    @Override
    public synchronized void stop() {
        published.keySet().forEach(services::withdraw);
        published = Map.of();
    }

    @Override
    public String serviceName() {
        return "schema";
    }
}
