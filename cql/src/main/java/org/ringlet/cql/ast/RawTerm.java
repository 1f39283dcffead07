package org.ringlet.cql.ast;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/** A value expression as written: literals, bind markers, collection literals, function calls. */
public sealed interface RawTerm permits RawTerm.Literal, RawTerm.Null, RawTerm.Marker, RawTerm.ListLiteral,
        RawTerm.SetLiteral, RawTerm.MapLiteral, RawTerm.TupleLiteral, RawTerm.UserTypeLiteral, RawTerm.FunctionCall,
        RawTerm.TypeHint, RawTerm.Arithmetic, RawTerm.Negation {

    /** The kinds of constant, with the names Cassandra's messages use. */
    enum LiteralKind { STRING, INTEGER, FLOAT, BOOLEAN, UUID, HEX, DURATION }

    /**
     * A constant.
     *
     * @param kind the kind of constant
     * @param text the text: a string literal without its quotes (doubled quotes undone), a hex literal with its
     *             {@code 0x}, other constants as written
     */
    record Literal(LiteralKind kind, String text) implements RawTerm {
        public Literal {
            requireNonNull(kind, "kind is null");
            requireNonNull(text, "text is null");
        }

        @Override
        public String toString() {
            return kind == LiteralKind.STRING ? "'" + text.replace("'", "''") + "'" : text;
        }
    }

    /** {@code null}. */
    record Null() implements RawTerm {
        @Override
        public String toString() {
            return "NULL";
        }
    }

    /**
     * A bind marker.
     *
     * @param index its position among the statement's markers
     * @param name  its name for {@code :name} markers, or null for {@code ?}
     */
    record Marker(int index, String name) implements RawTerm {
        @Override
        public String toString() {
            return name == null ? "?" : ":" + name;
        }
    }

    record ListLiteral(List<RawTerm> elements) implements RawTerm {
        public ListLiteral {
            elements = List.copyOf(elements);
        }

        @Override
        public String toString() {
            return elements.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
        }
    }

    record SetLiteral(List<RawTerm> elements) implements RawTerm {
        public SetLiteral {
            elements = List.copyOf(elements);
        }

        @Override
        public String toString() {
            return elements.stream().map(Object::toString).collect(Collectors.joining(", ", "{", "}"));
        }
    }

    /** A map literal; {@code {}} is parsed as an empty map and may also stand for an empty set. */
    record MapLiteral(List<Map.Entry<RawTerm, RawTerm>> entries) implements RawTerm {
        public MapLiteral {
            entries = List.copyOf(entries);
        }

        @Override
        public String toString() {
            return entries.stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(", ", "{", "}"));
        }
    }

    record TupleLiteral(List<RawTerm> elements) implements RawTerm {
        public TupleLiteral {
            elements = List.copyOf(elements);
        }

        @Override
        public String toString() {
            return elements.stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")"));
        }
    }

    /** {@code {field: value, ...}}, fields in the order written. */
    record UserTypeLiteral(List<Map.Entry<String, RawTerm>> fields) implements RawTerm {
        public UserTypeLiteral {
            fields = List.copyOf(fields);
        }

        @Override
        public String toString() {
            return fields.stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(", ", "{", "}"));
        }
    }

    record FunctionCall(QualifiedName function, List<RawTerm> arguments) implements RawTerm {
        public FunctionCall {
            requireNonNull(function, "function is null");
            arguments = List.copyOf(arguments);
        }

        @Override
        public String toString() {
            return function + arguments.stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")"));
        }
    }

    /** {@code (type) term}. */
    record TypeHint(RawType type, RawTerm term) implements RawTerm {
        public TypeHint {
            requireNonNull(type, "type is null");
            requireNonNull(term, "term is null");
        }

        @Override
        public String toString() {
            return "(" + type + ")" + term;
        }
    }

    /**
     * {@code left op right} with op one of {@code + - * / %}.
     */
    record Arithmetic(char operator, RawTerm left, RawTerm right) implements RawTerm {
        public Arithmetic {
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }

        @Override
        public String toString() {
            return left + " " + operator + " " + right;
        }
    }

    record Negation(RawTerm term) implements RawTerm {
        public Negation {
            requireNonNull(term, "term is null");
        }

        @Override
        public String toString() {
            return "-" + term;
        }
    }
}
