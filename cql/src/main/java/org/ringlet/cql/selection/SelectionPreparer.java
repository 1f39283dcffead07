package org.ringlet.cql.selection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.schema.ColumnMetadata;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.ast.QualifiedName;
import org.ringlet.cql.ast.RawSelectable;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.ast.RawTerm;
import org.ringlet.cql.functions.AggregateFunction;
import org.ringlet.cql.functions.Assignable;
import org.ringlet.cql.functions.AssignmentResult;
import org.ringlet.cql.functions.CountFunction;
import org.ringlet.cql.functions.CqlFunction;
import org.ringlet.cql.functions.FunctionName;
import org.ringlet.cql.functions.ScalarFunction;
import org.ringlet.cql.terms.Term;
import org.ringlet.cql.terms.TermPreparer;

import static java.util.Objects.requireNonNull;

/**
 * Prepares a SELECT clause against its table, with Cassandra's rules and messages: columns, function calls
 * (resolved by their arguments' types), aggregates, casts, arithmetic, type hints, terms whose type the context
 * decides, writetime and ttl. Not thread-safe: one per statement.
 */
public final class SelectionPreparer {
    /** The name Cassandra gives bind markers of a selection clause. */
    private static final String MARKER_NAME = "[selection]";

    private final TableMetadata table;
    private final TermPreparer terms;
    /** The columns the selection reads so far, in order (Cassandra names the first in some messages). */
    private final Set<ColumnMetadata> columns = new LinkedHashSet<>();

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
        if (selectors.isEmpty()) {
            return Selection.wildcard(table, json);
        }
        List<SelectorFactory> factories = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (RawStatement.Selector s : selectors) {
            SelectorFactory f = prepare(s.selectable(), null);
            f.collectColumns(columns);
            factories.add(f);
            aliases.add(s.alias());
        }
        return Selection.of(table, factories, aliases, json);
    }

    private SelectorFactory prepare(RawSelectable raw, CqlType expected) {
        if (raw instanceof RawSelectable.Column c) {
            return new ColumnSelector(table.requireColumn(c.name()));
        }
        if (raw instanceof RawSelectable.CountStar) {
            return new AggregateSelector(CountFunction.rows(), List.of());
        }
        if (raw instanceof RawSelectable.FunctionCall f) {
            return function(f.function(), f.arguments(), null);
        }
        if (raw instanceof RawSelectable.WritetimeOrTtl w) {
            ColumnMetadata c = table.requireColumn(w.column());
            String fn = w.kind().name().toLowerCase(Locale.ROOT);
            if (c.isPrimaryKeyColumn()) {
                throw new InvalidRequestException("Cannot use selection function " + fn + " on PRIMARY KEY part "
                        + c.name());
            }
            return new WritetimeSelector(c, w.kind());
        }
        if (raw instanceof RawSelectable.FieldSelection f) {
            return FieldSelector.of(prepare(f.selectable(), null), f.field());
        }
        if (raw instanceof RawSelectable.ElementSelection e) {
            SelectorFactory collection = prepare(e.selectable(), null);
            String selected = text(e.selectable());
            CqlType element = ElementsSelector.elementType(collection, selected, "Element");
            Term key = terms.prepare(e.element(), elementSpec(collection, selected, element));
            return ElementsSelector.element(collection, selected + "[" + e.element() + "]", key);
        }
        if (raw instanceof RawSelectable.SliceSelection sl) {
            SelectorFactory collection = prepare(sl.selectable(), null);
            String selected = text(sl.selectable());
            CqlType element = ElementsSelector.elementType(collection, selected, "Slice");
            ColumnSpec spec = elementSpec(collection, selected, element);
            Term from = sl.from() == null ? null : terms.prepare(sl.from(), spec);
            Term to = sl.to() == null ? null : terms.prepare(sl.to(), spec);
            return ElementsSelector.slice(collection, selected + "[" + (sl.from() == null ? "" : sl.from()) + ".."
                    + (sl.to() == null ? "" : sl.to()) + "]", from, to);
        }
        if (raw instanceof RawSelectable.Value v) {
            return term(v.term(), expected);
        }
        if (raw instanceof RawSelectable.Cast c) {
            return cast(c);
        }
        if (raw instanceof RawSelectable.Arithmetic a) {
            String name = switch (a.operator()) {
                case '+' -> "_add";
                case '-' -> "_substract";
                case '*' -> "_multiply";
                case '/' -> "_divide";
                default -> "_modulo";
            };
            return function(new QualifiedName(FunctionName.SYSTEM, name), List.of(a.left(), a.right()), null);
        }
        if (raw instanceof RawSelectable.Negation n) {
            return function(new QualifiedName(FunctionName.SYSTEM, "_negate"), List.of(n.selectable()), null);
        }
        if (raw instanceof RawSelectable.TypeHint h) {
            CqlType type = terms.resolveType(h.type());
            String name = "(" + h.type() + ")" + text(h.selectable());
            Assignable inner = assignable(h.selectable());
            if (!inner.testAssignment(type).isAssignable()) {
                throw new InvalidRequestException("Cannot assign value " + name + " to " + name + " of type "
                        + type.cqlName());
            }
            return new AliasedSelector(prepare(h.selectable(), type), name, type);
        }
        throw new InvalidRequestException("Selectors like " + describe(raw) + " are not supported yet");
    }

    /** The receiver of a selected element or slice bound: the map's key or the set's element, as Cassandra names it. */
    private ColumnSpec elementSpec(SelectorFactory collection, String selected, CqlType element) {
        boolean map = collection.type().unwrap() instanceof org.ringlet.api.types.MapType;
        return new ColumnSpec(table.keyspace(), table.name(), (map ? "key(" : "value(") + selected + ")", element);
    }

    private static String describe(RawSelectable raw) {
        return raw.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** A selectable as Cassandra writes it in column names. */
    private String text(RawSelectable raw) {
        if (raw instanceof RawSelectable.Value v) {
            return v.term().toString();
        }
        if (raw instanceof RawSelectable.Column c) {
            return c.name();
        }
        return prepare(raw, null).columnName();
    }

    private SelectorFactory term(RawTerm raw, CqlType expected) {
        CqlType type = terms.assignable(raw).exactType();
        if (type == null) {
            type = expected;
        }
        if (type == null) {
            throw new InvalidRequestException("Cannot infer type for term " + raw
                    + " in selection clause (try using a cast to force a type)");
        }
        Term t = terms.prepare(raw, new ColumnSpec(table.keyspace(), table.name(), MARKER_NAME, type));
        return new TermSelector(raw.toString(), t, type);
    }

    /** A selectable as a function argument: terms are tested as written, the rest by their type. */
    private Assignable assignable(RawSelectable raw) {
        if (raw instanceof RawSelectable.Value v) {
            return terms.assignable(v.term());
        }
        SelectorFactory f = prepare(raw, null);
        return new Assignable() {
            @Override
            public AssignmentResult testAssignment(CqlType target) {
                return f.testAssignment(target);
            }

            @Override
            public CqlType exactType() {
                return f.type();
            }

            @Override
            public String text() {
                return f.columnName();
            }
        };
    }

    private SelectorFactory cast(RawSelectable.Cast c) {
        SelectorFactory arg = prepare(c.argument(), null);
        arg.collectColumns(columns);
        NativeType target = NativeType.byName(c.targetType());
        if (target == null) {
            throw new InvalidRequestException("Unknown type " + c.targetType());
        }
        if (target.equals(arg.type())) {
            return arg;
        }
        String fn = "cast_as_" + target.cqlName().toLowerCase(Locale.ROOT);
        CqlFunction f = terms.functions().find(new QualifiedName(FunctionName.SYSTEM, fn),
                List.of(asArgument(arg)), table, null);
        if (f == null) {
            throw new InvalidRequestException(columns.iterator().next().name() + " cannot be cast to "
                    + target.cqlName());
        }
        return new FunctionSelector((ScalarFunction) f, List.of(arg));
    }

    private static Assignable asArgument(SelectorFactory f) {
        return new Assignable() {
            @Override
            public AssignmentResult testAssignment(CqlType target) {
                return f.testAssignment(target);
            }

            @Override
            public CqlType exactType() {
                return f.type();
            }

            @Override
            public String text() {
                return f.columnName();
            }
        };
    }

    private SelectorFactory function(QualifiedName name, List<RawSelectable> rawArgs, CqlType expected) {
        boolean count = name.name().equals("count")
                && (name.keyspace() == null || name.keyspace().equals(FunctionName.SYSTEM));
        if (count && rawArgs.size() == 1 && rawArgs.get(0) instanceof RawSelectable.Value v
                && v.term() instanceof RawTerm.Literal) {
            // COUNT(1), COUNT('x'): any constant counts rows
            return new AggregateSelector(CountFunction.rows(), List.of());
        }
        List<Assignable> args = new ArrayList<>(rawArgs.size());
        for (RawSelectable a : rawArgs) {
            args.add(assignable(a));
        }
        CqlFunction fn = terms.functions().resolve(name, args, table, expected);
        List<SelectorFactory> prepared = new ArrayList<>(rawArgs.size());
        for (int i = 0; i < rawArgs.size(); i++) {
            prepared.add(prepare(rawArgs.get(i), fn.argumentTypes().get(i)));
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
