package org.ringlet.api.query;

import java.nio.ByteBuffer;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** The result of a request: one of the protocol's five RESULT kinds. */
public sealed interface Result permits Result.Void, Result.Rows, Result.SetKeyspace, Result.Prepared,
        Result.SchemaChangeResult {

    /** A result with nothing to say (writes). */
    record Void() implements Result {
    }

    /**
     * Rows.
     *
     * @param columns     the result columns
     * @param rows        the rows, each a list of serialized values (null for a null value)
     * @param pagingState the state to fetch the next page, or null when this is the last page
     * @param metadataId  the result-metadata id (protocol v5) when it changed since PREPARE, or null
     */
    record Rows(List<ColumnSpec> columns, List<List<ByteBuffer>> rows, ByteBuffer pagingState, byte[] metadataId)
            implements Result {
        public Rows {
            columns = List.copyOf(columns);
            requireNonNull(rows, "rows is null");
        }
    }

    /** The result of USE. */
    record SetKeyspace(String keyspace) implements Result {
        public SetKeyspace {
            requireNonNull(keyspace, "keyspace is null");
        }
    }

    /**
     * The result of PREPARE.
     *
     * @param id                the statement id (deterministic for keyspace and query text)
     * @param resultMetadataId  a hash of the result columns (protocol v5)
     * @param bindVariables     the bind markers
     * @param partitionKeyIndexes for each partition key column, the index of the marker that binds it (for
     *                          token-aware routing); empty when not all are bound
     * @param resultColumns     the result columns (empty for non-SELECT statements)
     */
    record Prepared(byte[] id, byte[] resultMetadataId, List<ColumnSpec> bindVariables,
                    List<Integer> partitionKeyIndexes, List<ColumnSpec> resultColumns) implements Result {
        public Prepared {
            requireNonNull(id, "id is null");
            requireNonNull(resultMetadataId, "resultMetadataId is null");
            bindVariables = List.copyOf(bindVariables);
            partitionKeyIndexes = List.copyOf(partitionKeyIndexes);
            resultColumns = List.copyOf(resultColumns);
        }
    }

    /** The result of a DDL statement. */
    record SchemaChangeResult(SchemaChange change) implements Result {
        public SchemaChangeResult {
            requireNonNull(change, "change is null");
        }
    }
}
