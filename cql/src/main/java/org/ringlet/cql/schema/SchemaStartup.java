package org.ringlet.cql.schema;

import java.util.HashSet;
import java.util.Set;

import org.ringlet.api.ring.Partitioner;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.schema.TableId;
import org.ringlet.api.storage.StorageEngine;

import static java.util.Objects.requireNonNull;

/**
 * How a node brings up its schema on the storage engine (ADR 0041), for the node's assembly and the tests:
 * <ol>
 *   <li>{@link #initialSchema()}: the {@code SchemaService} with the system keyspaces, before the engine exists;</li>
 *   <li>the storage engine is created with it and {@linkplain StorageEngine#start() started};</li>
 *   <li>{@link #load}: the commit log of the system tables is replayed, the stored schema is loaded and published
 *       (the engine opens the stored tables as it hears of them), then the commit log of every other table is
 *       replayed.</li>
 * </ol>
 */
public final class SchemaStartup {
    private SchemaStartup() {
    }

    /** The schema a node starts with: the local and virtual system keyspaces. */
    public static LocalSchema initialSchema() {
        return new LocalSchema(SystemKeyspaces.load());
    }

    /**
     * Replays the system tables, loads the stored schema and replays the other tables.
     *
     * @param schema  the schema the (started) storage engine follows
     * @param storage the started storage engine
     * @return the store that keeps the schema in {@code system_schema} from now on
     */
    public static SchemaStore load(LocalSchema schema, StorageEngine storage, Partitioner partitioner, Clock clock) {
        requireNonNull(schema, "schema is null");
        requireNonNull(storage, "storage is null");
        Set<TableId> systemTables = new HashSet<>();
        schema.current().keyspaces().values().forEach(k -> k.tables().values().forEach(t -> systemTables.add(t.id())));
        storage.replayCommitLog(systemTables::contains);
        SchemaStore store = new SchemaStore(schema, storage, partitioner, clock);
        store.load();
        storage.replayCommitLog(t -> true);
        return store;
    }
}
