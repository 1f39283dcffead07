package org.ringlet.api;

import java.util.Optional;
import java.util.Set;

/**
 * The common shape of every SPI factory. Implementations are registered in
 * {@code META-INF/services/<factory interface>} and found with {@link java.util.ServiceLoader}.
 *
 * <p>Factories must have a public no-argument constructor, must be stateless and thread-safe, and must not do
 * I/O or start threads before {@link #create} is called.
 *
 * @param <T> the type of component this factory creates
 */
public interface ComponentFactory<T> {

    /** The kind of component this factory creates. */
    ComponentKind kind();

    /**
     * The canonical name: lowercase ASCII letters, digits and {@code '-'}, e.g. {@code "murmur3"}. Unique within
     * its {@link #kind()}.
     */
    String name();

    /**
     * Other names this factory answers to, compared case-insensitively: typically Cassandra's short and fully
     * qualified class names, e.g. {@code "Murmur3Partitioner"} and {@code "org.apache.cassandra.dht.Murmur3Partitioner"}.
     */
    default Set<String> aliases() {
        return Set.of();
    }

    /**
     * The fully qualified Cassandra class name this component is shown as in schema tables and {@code system.local}
     * (for example {@code org.apache.cassandra.locator.SimpleStrategy}), if it has one. Components that have no
     * Cassandra counterpart return their factory class name.
     */
    default Optional<String> cassandraClassName() {
        return Optional.empty();
    }

    /**
     * The node services {@link #create} will ask the {@link NodeContext} for. Assembly checks them before
     * creating anything, so that a missing service is reported by name up front.
     */
    default Set<Class<?>> requiredServices() {
        return Set.of();
    }

    /** A one-line description for {@code ringlet components}. */
    default String description() {
        return "";
    }

    /**
     * Creates a component.
     *
     * @param config  the component's options; never null
     * @param context the node services; never null
     * @return a new component; never null
     * @throws org.ringlet.api.error.ConfigurationException when an option is unknown, missing or invalid; the
     *                                                      message names the option and the value
     */
    T create(ComponentConfig config, NodeContext context);
}
