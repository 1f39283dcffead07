package org.ringlet.cql.ast;

import java.util.List;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/** An expression of a SELECT clause, as written. */
public sealed interface RawSelectable permits RawSelectable.Column, RawSelectable.CountStar,
        RawSelectable.FunctionCall, RawSelectable.Cast, RawSelectable.WritetimeOrTtl, RawSelectable.Value,
        RawSelectable.TypeHint, RawSelectable.FieldSelection, RawSelectable.ElementSelection,
        RawSelectable.SliceSelection, RawSelectable.Arithmetic, RawSelectable.Negation {

    /** A column, by name. */
    record Column(String name) implements RawSelectable {
        public Column {
            requireNonNull(name, "name is null");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code count(*)}. */
    record CountStar() implements RawSelectable {
        @Override
        public String toString() {
            return "count(*)";
        }
    }

    record FunctionCall(QualifiedName function, List<RawSelectable> arguments) implements RawSelectable {
        public FunctionCall {
            requireNonNull(function, "function is null");
            arguments = List.copyOf(arguments);
        }

        @Override
        public String toString() {
            return function + arguments.stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")"));
        }
    }

    /** {@code CAST(x AS type)}. */
    record Cast(RawSelectable argument, String targetType) implements RawSelectable {
        public Cast {
            requireNonNull(argument, "argument is null");
            requireNonNull(targetType, "targetType is null");
        }
    }

    /** The kinds of metadata selectors. */
    enum MetadataKind { WRITETIME, MAXWRITETIME, TTL }

    /**
     * {@code WRITETIME(c)}, {@code MAXWRITETIME(c)} or {@code TTL(c)}, also of an element or slice of a collection
     * column ({@code WRITETIME(m['k'])}, {@code TTL(s[1..3])}).
     *
     * @param kind     which metadata
     * @param column   the column
     * @param selected the column itself ({@link Column}), or an {@link ElementSelection} or {@link SliceSelection}
     *                 of it
     */
    record WritetimeOrTtl(MetadataKind kind, String column, RawSelectable selected) implements RawSelectable {
        public WritetimeOrTtl {
            requireNonNull(kind, "kind is null");
            requireNonNull(column, "column is null");
            requireNonNull(selected, "selected is null");
        }

        /** Of the whole column. */
        public WritetimeOrTtl(MetadataKind kind, String column) {
            this(kind, column, new Column(column));
        }
    }

    /** A constant, literal or bind marker selected as is. */
    record Value(RawTerm term) implements RawSelectable {
        public Value {
            requireNonNull(term, "term is null");
        }

        @Override
        public String toString() {
            return term.toString();
        }
    }

    record TypeHint(RawType type, RawSelectable selectable) implements RawSelectable {
        public TypeHint {
            requireNonNull(type, "type is null");
            requireNonNull(selectable, "selectable is null");
        }
    }

    /** {@code udt.field}. */
    record FieldSelection(RawSelectable selectable, String field) implements RawSelectable {
        public FieldSelection {
            requireNonNull(selectable, "selectable is null");
            requireNonNull(field, "field is null");
        }
    }

    /** {@code collection[key]}. */
    record ElementSelection(RawSelectable selectable, RawTerm element) implements RawSelectable {
        public ElementSelection {
            requireNonNull(selectable, "selectable is null");
            requireNonNull(element, "element is null");
        }
    }

    /** {@code collection[from..to]}, each bound optional (null). */
    record SliceSelection(RawSelectable selectable, RawTerm from, RawTerm to) implements RawSelectable {
        public SliceSelection {
            requireNonNull(selectable, "selectable is null");
        }
    }

    record Arithmetic(char operator, RawSelectable left, RawSelectable right) implements RawSelectable {
        public Arithmetic {
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }
    }

    record Negation(RawSelectable selectable) implements RawSelectable {
        public Negation {
            requireNonNull(selectable, "selectable is null");
        }
    }
}
