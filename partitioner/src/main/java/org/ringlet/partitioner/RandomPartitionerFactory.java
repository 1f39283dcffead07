package org.ringlet.partitioner;

import java.util.Optional;
import java.util.Set;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.PartitionerFactory;

/**
 * Creates the {@link RandomPartitioner}: {@code random}, also known by Cassandra's class names
 * {@code RandomPartitioner} and {@code org.apache.cassandra.dht.RandomPartitioner}. Takes no options and no
 * node services. Stateless.
 */
public final class RandomPartitionerFactory implements PartitionerFactory {
    /** The Cassandra class name this partitioner is shown as. */
    public static final String CASSANDRA_CLASS = "org.apache.cassandra.dht.RandomPartitioner";

    @Override
    public String name() {
        return "random";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("RandomPartitioner", CASSANDRA_CLASS);
    }

    @Override
    public Optional<String> cassandraClassName() {
        return Optional.of(CASSANDRA_CLASS);
    }

    @Override
    public String description() {
        return "MD5; tokens are varints in [0, 2^127]";
    }

    @Override
    public Partitioner create(ComponentConfig config, NodeContext context) {
        return new RandomPartitioner();
    }
}
