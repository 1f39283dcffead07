package org.ringlet.partitioner;

import java.util.Optional;
import java.util.Set;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.PartitionerFactory;

/**
 * Creates the {@link Murmur3Partitioner}: {@code murmur3}, also known by Cassandra's class names
 * {@code Murmur3Partitioner} and {@code org.apache.cassandra.dht.Murmur3Partitioner}. Takes no options and no
 * node services. Stateless.
 */
public final class Murmur3PartitionerFactory implements PartitionerFactory {
    /** The Cassandra class name this partitioner is shown as. */
    public static final String CASSANDRA_CLASS = "org.apache.cassandra.dht.Murmur3Partitioner";

    @Override
    public String name() {
        return "murmur3";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("Murmur3Partitioner", CASSANDRA_CLASS);
    }

    @Override
    public Optional<String> cassandraClassName() {
        return Optional.of(CASSANDRA_CLASS);
    }

    @Override
    public String description() {
        return "MurmurHash3 (Cassandra's default); tokens are bigints";
    }

    @Override
    public Partitioner create(ComponentConfig config, NodeContext context) {
        return new Murmur3Partitioner();
    }
}
