package org.ringlet.api.data;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ringlet.api.schema.TableId;

import static java.util.Objects.requireNonNull;

/**
 * A write to one partition key of one keyspace, possibly touching several tables: the unit the commit log
 * records, replicas apply atomically, and messages carry. Immutable.
 */
public final class Mutation {
    private final String keyspace;
    private final DecoratedKey key;
    private final Map<TableId, Partition> partitions;

    private Mutation(String keyspace, DecoratedKey key, Map<TableId, Partition> partitions) {
        this.keyspace = requireNonNull(keyspace, "keyspace is null");
        this.key = requireNonNull(key, "key is null");
        this.partitions = partitions;
    }

    /** A mutation of one table's partition. */
    public static Mutation of(String keyspace, Partition update) {
        return new Mutation(keyspace, update.key(), Map.of(update.table(), update));
    }

    /**
     * A mutation of several tables' partitions with the same key.
     *
     * @throws IllegalArgumentException when the keys differ or a table appears twice
     */
    public static Mutation of(String keyspace, Collection<Partition> updates) {
        if (updates.isEmpty()) {
            throw new IllegalArgumentException("a mutation needs at least one partition update");
        }
        DecoratedKey key = updates.iterator().next().key();
        Map<TableId, Partition> m = new LinkedHashMap<>();
        for (Partition p : updates) {
            if (!p.key().equals(key)) {
                throw new IllegalArgumentException("all updates of a mutation must have the same key");
            }
            if (m.put(p.table(), p) != null) {
                throw new IllegalArgumentException("table " + p.table() + " appears twice in a mutation");
            }
        }
        return new Mutation(keyspace, key, Collections.unmodifiableMap(m));
    }

    public String keyspace() {
        return keyspace;
    }

    public DecoratedKey key() {
        return key;
    }

    /** The partition updates by table, in insertion order. */
    public Map<TableId, Partition> partitions() {
        return partitions;
    }

    /** An estimate of the data size. */
    public int dataSize() {
        int size = 0;
        for (Partition p : partitions.values()) {
            size += p.dataSize();
        }
        return size;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mutation m && m.keyspace.equals(keyspace) && m.key.equals(key)
                && m.partitions.equals(partitions);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return "Mutation{" + keyspace + ", " + partitions.values() + "}";
    }
}
