package org.ringlet.cql.statements.dml;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.ringlet.api.data.Mutation;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.cql.statements.CqlStatement;
import org.ringlet.cql.statements.QueryContext;

/** A statement that writes: INSERT, UPDATE or DELETE, alone or in a batch. */
public interface Modification extends CqlStatement {

    /** The table written. */
    TableMetadata tableMetadata();

    /** Whether it writes a counter table (what Cassandra's batch rules look at). */
    boolean isCounter();

    /**
     * Whether its mutations hold counter deltas and must go through the coordinator's counter path (deletions of
     * counters are plain writes).
     */
    default boolean isCounterUpdate() {
        return isCounter();
    }

    /** Whether it sets its own write timestamp ({@code USING TIMESTAMP}). */
    boolean hasTimestamp();

    /**
     * The mutations it makes with these options, one per partition key; statements whose operations need the stored
     * rows (list operations by index or value) read them first.
     *
     * @return a stage failing with an {@link org.ringlet.api.error.InvalidRequestException} when a bound value is
     *         invalid
     */
    CompletionStage<List<Mutation>> mutations(QueryContext context, QueryOptions options);
}
