package org.ringlet.node.inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.RegisteredComponent;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.api.locator.ReplicationStrategy;
import org.ringlet.api.locator.ReplicationStrategyFactory;
import org.ringlet.node.plugin.DefaultComponentRegistry;

import static java.util.Objects.requireNonNull;

/**
 * Creates the replication strategy of a keyspace from its replication map, as {@code CREATE KEYSPACE ... WITH
 * replication = {'class': ..., ...}} gives it: {@code class} names the strategy (a factory name, an alias or a
 * Cassandra class name) and the other entries are the strategy's options.
 *
 * <p>Thread-safe.
 */
public final class ReplicationStrategies {
    private final Map<String, ReplicationStrategyFactory> factories;
    private final DefaultComponentRegistry registry;
    private final NodeContext context;

    @Inject
    ReplicationStrategies(Map<String, ReplicationStrategyFactory> factories, DefaultComponentRegistry registry,
                          NodeContext context) {
        this.factories = Map.copyOf(requireNonNull(factories, "factories is null"));
        this.registry = requireNonNull(registry, "registry is null");
        this.context = requireNonNull(context, "context is null");
    }

    /**
     * @param keyspace    the keyspace, which the strategy's validation messages name
     * @param replication the replication map including {@code class}
     * @throws ConfigurationException when {@code class} is missing or unknown, or the options are invalid
     */
    public ReplicationStrategy create(String keyspace, Map<String, String> replication) {
        requireNonNull(keyspace, "keyspace is null");
        requireNonNull(replication, "replication is null");
        String className = replication.get("class");
        if (className == null) {
            throw new ConfigurationException("Missing replication strategy class for keyspace " + keyspace);
        }
        ReplicationStrategyFactory factory = factory(className);
        Map<String, String> options = new LinkedHashMap<>(replication);
        options.remove("class");
        return factory.create(new ComponentConfig(keyspace, options), context);
    }

    /**
     * The factory {@code className} names.
     *
     * @throws ConfigurationException listing the known strategies when none answers to it
     */
    public ReplicationStrategyFactory factory(String className) {
        RegisteredComponent c = registry.findRegistered(ReplicationStrategyFactory.class, className)
                .orElseThrow(() -> new ConfigurationException("Unable to find replication strategy class '"
                        + className + "'; known: " + String.join(", ", names())));
        return factories.get(c.factory().name());
    }

    /** The canonical names of the available strategies, sorted. */
    public List<String> names() {
        return factories.keySet().stream().sorted().toList();
    }
}
