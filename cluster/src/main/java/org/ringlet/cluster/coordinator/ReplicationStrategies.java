package org.ringlet.cluster.coordinator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.ComponentRegistry;
import org.ringlet.api.NodeContext;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.locator.ReplicationStrategyFactory;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.ReplicationParams;
import org.ringlet.api.schema.SchemaService;

import static java.util.Objects.requireNonNull;

/**
 * The replication strategy of each keyspace, created through the component registry from the keyspace's stored
 * replication and kept while that replication is unchanged. Thread-safe.
 */
public final class ReplicationStrategies {
    private record Key(String keyspace, ReplicationParams params) {
    }

    private final SchemaService schema;
    private final ComponentRegistry registry;
    private final NodeContext context;
    private final Map<Key, ReplicationStrategy> cache = new ConcurrentHashMap<>();

    public ReplicationStrategies(SchemaService schema, ComponentRegistry registry, NodeContext context) {
        this.schema = requireNonNull(schema, "schema is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.context = requireNonNull(context, "context is null");
    }

    /**
     * The keyspace's metadata.
     *
     * @throws InvalidRequestException when the keyspace does not exist
     */
    public KeyspaceMetadata keyspace(String name) {
        return schema.current().keyspace(name)
                .orElseThrow(() -> new InvalidRequestException("Keyspace " + name + " does not exist"));
    }

    /** The keyspace's strategy. */
    public ReplicationStrategy strategy(KeyspaceMetadata keyspace) {
        Key key = new Key(keyspace.name(), keyspace.replication());
        ReplicationStrategy s = cache.get(key);
        if (s != null) {
            return s;
        }
        if (cache.size() > 4 * (schema.current().keyspaces().size() + 16)) {
            cache.clear();
        }
        ReplicationParams p = keyspace.replication();
        ReplicationStrategyFactory factory = registry.resolve(ReplicationStrategyFactory.class, p.strategyClass());
        s = factory.create(new ComponentConfig(keyspace.name(), p.options()), context);
        cache.put(key, s);
        return s;
    }
}
