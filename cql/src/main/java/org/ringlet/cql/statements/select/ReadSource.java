package org.ringlet.cql.statements.select;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.ringlet.api.cluster.ConsistencyLevel;
import org.ringlet.api.cluster.Coordinator;
import org.ringlet.api.data.Partition;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.storage.PartitionRangeReadCommand;
import org.ringlet.api.storage.SinglePartitionReadCommand;
import org.ringlet.cql.virtual.VirtualTables;

/** Where a SELECT's reads go: the coordinator at the request's consistency level, or the virtual tables. */
interface ReadSource {

    CompletionStage<Partition> read(SinglePartitionReadCommand command);

    CompletionStage<List<Partition>> scan(PartitionRangeReadCommand command);

    static ReadSource coordinator(Coordinator coordinator, ConsistencyLevel consistency) {
        return new ReadSource() {
            @Override
            public CompletionStage<Partition> read(SinglePartitionReadCommand command) {
                return coordinator.read(command, consistency);
            }

            @Override
            public CompletionStage<List<Partition>> scan(PartitionRangeReadCommand command) {
                return coordinator.rangeRead(command, consistency);
            }
        };
    }

    static ReadSource virtual(VirtualTables tables, TableMetadata table) {
        return new ReadSource() {
            @Override
            public CompletionStage<Partition> read(SinglePartitionReadCommand command) {
                return CompletableFuture.completedFuture(tables.read(table, command));
            }

            @Override
            public CompletionStage<List<Partition>> scan(PartitionRangeReadCommand command) {
                return CompletableFuture.completedFuture(tables.scan(table, command));
            }
        };
    }
}
