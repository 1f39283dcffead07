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
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.SetType;
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
            if (w.selected() instanceof RawSelectable.Column) {
                return new WritetimeSelector(c, w.kind());
            }
            String text = w.selected() instanceof RawSelectable.SliceSelection sl ? sliceText(sl)
                    : "[" + ((RawSelectable.ElementSelection) w.selected()).element() + "]";
            return new WritetimeSelector(c, w.kind(), c.name() + text, subSelection(c.name(), c.type(), w.selected()));
        }
        if (raw instanceof RawSelectable.FieldSelection f) {
            return FieldSelector.of(prepare(f.selectable(), null), f.field());
        }
        if (raw instanceof RawSelectable.Value v) {
            return term(v.term(), expected);
        }
        if (raw instanceof RawSelectable.ElementSelection e) {
            SelectorFactory c = prepare(e.selectable(), null);
            return ElementSelector.of(c, c.columnName() + "[" + e.element() + "]",
                    subSelection(c.columnName(), c.type(), e));
        }
        if (raw instanceof RawSelectable.SliceSelection e) {
            SelectorFactory c = prepare(e.selectable(), null);
            return ElementSelector.of(c, c.columnName() + sliceText(e), subSelection(c.columnName(), c.type(), e));
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

    private static String sliceText(RawSelectable.SliceSelection e) {
        return "[" + (e.from() == null ? "" : e.from()) + ".." + (e.to() == null ? "" : e.to()) + "]";
    }

    /**
     * The prepared {@code [x]} or {@code [x..y]} of an element or slice selection on something named {@code on} of
     * type {@code type}.
     *
     * @throws InvalidRequestException with Cassandra's messages when the type is not a set or map, or a term does not
     *                                 fit the key or element type
     */
    private CollectionSubSelection subSelection(String on, CqlType type, RawSelectable raw) {
        boolean slice = raw instanceof RawSelectable.SliceSelection;
        String kind = slice ? "Slice" : "Element";
        CqlType t = type.unwrap();
        if (!t.isCollection()) {
            throw new InvalidRequestException(slice
                    ? "Invalid slice selection: " + on + " of type " + t.cqlName() + " is not a collection"
                    : "Invalid element selection: " + on + " is of type " + t.cqlName() + " is not a collection");
        }
        ColumnSpec spec;
        if (t instanceof MapType m) {
            spec = new ColumnSpec(table.keyspace(), table.name(), "key(" + on + ")", m.keyType());
        } else if (t instanceof SetType st) {
            spec = new ColumnSpec(table.keyspace(), table.name(), "value(" + on + ")", st.elementType());
        } else {
            throw new InvalidRequestException(kind + " selection is only allowed on sets and maps, but " + on
                    + " is a list");
        }
        if (raw instanceof RawSelectable.SliceSelection e) {
            Term from = e.from() == null ? null : terms.prepare(e.from(), spec);
            Term to = e.to() == null ? null : terms.prepare(e.to(), spec);
            return CollectionSubSelection.slice(on, t, from, to);
        }
        return CollectionSubSelection.element(on, t,
                terms.prepare(((RawSelectable.ElementSelection) raw).element(), spec));
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
