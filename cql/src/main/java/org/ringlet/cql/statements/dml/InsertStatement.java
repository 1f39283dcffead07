package org.ringlet.cql.statements.dml;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import org.ringlet.api.cluster.WriteType;
import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.Row;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.query.ClientState;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.query.Response;
import org.ringlet.api.query.Result;
import org.ringlet.api.schema.ColumnKind;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.data.CellWriter;
import org.ringlet.cql.parser.ParsedStatement;
import org.ringlet.cql.statements.QueryContext;
import org.ringlet.cql.statements.Tables;
import org.ringlet.cql.terms.BindSpecs;
import org.ringlet.cql.terms.Term;
import org.ringlet.cql.terms.TermPreparer;

import static java.util.Objects.requireNonNull;

/**
 * A prepared {@code INSERT INTO t (columns) VALUES (values)}: writes the row marker and every given column (a null
 * deletes the column, an unset value leaves it alone) to one partition. Immutable and thread-safe.
 */
public final class InsertStatement implements Modification {
    private final TableMetadata table;
    private final List<ColumnMetadata> columns;
    private final List<Term> values;
    private final Attributes attributes;
    private final JsonInsert json;
    private final List<ColumnSpec> bindVariables;
    private final List<Integer> partitionKeyBindIndexes;

    private InsertStatement(TableMetadata table, List<ColumnMetadata> columns, List<Term> values,
                            Attributes attributes, JsonInsert json, List<ColumnSpec> bindVariables,
                            List<Integer> partitionKeyBindIndexes) {
        this.table = requireNonNull(table, "table is null");
        this.columns = List.copyOf(columns);
        this.values = List.copyOf(values);
        this.attributes = requireNonNull(attributes, "attributes is null");
        this.json = json;
        this.bindVariables = List.copyOf(bindVariables);
        this.partitionKeyBindIndexes = List.copyOf(partitionKeyBindIndexes);
    }

    /**
     * Prepares an INSERT.
     *
     * @throws InvalidRequestException with Cassandra's messages
     */
    public static InsertStatement prepare(ParsedStatement parsed, RawStatement.Insert raw, QueryContext context,
                                          String keyspace) {
        return prepare(new BindSpecs(parsed.markers()), true, raw, context, keyspace);
    }

    /**
     * Prepares the statement with bind specs shared with the other statements of a batch.
     *
     * @param standalone whether the statement is prepared alone (its bind variables are then every marker)
     */
    static InsertStatement prepare(BindSpecs binds, boolean standalone, RawStatement.Insert raw, QueryContext context,
                                   String keyspace) {
        TableMetadata table = Tables.table(context.schema(), raw.table(), keyspace);
        if (table.isVirtual()) {
            throw new InvalidRequestException("Modification is not supported by table " + table.keyspace() + "."
                    + table.name());
        }
        if (raw.ifNotExists()) {
            throw new InvalidRequestException("Conditional updates are not supported yet");
        }
        if (table.isCounter()) {
            throw new InvalidRequestException("INSERT statements are not allowed on counter tables, use UPDATE "
                    + "instead");
        }
        if (raw.columns().size() != raw.values().size()) {
            throw new InvalidRequestException("Unmatched column names/values");
        }
        if (new HashSet<>(raw.columns()).size() != raw.columns().size()) {
            throw new InvalidRequestException("The column names contains duplicates");
        }
        TermPreparer terms = new TermPreparer(binds, context.functions(), table, context.clock());
        if (raw.json() != null) {
            Term text = terms.prepare(raw.json(), new ColumnSpec(table.keyspace(), table.name(), "[json]",
                    NativeType.TEXT));
            JsonInsert json = new JsonInsert(table, text, raw.defaultUnset(), context.clock()::currentTimeMillis);
            Attributes attributes = Attributes.prepare(raw.attributes(), table, terms);
            return new InsertStatement(table, json.columns(), List.of(), attributes, json,
                    Modifications.bindVariables(binds, standalone, table), binds.partitionKeyIndexes(table));
        }
        List<ColumnMetadata> columns = new ArrayList<>();
        List<Term> values = new ArrayList<>();
        for (int i = 0; i < raw.columns().size(); i++) {
            ColumnMetadata c = table.requireColumn(raw.columns().get(i));
            Term t = terms.prepare(raw.values().get(i), new ColumnSpec(table.keyspace(), table.name(), c.name(),
                    c.type()));
            columns.add(c);
            values.add(t);
        }
        checkPrimaryKey(table, columns);
        Attributes attributes = Attributes.prepare(raw.attributes(), table, terms);
        return new InsertStatement(table, columns, values, attributes, null,
                Modifications.bindVariables(binds, standalone, table), binds.partitionKeyIndexes(table));
    }

    private static void checkPrimaryKey(TableMetadata table, List<ColumnMetadata> columns) {
        Set<ColumnMetadata> given = new HashSet<>(columns);
        List<String> missingPk = table.partitionKeyColumns().stream().filter(c -> !given.contains(c))
                .map(ColumnMetadata::name).toList();
        if (!missingPk.isEmpty()) {
            throw new InvalidRequestException("Some partition key parts are missing: " + String.join(", ",
                    missingPk));
        }
        List<String> missingCk = table.clusteringColumns().stream().filter(c -> !given.contains(c))
                .map(ColumnMetadata::name).toList();
        boolean onlyStatic = columns.stream().allMatch(c -> c.isStatic() || c.kind() == ColumnKind.PARTITION_KEY);
        if (!missingCk.isEmpty() && !(onlyStatic && missingCk.size() == table.clusteringColumns().size())) {
            throw new InvalidRequestException("Some clustering keys are missing: " + missingCk.stream()
                    .collect(Collectors.joining(", ")));
        }
    }

    @Override
    public List<ColumnSpec> bindVariables() {
        return bindVariables;
    }

    @Override
    public List<Integer> partitionKeyBindIndexes() {
        return partitionKeyBindIndexes;
    }

    @Override
    public String keyspace() {
        return table.keyspace();
    }

    @Override
    public String table() {
        return table.name();
    }

    @Override
    public TableMetadata tableMetadata() {
        return table;
    }

    @Override
    public boolean isCounter() {
        return false;
    }

    @Override
    public boolean hasTimestamp() {
        return attributes.timestamp() != null;
    }

    @Override
    public CompletionStage<List<Mutation>> mutations(QueryContext context, QueryOptions options) {
        try {
            return CompletableFuture.completedFuture(List.of(mutation(context, options)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The mutation this statement makes with these options. */
    public Mutation mutation(QueryContext context, QueryOptions options) {
        BoundValues bound = options.values();
        List<Term> values = json == null ? this.values : json.values(bound);
        long defaultTs = options.timestamp() != QueryOptions.NO_TIMESTAMP ? options.timestamp()
                : context.nextTimestamp();
        long timestamp = attributes.timestamp(bound, defaultTs);
        long now = options.nowInSeconds() != QueryOptions.NO_NOW ? options.nowInSeconds()
                : context.clock().currentTimeSeconds();
        int ttl = attributes.ttl(bound, table, now);
        ByteBuffer[] pk = new ByteBuffer[table.partitionKeyColumns().size()];
        ByteBuffer[] ck = new ByteBuffer[table.clusteringColumns().size()];
        List<ByteBuffer> valuesOf = new ArrayList<>(values.size());
        boolean[] unset = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            ColumnMetadata c = columns.get(i);
            unset[i] = values.get(i).isUnset(bound);
            ByteBuffer v = values.get(i).bind(bound);
            if (c.isPrimaryKeyColumn()) {
                if (unset[i]) {
                    throw new InvalidRequestException("Invalid unset value for column " + c.name());
                }
                if (v == null) {
                    throw new InvalidRequestException("Invalid null value in condition for column " + c.name());
                }
                if (c.kind() == ColumnKind.PARTITION_KEY) {
                    pk[c.position()] = v;
                } else {
                    ck[c.position()] = v;
                }
            }
            valuesOf.add(v);
        }
        ByteBuffer key = table.serializePartitionKey(List.of(pk));
        if (key.remaining() > 0xFFFF) {
            throw new InvalidRequestException("Key length of " + key.remaining() + " is longer than maximum of 65535");
        }
        DecoratedKey decorated = new DecoratedKey(context.topology().partitioner().token(key), key);
        Partition.Builder partition = Partition.builder(table, decorated);
        CellWriter cells = new CellWriter(timestamp, ttl, now, context::nextTimeUuid);
        boolean hasRow = ck.length == 0 || ck[0] != null;
        Row.Builder row = hasRow ? partition.row(Clustering.of(ck)) : null;
        if (row != null) {
            row.liveness(cells.rowMarker());
        }
        for (int i = 0; i < columns.size(); i++) {
            ColumnMetadata c = columns.get(i);
            ByteBuffer v = valuesOf.get(i);
            if (c.isPrimaryKeyColumn() || unset[i]) {
                continue;
            }
            cells.set(c.isStatic() ? partition.staticRow() : row, c, v);
        }
        return Mutation.of(table.keyspace(), partition.build());
    }

    @Override
    public CompletionStage<Response> execute(QueryContext context, ClientState client, QueryOptions options) {
        try {
            Mutation m = mutation(context, options);
            return context.coordinator().write(List.of(m), options.consistency(), WriteType.SIMPLE)
                    .thenApply(v -> Response.of(new Result.Void()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
