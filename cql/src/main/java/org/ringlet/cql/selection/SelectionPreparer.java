package org.ringlet.cql.selection;

import java.util.ArrayList;
import java.util.List;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.cql.ast.RawSelectable;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.ast.RawTerm;
import org.ringlet.cql.functions.AggregateFunction;
import org.ringlet.cql.functions.Assignable;
import org.ringlet.cql.functions.CountFunction;
import org.ringlet.cql.functions.CqlFunction;
import org.ringlet.cql.functions.ScalarFunction;
import org.ringlet.cql.terms.Term;
import org.ringlet.cql.terms.TermPreparer;

import static java.util.Objects.requireNonNull;

/** Prepares a SELECT clause against its table, with Cassandra's rules and messages. */
public final class SelectionPreparer {
    private final TableMetadata table;
    private final TermPreparer terms;

    public SelectionPreparer(TableMetadata table, TermPreparer terms) {
        this.table = requireNonNull(table, "table is null");
        this.terms = requireNonNull(terms, "terms is null");
    }

    /**
     * The selection of a SELECT clause ({@code *} when {@code selectors} is empty).
     *
     * @param json whether the statement is a SELECT JSON
     */
    public Selection prepare(List<RawStatement.Selector> selectors, boolean json) {
        if (json) {
            throw new InvalidRequestException("SELECT JSON is not supported yet");
        }
        if (selectors.isEmpty()) {
            return Selection.wildcard(table);
        }
        List<SelectorFactory> factories = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (RawStatement.Selector s : selectors) {
            factories.add(prepare(s.selectable()));
            aliases.add(s.alias());
        }
        return Selection.of(table, factories, aliases);
    }

    private SelectorFactory prepare(RawSelectable raw) {
        if (raw instanceof RawSelectable.Column c) {
            return new ColumnSelector(table.requireColumn(c.name()));
        }
        if (raw instanceof RawSelectable.CountStar) {
            return new AggregateSelector(CountFunction.rows(), List.of());
        }
        if (raw instanceof RawSelectable.FunctionCall f) {
            return function(f);
        }
        if (raw instanceof RawSelectable.WritetimeOrTtl w) {
            ColumnMetadata c = table.requireColumn(w.column());
            String fn = w.kind().name().toLowerCase(java.util.Locale.ROOT);
            if (c.isPrimaryKeyColumn()) {
                throw new InvalidRequestException("Cannot use selection function " + fn + " on PRIMARY KEY part "
                        + c.name());
            }
            if (c.isComplex()) {
                throw new InvalidRequestException("Cannot use selection function " + fn
                        + " on non-frozen collection " + c.name() + " yet");
            }
            return new WritetimeSelector(c, w.kind());
        }
        if (raw instanceof RawSelectable.Value v) {
            throw new InvalidRequestException("Cannot infer type for term " + v.term()
                    + " in selection clause (try using a cast to force a type)");
        }
        throw new InvalidRequestException("Selectors like " + describe(raw) + " are not supported yet");
    }

    private static String describe(RawSelectable raw) {
        return raw.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    private SelectorFactory function(RawSelectable.FunctionCall f) {
        boolean count = f.function().name().equals("count")
                && (f.function().keyspace() == null || f.function().keyspace().equals("system"));
        if (count && f.arguments().size() == 1 && f.arguments().get(0) instanceof RawSelectable.Value v
                && v.term() instanceof RawTerm.Literal l && l.kind() == RawTerm.LiteralKind.INTEGER
                && l.text().equals("1")) {
            return new AggregateSelector(CountFunction.rows(), List.of());
        }
        List<Assignable> args = new ArrayList<>();
        for (RawSelectable a : f.arguments()) {
            if (a instanceof RawSelectable.Value v) {
                args.add(terms.assignable(v.term()));
            } else {
                args.add(prepare(a));
            }
        }
        CqlFunction fn = terms.functions().resolve(f.function(), args, table);
        List<SelectorFactory> prepared = new ArrayList<>();
        for (int i = 0; i < f.arguments().size(); i++) {
            RawSelectable a = f.arguments().get(i);
            if (a instanceof RawSelectable.Value v) {
                CqlType type = fn.argumentTypes().get(i);
                Term t = terms.prepare(v.term(), new ColumnSpec(table.keyspace(), table.name(),
                        "arg" + i + "(" + fn.name() + ")", type));
                if (!t.isConstant()) {
                    throw new InvalidRequestException("Bind variables are not supported as function arguments "
                            + "in the selection clause yet");
                }
                prepared.add(new TermSelector(v.term().toString(), t.bind(BoundValues.none()), type));
            } else {
                prepared.add((SelectorFactory) args.get(i));
            }
        }
        if (fn instanceof AggregateFunction agg) {
            if (prepared.stream().anyMatch(SelectorFactory::isAggregate)) {
                throw new InvalidRequestException("aggregate functions cannot be used as arguments of aggregate "
                        + "functions");
            }
            return new AggregateSelector(agg, prepared);
        }
        return new FunctionSelector((ScalarFunction) fn, prepared);
    }
}
