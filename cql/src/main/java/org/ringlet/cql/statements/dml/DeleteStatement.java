package org.ringlet.cql.statements.dml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.DeletionTime;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.data.RangeTombstone;
import org.ringlet.api.data.Slice;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.SetType;
import org.ringlet.api.types.UserType;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.data.CellWriter;
import org.ringlet.cql.parser.ParsedStatement;
import org.ringlet.cql.restrictions.RestrictionsPreparer;
import org.ringlet.cql.restrictions.StatementRestrictions;
import org.ringlet.cql.statements.QueryContext;
import org.ringlet.cql.statements.Tables;
import org.ringlet.cql.terms.BindSpecs;
import org.ringlet.cql.terms.TermPreparer;

/**
 * {@code DELETE [columns] FROM t [USING TIMESTAMP t] WHERE ...}: deletes columns, map entries or fields of whole
 * rows; or, without columns, whole rows, a range of rows (a clustering prefix or slice) or the whole partition.
 */
public final class DeleteStatement extends KeyedModification {

    private DeleteStatement(TableMetadata table, StatementRestrictions where, List<Operation> operations,
                            Attributes attributes, List<ColumnSpec> binds, List<Integer> pkIndexes) {
        super(table, where, operations, attributes, binds, pkIndexes);
    }

    /**
     * Prepares a DELETE.
     *
     * @throws InvalidRequestException with Cassandra's messages
     */
    public static DeleteStatement prepare(ParsedStatement parsed, RawStatement.Delete raw, QueryContext context,
                                          String keyspace) {
        return prepare(new BindSpecs(parsed.markers()), true, raw, context, keyspace);
    }

    /**
     * Prepares the statement with bind specs shared with the other statements of a batch.
     *
     * @param standalone whether the statement is prepared alone (its bind variables are then every marker)
     */
    static DeleteStatement prepare(BindSpecs binds, boolean standalone, RawStatement.Delete raw, QueryContext context,
                                   String keyspace) {
        TableMetadata table = Tables.table(context.schema(), raw.table(), keyspace);
        Modifications.checkModifiable(table);
        if (!raw.conditions().isEmpty()) {
            throw new InvalidRequestException("Conditional updates are not supported yet");
        }
        TermPreparer terms = new TermPreparer(binds, context.functions(), table, context.clock());
        Attributes attributes = Attributes.prepare(new RawStatement.Attributes(raw.timestamp(), null), table, terms);
        if (table.isCounter() && attributes.timestamp() != null) {
            throw new InvalidRequestException("Cannot provide custom timestamp for counter updates");
        }
        List<Operation> operations = new ArrayList<>();
        for (RawStatement.Deletion d : raw.deletions()) {
            operations.add(operation(table, terms, d));
        }
        StatementRestrictions where = new RestrictionsPreparer(table, terms, context.topology().partitioner())
                .prepareForModification(raw.where(), "DELETE");
        boolean regular = operations.stream().anyMatch(o -> !o.column().isStatic());
        if (!operations.isEmpty() && !regular && where.hasClusteringRestrictions()) {
            throw new InvalidRequestException("Invalid restrictions on clustering columns since the DELETE statement "
                    + "modifies only static columns");
        }
        if (regular && !where.restrictsWholeRows()) {
            throw new InvalidRequestException("Range deletions are not supported for specific columns");
        }
        return new DeleteStatement(table, where, operations, attributes, 
                Modifications.bindVariables(binds, standalone, table), binds.partitionKeyIndexes(table));
    }

    private static Operation operation(TableMetadata table, TermPreparer terms, RawStatement.Deletion d) {
        ColumnMetadata c = table.requireColumn(d.column());
        if (c.isPrimaryKeyColumn()) {
            throw new InvalidRequestException("Invalid identifier " + c.name()
                    + " for deletion (should not be a PRIMARY KEY part)");
        }
        if (d.element() != null) {
            if (!c.type().isCollection()) {
                throw new InvalidRequestException("Invalid deletion operation for non collection column " + c.name());
            }
            if (!c.type().isMultiCell()) {
                throw new InvalidRequestException("Invalid deletion operation for frozen collection column "
                        + c.name());
            }
            if (c.type() instanceof SetType st) {
                return new Operation.DeleteSetElement(c, terms.prepare(d.element(), new ColumnSpec(table.keyspace(),
                        table.name(), "value(" + c.name() + ")", st.elementType())));
            }
            if (c.type() instanceof MapType m) {
                return new Operation.DeleteMapEntry(c, terms.prepare(d.element(), new ColumnSpec(table.keyspace(),
                        table.name(), "key(" + c.name() + ")", m.keyType())));
            }
            if (c.type() instanceof ListType) {
                return new ListOperations.DeleteListElement(c, terms.prepare(d.element(), new ColumnSpec(
                        table.keyspace(), table.name(), "idx(" + c.name() + ")", NativeType.INT)));
            }
            throw new InvalidRequestException("Invalid deletion operation for non collection column " + c.name());
        }
        if (d.field() != null) {
            if (!(c.type() instanceof UserType u)) {
                throw new InvalidRequestException("Invalid field deletion operation for non-UDT column "
                        + c.name());
            }
            if (!u.isMultiCell()) {
                throw new InvalidRequestException("Frozen UDT column " + c.name() + " does not support field "
                        + "deletions");
            }
            int index = u.fieldIndex(d.field());
            if (index < 0) {
                throw new InvalidRequestException("UDT column " + c.name() + " does not have a field named "
                        + d.field());
            }
            return new Operation.DeleteField(c, index);
        }
        return new Operation.DeleteColumn(c);
    }

    /** Deletions of counters are plain writes, not counter updates. */
    @Override
    public boolean isCounterUpdate() {
        return false;
    }

    @Override
    protected List<Mutation> build(QueryContext context, QueryOptions options, List<DecoratedKey> keys,
                                   Map<DecoratedKey, Partition> current) {
        BoundValues values = options.values();
        CellWriter cells = cells(context, options, false);
        DeletionTime deletion = new DeletionTime(cells.timestamp(), cells.nowInSeconds());
        Operation.ListPaths paths = listPaths(context);
        List<Mutation> out = new ArrayList<>();
        for (DecoratedKey key : keys) {
            Partition.Builder partition = Partition.builder(table, key);
            Partition stored = requiresRead() ? current.get(key) : null;
            if (!operations.isEmpty()) {
                if (where.restrictsWholeRows() && !table.clusteringColumns().isEmpty()
                        || table.clusteringColumns().isEmpty()) {
                    for (Clustering c : clusterings(values)) {
                        applyOperations(partition, c, cells, values, paths, stored);
                    }
                } else {
                    applyOperations(partition, null, cells, values, paths, stored);
                }
            } else if (!where.hasClusteringRestrictions()) {
                partition.deletePartition(deletion);
            } else if (where.restrictsWholeRows()) {
                for (Clustering c : clusterings(values)) {
                    partition.row(c).delete(deletion);
                }
            } else {
                for (Slice s : where.slices(values)) {
                    partition.addRangeTombstone(new RangeTombstone(s, deletion));
                }
            }
            out.add(mutation(partition));
        }
        return out;
    }
}
