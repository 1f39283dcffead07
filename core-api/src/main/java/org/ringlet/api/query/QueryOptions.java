package org.ringlet.api.query;

import java.nio.ByteBuffer;
import java.util.Optional;

import org.ringlet.api.cluster.ConsistencyLevel;

import static java.util.Objects.requireNonNull;

/**
 * The parameters of a QUERY or EXECUTE (and the shared part of a BATCH).
 *
 * @param consistency       the consistency level
 * @param values            the bound values
 * @param skipMetadata      whether the client asked not to get result metadata back (EXECUTE)
 * @param pageSize          rows per page, or a value &lt;= 0 for no paging
 * @param pagingState       the opaque state of the previous page, or null for the first page
 * @param serialConsistency the serial level for conditional updates, or null
 * @param timestamp         the client-side write timestamp in microseconds, or {@link #NO_TIMESTAMP}
 * @param keyspace          the per-request keyspace (protocol v5), or null
 * @param nowInSeconds      the "now" the client fixes for the request (protocol v5), or {@link #NO_NOW}
 */
public record QueryOptions(ConsistencyLevel consistency, BoundValues values, boolean skipMetadata, int pageSize,
                           ByteBuffer pagingState, ConsistencyLevel serialConsistency, long timestamp,
                           String keyspace, int nowInSeconds) {
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;
    public static final int NO_NOW = Integer.MIN_VALUE;

    public QueryOptions {
        requireNonNull(consistency, "consistency is null");
        requireNonNull(values, "values is null");
        pagingState = pagingState == null ? null : pagingState.asReadOnlyBuffer();
    }

    /** Options with only a consistency level: no values, no paging. */
    public static QueryOptions of(ConsistencyLevel consistency) {
        return new QueryOptions(consistency, BoundValues.none(), false, -1, null, null, NO_TIMESTAMP, null, NO_NOW);
    }

    public Optional<ByteBuffer> pagingStateIfAny() {
        return pagingState == null ? Optional.empty() : Optional.of(pagingState.duplicate());
    }

    public QueryOptions withPaging(int size, ByteBuffer state) {
        return new QueryOptions(consistency, values, skipMetadata, size, state, serialConsistency, timestamp,
                keyspace, nowInSeconds);
    }

    public QueryOptions withValues(BoundValues newValues) {
        return new QueryOptions(consistency, newValues, skipMetadata, pageSize, pagingState, serialConsistency,
                timestamp, keyspace, nowInSeconds);
    }
}
