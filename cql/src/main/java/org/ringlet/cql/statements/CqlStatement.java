package org.ringlet.cql.statements;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Response;

/**
 * A prepared statement: immutable, thread-safe and executable any number of times with different options.
 */
public interface CqlStatement {

    /** The specs of the bind markers, in index order. */
    List<ColumnSpec> bindVariables();

    /**
     * For each partition key column, the index of the bind marker that gives its value, so drivers can route; empty
     * when some partition key column is not bound by a marker.
     */
    default List<Integer> partitionKeyBindIndexes() {
        return List.of();
    }

    /** The columns of the result rows; empty for statements that return none. */
    default List<ColumnSpec> resultColumns() {
        return List.of();
    }

    /** The keyspace the statement reads or writes, or null (USE, some DDL). */
    default String keyspace() {
        return null;
    }

    /** The table the statement reads or writes, or null. */
    default String table() {
        return null;
    }

    /**
     * Executes the statement.
     *
     * @return a stage completing with the response, or failing with a {@link org.ringlet.api.error.RingletException}
     */
    CompletionStage<Response> execute(QueryContext context, ClientState client, QueryOptions options);
}
