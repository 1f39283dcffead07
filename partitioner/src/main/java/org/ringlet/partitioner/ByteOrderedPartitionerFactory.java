package org.ringlet.partitioner;

import java.util.Optional;
import java.util.Set;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.NodeContext;
import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.ring.PartitionerFactory;

/**
 * Creates the {@link ByteOrderedPartitioner}: {@code byte-ordered}, also known by Cassandra's class names
 * {@code ByteOrderedPartitioner} and {@code org.apache.cassandra.dht.ByteOrderedPartitioner}. Takes no options and no
 * node services. Stateless.
 */
public final class ByteOrderedPartitionerFactory implements PartitionerFactory {
    /** The Cassandra class name this partitioner is shown as. */
    public static final String CASSANDRA_CLASS = "org.apache.cassandra.dht.ByteOrderedPartitioner";

    @Override
    public String name() {
        return "byte-ordered";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("ByteOrderedPartitioner", CASSANDRA_CLASS);
    }

    @Override
    public Optional<String> cassandraClassName() {
        return Optional.of(CASSANDRA_CLASS);
    }

    @Override
    public String description() {
        return "order-preserving; tokens are the key bytes";
    }

    @Override
    public Partitioner create(ComponentConfig config, NodeContext context) {
        return new ByteOrderedPartitioner();
    }
}
