package org.ringlet.cql.ast;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A relation of a WHERE clause, as written. */
public sealed interface RawRelation permits RawRelation.Single, RawRelation.Token, RawRelation.In,
        RawRelation.Contains, RawRelation.MapElement, RawRelation.IsNotNull, RawRelation.Like,
        RawRelation.MultiColumn, RawRelation.MultiColumnIn {

    /** {@code column op term} with op one of {@code = < <= > >= !=}. */
    record Single(String column, Operator operator, RawTerm value) implements RawRelation {
        public Single {
            requireNonNull(column, "column is null");
            requireNonNull(operator, "operator is null");
            requireNonNull(value, "value is null");
        }

        @Override
        public String toString() {
            return column + " " + operator + " " + value;
        }
    }

    /** {@code token(c1, c2) op term}. */
    record Token(List<String> columns, Operator operator, RawTerm value) implements RawRelation {
        public Token {
            columns = List.copyOf(columns);
            requireNonNull(operator, "operator is null");
            requireNonNull(value, "value is null");
        }

        @Override
        public String toString() {
            return "token(" + String.join(", ", columns) + ") " + operator + " " + value;
        }
    }

    /**
     * {@code column IN (v1, v2)} or {@code column IN ?}.
     *
     * @param values the listed values, or null when a single marker binds the whole list
     * @param marker the marker binding the list, or null
     */
    record In(String column, List<RawTerm> values, RawTerm.Marker marker) implements RawRelation {
        public In {
            requireNonNull(column, "column is null");
            values = values == null ? null : List.copyOf(values);
            if ((values == null) == (marker == null)) {
                throw new IllegalArgumentException("IN has either values or a marker");
            }
        }

        @Override
        public String toString() {
            return column + " IN " + (marker != null ? marker.toString() : values.toString());
        }
    }

    /** {@code column CONTAINS term} or {@code column CONTAINS KEY term}. */
    record Contains(String column, boolean key, RawTerm value) implements RawRelation {
        public Contains {
            requireNonNull(column, "column is null");
            requireNonNull(value, "value is null");
        }
    }

    /** {@code column[key] op term}. */
    record MapElement(String column, RawTerm key, Operator operator, RawTerm value) implements RawRelation {
        public MapElement {
            requireNonNull(column, "column is null");
            requireNonNull(key, "key is null");
            requireNonNull(operator, "operator is null");
            requireNonNull(value, "value is null");
        }
    }

    /** {@code column IS NOT NULL}. */
    record IsNotNull(String column) implements RawRelation {
        public IsNotNull {
            requireNonNull(column, "column is null");
        }
    }

    /** {@code column LIKE term}. */
    record Like(String column, RawTerm value) implements RawRelation {
        public Like {
            requireNonNull(column, "column is null");
            requireNonNull(value, "value is null");
        }
    }

    /**
     * {@code (c1, c2) op (v1, v2)} or {@code (c1, c2) op ?}.
     *
     * @param value a tuple literal or a marker
     */
    record MultiColumn(List<String> columns, Operator operator, RawTerm value) implements RawRelation {
        public MultiColumn {
            columns = List.copyOf(columns);
            requireNonNull(operator, "operator is null");
            requireNonNull(value, "value is null");
        }
    }

    /**
     * {@code (c1, c2) IN ((v1, v2), ...)} or {@code (c1, c2) IN ?}.
     *
     * @param values the tuples (tuple literals or markers), or null when a marker binds the whole list
     * @param marker the marker binding the list, or null
     */
    record MultiColumnIn(List<String> columns, List<RawTerm> values, RawTerm.Marker marker) implements RawRelation {
        public MultiColumnIn {
            columns = List.copyOf(columns);
            values = values == null ? null : List.copyOf(values);
            if ((values == null) == (marker == null)) {
                throw new IllegalArgumentException("IN has either values or a marker");
            }
        }
    }
}
