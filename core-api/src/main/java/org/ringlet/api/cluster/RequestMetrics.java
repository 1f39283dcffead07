package org.ringlet.api.cluster;

import org.ringlet.api.schema.TableId;

/**
 * Where the request paths report latencies: the coordinator per kind of client request (Cassandra's
 * {@code ClientRequest} metrics, {@code nodetool proxyhistograms}) and the local replica per table (the table's
 * read and write latencies, {@code nodetool tablehistograms}). An optional node service: components look it up
 * with {@code NodeContext.find(RequestMetrics.class)} and use {@link #none()} when the node has none.
 *
 * <p>Implementations are thread-safe, quick and never throw.
 */
public interface RequestMetrics {

    /** The kinds of client request, with the scope names Cassandra's metrics use. */
    enum Scope {
        READ("Read"),
        WRITE("Write"),
        RANGE_SLICE("RangeSlice"),
        CAS_READ("CASRead"),
        CAS_WRITE("CASWrite");

        private final String cassandraName;

        Scope(String cassandraName) {
            this.cassandraName = cassandraName;
        }

        /** The scope as Cassandra names it, e.g. {@code RangeSlice}. */
        public String cassandraName() {
            return cassandraName;
        }
    }

    /**
     * A coordinated request finished, successfully or not.
     *
     * @param micros its latency in microseconds
     */
    void clientRequest(Scope scope, long micros);

    /** A read of one table on this node (a replica's local read) took {@code micros} microseconds. */
    void localRead(TableId table, long micros);

    /** A write of one table on this node (a replica's local write) took {@code micros} microseconds. */
    void localWrite(TableId table, long micros);

    /** Metrics that record nothing. */
    static RequestMetrics none() {
        return NoRequestMetrics.INSTANCE;
    }
}

/** The metrics of a node that keeps none. */
enum NoRequestMetrics implements RequestMetrics {
    INSTANCE;

    @Override
    public void clientRequest(Scope scope, long micros) {
    }

    @Override
    public void localRead(TableId table, long micros) {
    }

    @Override
    public void localWrite(TableId table, long micros) {
    }
}
