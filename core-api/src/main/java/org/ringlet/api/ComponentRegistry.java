package org.ringlet.api;

import java.util.List;
import java.util.Optional;

/**
 * Resolves component names (canonical names, aliases and Cassandra class names, case-insensitively) to the
 * factories the node discovered, on its classpath and in its plugin directories, and maps factories back to the
 * class names schema tables show. Never uses {@code Class.forName} on user input.
 *
 * <p>Implementations are immutable after node assembly and thread-safe.
 */
public interface ComponentRegistry {

    /**
     * The factory of the given kind answering to {@code name}.
     *
     * @param factoryType the factory interface, e.g. {@code PartitionerFactory.class}
     * @param name        a canonical name, alias or Cassandra class name
     * @throws org.ringlet.api.error.ConfigurationException when no factory of that kind answers to the name; the
     *                                                      message lists the known names
     */
    <F extends ComponentFactory<?>> F resolve(Class<F> factoryType, String name);

    /** Like {@link #resolve} but empty instead of failing. */
    <F extends ComponentFactory<?>> Optional<F> find(Class<F> factoryType, String name);

    /** Every registered factory, in kind then name order. */
    List<RegisteredComponent> components();

    /**
     * The class name shown for this factory in schema tables: its {@link ComponentFactory#cassandraClassName()}
     * or, failing that, the factory's own class name.
     */
    default String displayClassName(ComponentFactory<?> factory) {
        return factory.cassandraClassName().orElse(factory.getClass().getName());
    }
}
