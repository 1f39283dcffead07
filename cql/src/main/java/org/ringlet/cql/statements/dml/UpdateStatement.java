package org.ringlet.cql.statements.dml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ringlet.api.data.Clustering;
import org.ringlet.api.data.DecoratedKey;
import org.ringlet.api.data.Mutation;
import org.ringlet.api.data.Partition;
import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.error.SyntaxException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.QueryOptions;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.SetType;
import org.ringlet.api.types.UserType;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.ast.RawTerm;
import org.ringlet.cql.data.CellWriter;
import org.ringlet.cql.parser.ParsedStatement;
import org.ringlet.cql.restrictions.RestrictionsPreparer;
import org.ringlet.cql.restrictions.StatementRestrictions;
import org.ringlet.cql.statements.QueryContext;
import org.ringlet.cql.statements.Tables;
import org.ringlet.cql.terms.BindSpecs;
import org.ringlet.cql.terms.Term;
import org.ringlet.cql.terms.TermPreparer;

/**
 * {@code UPDATE t [USING ...] SET ... WHERE <primary key>}: sets columns, changes collections and increments
 * counters of the rows named (without a row marker: a row made only by UPDATE disappears when its columns do).
 */
public final class UpdateStatement extends KeyedModification {
    private final boolean staticOnly;

    private UpdateStatement(TableMetadata table, StatementRestrictions where, List<Operation> operations,
                            Attributes attributes, List<ColumnSpec> binds, List<Integer> pkIndexes,
                            boolean staticOnly) {
        super(table, where, operations, attributes, binds, pkIndexes);
        this.staticOnly = staticOnly;
    }

    /**
     * Prepares an UPDATE.
     *
     * @throws InvalidRequestException with Cassandra's messages
     */
    public static UpdateStatement prepare(ParsedStatement parsed, RawStatement.Update raw, QueryContext context,
                                          String keyspace) {
        return prepare(new BindSpecs(parsed.markers()), true, raw, context, keyspace);
    }

    /**
     * Prepares the statement with bind specs shared with the other statements of a batch.
     *
     * @param standalone whether the statement is prepared alone (its bind variables are then every marker)
     */
    static UpdateStatement prepare(BindSpecs binds, boolean standalone, RawStatement.Update raw, QueryContext context,
                                   String keyspace) {
        TableMetadata table = Tables.table(context.schema(), raw.table(), keyspace);
        Modifications.checkModifiable(table);
        if (!raw.conditions().isEmpty()) {
            throw new InvalidRequestException("Conditional updates are not supported yet");
        }
        TermPreparer terms = new TermPreparer(binds, context.functions(), table, context.clock());
        Attributes attributes = Attributes.prepare(raw.attributes(), table, terms);
        if (table.isCounter()) {
            if (attributes.timestamp() != null) {
                throw new InvalidRequestException("Cannot provide custom timestamp for counter updates");
            }
            if (attributes.ttl() != null) {
                throw new InvalidRequestException("Cannot provide custom TTL for counter updates");
            }
        }
        List<Operation> operations = new ArrayList<>();
        for (RawStatement.Assignment a : raw.assignments()) {
            operations.add(operation(table, terms, a));
        }
        StatementRestrictions where = new RestrictionsPreparer(table, terms, context.topology().partitioner())
                .prepareForModification(raw.where(), "UPDATE");
        boolean staticOnly = operations.stream().allMatch(o -> o.column().isStatic());
        if (staticOnly && where.hasClusteringRestrictions()) {
            throw new InvalidRequestException("Invalid restrictions on clustering columns since the UPDATE statement "
                    + "modifies only static columns");
        }
        if (!staticOnly && !where.restrictsWholeRows()) {
            throw new InvalidRequestException("Some clustering keys are missing: "
                    + String.join(", ", where.unrestrictedClusteringColumns()));
        }
        return new UpdateStatement(table, where, operations, attributes, 
                Modifications.bindVariables(binds, standalone, table), binds.partitionKeyIndexes(table), staticOnly);
    }

    private static ColumnSpec receiver(TableMetadata table, ColumnMetadata c, String name, CqlType type) {
        return new ColumnSpec(table.keyspace(), table.name(), name, type);
    }

    private static Operation operation(TableMetadata table, TermPreparer terms, RawStatement.Assignment a) {
        ColumnMetadata c = table.requireColumn(a.column());
        if (c.isPrimaryKeyColumn()) {
            throw new InvalidRequestException("PRIMARY KEY part " + c.name() + " found in SET part");
        }
        ColumnSpec spec = receiver(table, c, c.name(), c.type());
        if (a instanceof RawStatement.SetValue s) {
            Term value = terms.prepare(s.value(), spec);
            if (c.type().isCounter()) {
                throw new InvalidRequestException("Cannot set the value of counter column " + c.name()
                        + " (counters can only be incremented/decremented, not set)");
            }
            return new Operation.SetColumn(c, value);
        }
        if (a instanceof RawStatement.ColumnArithmetic ar) {
            if (!ar.other().equals(a.column())) {
                throw new SyntaxException("Only expressions of the form X = X " + ar.operator()
                        + "<value> are supported.");
            }
            return arithmetic(table, terms, c, ar.operator(), ar.value(),
                    c.name() + " = " + c.name() + " " + ar.operator() + " " + ar.value());
        }
        if (a instanceof RawStatement.CompoundAssignment ca) {
            return arithmetic(table, terms, c, ca.operator(), ca.value(),
                    c.name() + " = " + c.name() + " " + ca.operator() + " " + ca.value());
        }
        if (a instanceof RawStatement.Prepend p) {
            if (!p.other().equals(a.column())) {
                throw new SyntaxException("Only expressions of the form X = <value> + X are supported.");
            }
            if (!(c.type() instanceof ListType)) {
                throw new InvalidRequestException("Invalid operation (" + c.name() + " = " + p.value() + " - "
                        + c.name() + ") for non list column " + c.name());
            }
            if (!c.type().isMultiCell()) {
                throw new InvalidRequestException("Invalid operation (" + c.name() + " = " + p.value() + " - "
                        + c.name() + ") for frozen list column " + c.name());
            }
            return new Operation.PrependToList(c, terms.prepare(p.value(), spec));
        }
        if (a instanceof RawStatement.SetElement e) {
            String text = c.name() + "[" + e.key() + "] = " + e.value();
            if (!c.type().isCollection()) {
                throw new InvalidRequestException("Invalid operation (" + text + ") for non collection column "
                        + c.name());
            }
            if (!c.type().isMultiCell()) {
                throw new InvalidRequestException("Invalid operation (" + text + ") for frozen collection column "
                        + c.name());
            }
            if (c.type() instanceof SetType) {
                throw new InvalidRequestException("Invalid operation (" + text + ") for set column " + c.name());
            }
            if (c.type() instanceof MapType m && m.isMultiCell()) {
                return new Operation.SetMapEntry(c, terms.prepare(e.key(), receiver(table, c, "key(" + c.name()
                        + ")", m.keyType())), terms.prepare(e.value(), receiver(table, c, "value(" + c.name() + ")",
                        m.valueType())));
            }
            if (c.type() instanceof ListType l && l.isMultiCell()) {
                return new ListOperations.SetListElement(c, terms.prepare(e.key(), receiver(table, c, "idx("
                        + c.name() + ")", NativeType.INT)), terms.prepare(e.value(), receiver(table, c, "value("
                        + c.name() + ")", l.elementType())));
            }
            throw new InvalidRequestException("Invalid operation (" + c.name() + "[" + e.key() + "] = " + e.value()
                    + ") for non collection column " + c.name());
        }
        RawStatement.SetField f = (RawStatement.SetField) a;
        if (!(c.type() instanceof UserType u) || !u.isMultiCell()) {
            throw new InvalidRequestException("Invalid operation (" + c.name() + "." + f.field() + " = " + f.value()
                    + ") for " + (c.type() instanceof UserType ? "frozen UDT" : "non-UDT") + " column " + c.name());
        }
        int index = u.fieldIndex(f.field());
        if (index < 0) {
            throw new InvalidRequestException("UDT column " + c.name() + " does not have a field named "
                    + f.field());
        }
        return new Operation.SetField(c, index, terms.prepare(f.value(), receiver(table, c, c.name() + "."
                + f.field(), u.fieldTypes().get(index))));
    }

    private static Operation arithmetic(TableMetadata table, TermPreparer terms, ColumnMetadata c, char op,
                                        RawTerm value, String text) {
        CqlType type = c.type();
        ColumnSpec spec = receiver(table, c, c.name(), type);
        if (type.isCounter()) {
            return new Operation.CounterAdd(c, terms.prepare(value, spec), op == '-');
        }
        if (!type.isCollection()) {
            throw new InvalidRequestException("Invalid operation (" + text + ") for non counter column " + c.name());
        }
        if (!type.isMultiCell()) {
            throw new InvalidRequestException("Invalid operation (" + text + ") for frozen collection column "
                    + c.name());
        }
        if (op == '+' && type instanceof MapType) {
            return new Operation.AddToCollection(c, prepareOr(terms, value, spec,
                    "Value for a map addition has to be a map, but was: '" + value + "'"));
        }
        if (op == '+') {
            return new Operation.AddToCollection(c, terms.prepare(value, spec));
        }
        if (type instanceof SetType) {
            return new Operation.RemoveFromCollection(c, terms.prepare(value, spec));
        }
        if (type instanceof MapType m) {
            return new Operation.RemoveFromCollection(c, prepareOr(terms, value, receiver(table, c, c.name(),
                    SetType.frozen(m.keyType())), "Value for a map substraction has to be a set, but was: '" + value
                    + "'"));
        }
        return new ListOperations.DiscardFromList(c, terms.prepare(value, spec));
    }

    /** The term prepared for the receiver, or Cassandra's message for what the operation needs. */
    private static Term prepareOr(TermPreparer terms, RawTerm value, ColumnSpec receiver, String message) {
        try {
            return terms.prepare(value, receiver);
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(message);
        }
    }

    @Override
    protected List<Mutation> build(QueryContext context, QueryOptions options, List<DecoratedKey> keys,
                                   Map<DecoratedKey, Partition> current) {
        BoundValues values = options.values();
        CellWriter cells = cells(context, options, !isCounter());
        Operation.ListPaths paths = listPaths(context);
        List<Clustering> clusterings = staticOnly ? List.of() : clusterings(values);
        List<Mutation> out = new ArrayList<>(keys.size());
        for (DecoratedKey key : keys) {
            Partition.Builder partition = Partition.builder(table, key);
            Partition stored = requiresRead() ? current.get(key) : null;
            if (staticOnly) {
                applyOperations(partition, null, cells, values, paths, stored);
            } else {
                for (Clustering c : clusterings) {
                    applyOperations(partition, c, cells, values, paths, stored);
                }
            }
            out.add(mutation(partition));
        }
        return out;
    }
}
