package org.ringlet.cql.terms;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.query.BoundValues;
import org.ringlet.api.query.ColumnSpec;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.MarshalException;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.SetType;
import org.ringlet.api.types.TupleType;
import org.ringlet.api.types.UserType;
import org.ringlet.api.types.VectorType;
import org.ringlet.cql.ast.QualifiedName;
import org.ringlet.cql.ast.RawTerm;
import org.ringlet.cql.ast.RawType;
import org.ringlet.cql.functions.Assignable;
import org.ringlet.cql.functions.AssignmentResult;
import org.ringlet.cql.functions.CqlFunction;
import org.ringlet.cql.functions.FunctionName;
import org.ringlet.cql.functions.FunctionResolver;
import org.ringlet.cql.functions.ScalarFunction;
import org.ringlet.cql.types.Literals;
import org.ringlet.cql.types.TypeResolver;

import static java.util.Objects.requireNonNull;

/**
 * Prepares written terms against what receives their value, with Cassandra's assignment rules and messages. One
 * instance per statement being prepared (it records the bind markers' specs). Not thread-safe.
 */
public final class TermPreparer {
    private final BindSpecs binds;
    private final FunctionResolver functions;
    private final TableMetadata table;
    private final Clock clock;
    private BiFunction<String, String, UserType> userTypes = (keyspace, name) -> null;

    /**
     * @param binds     where marker specs are recorded
     * @param functions resolves function calls
     * @param table     the statement's table (for token()), or null
     * @param clock     the node's clock (a timestamp constant may be {@code 'now'}, read when prepared)
     */
    public TermPreparer(BindSpecs binds, FunctionResolver functions, TableMetadata table, Clock clock) {
        this.binds = requireNonNull(binds, "binds is null");
        this.functions = requireNonNull(functions, "functions is null");
        this.table = table;
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Sets how user types written in type hints are found.
     *
     * @return this preparer
     */
    public TermPreparer withUserTypes(BiFunction<String, String, UserType> lookup) {
        this.userTypes = requireNonNull(lookup, "lookup is null");
        return this;
    }

    /** The type a written type names, in the statement's keyspace. */
    public CqlType resolveType(RawType type) {
        return TypeResolver.resolve(type, table == null ? null : table.keyspace(), userTypes);
    }

    public BindSpecs binds() {
        return binds;
    }

    public FunctionResolver functions() {
        return functions;
    }

    /**
     * Prepares a term that gives its value to {@code receiver}.
     *
     * @throws InvalidRequestException when the term cannot be a value of the receiver's type
     */
    public Term prepare(RawTerm raw, ColumnSpec receiver) {
        CqlType type = receiver.type().unwrap();
        if (raw instanceof RawTerm.Literal l) {
            return literal(l, receiver);
        }
        if (raw instanceof RawTerm.Null) {
            if (type.isCounter()) {
                throw new InvalidRequestException("Invalid null value for counter increment/decrement");
            }
            return new Constant(null, type);
        }
        if (raw instanceof RawTerm.Marker m) {
            binds.set(m, receiver);
            return new Marker(m.index(), type);
        }
        if (raw instanceof RawTerm.ListLiteral l) {
            return list(l, receiver, type);
        }
        if (raw instanceof RawTerm.SetLiteral s) {
            if (!(type instanceof SetType st)) {
                throw new InvalidRequestException("Invalid set literal for " + receiver.name() + " of type "
                        + type.cqlName());
            }
            checkElements("set", s.elements(), receiver, st.elementType());
            return collection(type, elements(s.elements(), spec(receiver, "value(" + receiver.name() + ")",
                    st.elementType()), "set", receiver));
        }
        if (raw instanceof RawTerm.MapLiteral m) {
            return map(m, receiver, type);
        }
        if (raw instanceof RawTerm.TupleLiteral t) {
            return tuple(t, receiver, type);
        }
        if (raw instanceof RawTerm.UserTypeLiteral u) {
            return userType(u, receiver, type);
        }
        if (raw instanceof RawTerm.FunctionCall f) {
            return function(f, receiver, type);
        }
        if (raw instanceof RawTerm.TypeHint h) {
            return typeHint(h, receiver);
        }
        if (raw instanceof RawTerm.Arithmetic || raw instanceof RawTerm.Negation) {
            return function(operation(raw), receiver, type);
        }
        throw new InvalidRequestException("Unsupported term: " + raw);
    }

    /**
     * An arithmetic operation as the call of its operator function ({@code system._add}, {@code _substract},
     * {@code _multiply}, {@code _divide}, {@code _modulo}, {@code _negate}), as Cassandra prepares it.
     */
    private static RawTerm.FunctionCall operation(RawTerm raw) {
        if (raw instanceof RawTerm.Negation n) {
            return new RawTerm.FunctionCall(new QualifiedName(FunctionName.SYSTEM, "_negate"), List.of(n.term()));
        }
        RawTerm.Arithmetic a = (RawTerm.Arithmetic) raw;
        String name = switch (a.operator()) {
            case '+' -> "_add";
            case '-' -> "_substract";
            case '*' -> "_multiply";
            case '/' -> "_divide";
            default -> "_modulo";
        };
        return new RawTerm.FunctionCall(new QualifiedName(FunctionName.SYSTEM, name), List.of(a.left(), a.right()));
    }

    private Term literal(RawTerm.Literal l, ColumnSpec receiver) {
        CqlType type = receiver.type().unwrap();
        if (!LiteralAssignment.test(l, type).isAssignable()) {
            throw new InvalidRequestException("Invalid " + l.kind() + " constant (" + l.text() + ") for \""
                    + receiver.name() + "\" of type " + type.cqlName());
        }
        try {
            ByteBuffer value;
            if (l.kind() == RawTerm.LiteralKind.HEX) {
                value = Literals.hex(l.text().substring(2));
            } else if (type.isCounter()) {
                value = Literals.parse(NativeType.BIGINT, l.text(), clock::currentTimeMillis);
            } else {
                value = Literals.parse((NativeType) type, l.text(), clock::currentTimeMillis);
            }
            return new Constant(value, type);
        } catch (MarshalException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    /** {@code (type) term}: the term must fit the type, and the type the receiver; the term is then the receiver's. */
    private Term typeHint(RawTerm.TypeHint h, ColumnSpec receiver) {
        CqlType hinted = resolveType(h.type());
        if (!testAssignment(h.term(), hinted).isAssignable()) {
            throw new InvalidRequestException("Cannot cast value " + h.term() + " to type " + h.type());
        }
        if (!testAssignment(h, receiver.type()).isAssignable()) {
            throw new InvalidRequestException("Cannot assign value " + h + " to " + receiver.name() + " of type "
                    + receiver.type().unwrap().cqlName());
        }
        return prepare(h.term(), receiver);
    }

    private Term list(RawTerm.ListLiteral l, ColumnSpec receiver, CqlType type) {
        CqlType element;
        if (type instanceof ListType lt) {
            element = lt.elementType();
        } else if (type instanceof VectorType vt) {
            element = vt.elementType();
            if (l.elements().size() != vt.dimension()) {
                throw new InvalidRequestException("Invalid vector literal for " + receiver.name() + " of type "
                        + type.cqlName() + "; expected " + vt.dimension() + " elements, but given "
                        + l.elements().size());
            }
        } else {
            throw new InvalidRequestException("Unexpected receiver type '" + type.cqlName()
                    + "'; only list and vector are expected");
        }
        checkElements(type instanceof VectorType ? "vector" : "list", l.elements(), receiver, element);
        return collection(type, elements(l.elements(), spec(receiver, "value(" + receiver.name() + ")", element),
                type instanceof ListType ? "list" : null, receiver));
    }

    /** Cassandra checks every element of a collection literal before preparing any. */
    private void checkElements(String kind, List<RawTerm> elements, ColumnSpec receiver, CqlType elementType) {
        for (RawTerm e : elements) {
            if (!testAssignment(e, elementType).isAssignable()) {
                throw new InvalidRequestException("Invalid " + kind + " literal for " + receiver.name() + ": value "
                        + e + " is not of type " + elementType.unwrap().cqlName());
            }
        }
    }

    private Term map(RawTerm.MapLiteral m, ColumnSpec receiver, CqlType type) {
        if (m.entries().isEmpty() && (type instanceof SetType || type instanceof MapType)) {
            return collection(type, List.of());
        }
        if (!(type instanceof MapType mt)) {
            // Cassandra parses {} as an empty set literal
            throw new InvalidRequestException("Invalid " + (m.entries().isEmpty() ? "set" : "map") + " literal for "
                    + receiver.name() + " of type " + type.cqlName());
        }
        for (Map.Entry<RawTerm, RawTerm> e : m.entries()) {
            if (!testAssignment(e.getKey(), mt.keyType()).isAssignable()) {
                throw new InvalidRequestException("Invalid map literal for " + receiver.name() + ": key "
                        + e.getKey() + " is not of type " + mt.keyType().unwrap().cqlName());
            }
            if (!testAssignment(e.getValue(), mt.valueType()).isAssignable()) {
                throw new InvalidRequestException("Invalid map literal for " + receiver.name() + ": value "
                        + e.getValue() + " is not of type " + mt.valueType().unwrap().cqlName());
            }
        }
        ColumnSpec keys = spec(receiver, "key(" + receiver.name() + ")", mt.keyType());
        ColumnSpec values = spec(receiver, "value(" + receiver.name() + ")", mt.valueType());
        List<Term> out = new ArrayList<>();
        for (Map.Entry<RawTerm, RawTerm> e : m.entries()) {
            out.add(prepare(e.getKey(), keys));
            out.add(prepare(e.getValue(), values));
            if (containsMarker(e.getKey()) || containsMarker(e.getValue())) {
                throw markersInLiteral("map", receiver);
            }
        }
        return collection(type, out);
    }

    private Term tuple(RawTerm.TupleLiteral t, ColumnSpec receiver, CqlType type) {
        if (isTermInParentheses(t, type)) {
            return prepare(t.elements().get(0), receiver);
        }
        if (!(type instanceof TupleType tt)) {
            throw new InvalidRequestException("Invalid tuple type literal for " + receiver.name() + " of type "
                    + type.cqlName());
        }
        for (int i = 0; i < t.elements().size(); i++) {
            if (i >= tt.size()) {
                throw new InvalidRequestException("Invalid tuple literal for " + receiver.name()
                        + ": too many elements. Type " + tt.cqlName() + " expects " + tt.size() + " but got "
                        + t.elements().size());
            }
            if (!testAssignment(t.elements().get(i), tt.types().get(i)).isAssignable()) {
                throw new InvalidRequestException("Invalid tuple literal for " + receiver.name() + ": component " + i
                        + " is not of type " + tt.types().get(i).cqlName());
            }
        }
        List<Term> out = new ArrayList<>();
        for (int i = 0; i < t.elements().size(); i++) {
            out.add(prepare(t.elements().get(i), spec(receiver, receiver.name() + "[" + i + "]", tt.types().get(i))));
        }
        for (int i = t.elements().size(); i < tt.size(); i++) {
            out.add(new Constant(null, tt.types().get(i)));
        }
        return collection(type, out);
    }

    private Term userType(RawTerm.UserTypeLiteral u, ColumnSpec receiver, CqlType type) {
        if (!(type instanceof UserType ut)) {
            throw new InvalidRequestException("Invalid user type literal for " + receiver.name() + " of type "
                    + type.cqlName());
        }
        // as Cassandra: each given field (in the type's order) must fit, before unknown fields are reported
        for (int i = 0; i < ut.fieldNames().size(); i++) {
            for (Map.Entry<String, RawTerm> e : u.fields()) {
                if (e.getKey().equals(ut.fieldNames().get(i))
                        && !testAssignment(e.getValue(), ut.fieldTypes().get(i)).isAssignable()) {
                    throw new InvalidRequestException("Invalid user type literal for " + receiver.name() + ": field "
                            + e.getKey() + " is not of type " + ut.declaredFieldTypes().get(i).cqlName());
                }
            }
        }
        Term[] fields = new Term[ut.fieldNames().size()];
        for (Map.Entry<String, RawTerm> e : u.fields()) {
            int i = ut.fieldIndex(e.getKey());
            if (i < 0) {
                throw new InvalidRequestException("Unknown field '" + e.getKey() + "' in value of user defined type "
                        + ut.name());
            }
            fields[i] = prepare(e.getValue(), spec(receiver, receiver.name() + "." + e.getKey(),
                    ut.fieldTypes().get(i)));
        }
        List<Term> out = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            out.add(fields[i] != null ? fields[i] : new Constant(null, ut.fieldTypes().get(i)));
        }
        return collection(type, out);
    }

    private Term function(RawTerm.FunctionCall f, ColumnSpec receiver, CqlType type) {
        List<Assignable> args = new ArrayList<>();
        for (RawTerm a : f.arguments()) {
            args.add(assignable(a));
        }
        CqlFunction fn = functions.find(f.function(), args, table, type);
        if (fn == null) {
            throw new InvalidRequestException("Unknown function " + f.function() + " called");
        }
        if (!(fn instanceof ScalarFunction scalar)) {
            throw new InvalidRequestException("Aggregation function are not supported in the where clause");
        }
        CqlType result = fn.returnType();
        if (!result.equals(type) && !type.isValueCompatibleWith(result)) {
            throw new InvalidRequestException("Type error: cannot assign result of function " + fn.name()
                    + " (type " + result.cqlName() + ") to " + receiver.name() + " (type " + type.cqlName() + ")");
        }
        List<Term> prepared = new ArrayList<>();
        for (int i = 0; i < f.arguments().size(); i++) {
            ColumnSpec argSpec = spec(receiver, "arg" + i + "(" + fn.name() + ")", fn.argumentTypes().get(i));
            prepared.add(prepare(f.arguments().get(i), argSpec));
        }
        FunctionTerm term = new FunctionTerm(scalar, prepared);
        if (term.isConstant()) {
            return new Constant(term.bind(BoundValues.none()), result);
        }
        return term;
    }

    /**
     * The elements of a list, set or vector literal.
     *
     * @param kind the collection's kind when bind markers are refused in it (as Cassandra does for lists, sets and
     *             maps), or null
     */
    private List<Term> elements(List<RawTerm> raws, ColumnSpec elementSpec, String kind, ColumnSpec receiver) {
        List<Term> out = new ArrayList<>(raws.size());
        for (RawTerm r : raws) {
            if (r instanceof RawTerm.Null) {
                throw new InvalidRequestException("null is not supported inside collections");
            }
            out.add(prepare(r, elementSpec));
            if (kind != null && containsMarker(r)) {
                throw markersInLiteral(kind, receiver);
            }
        }
        return out;
    }

    private static InvalidRequestException markersInLiteral(String kind, ColumnSpec receiver) {
        return new InvalidRequestException("Invalid " + kind + " literal for " + receiver.name() + ": bind variables "
                + "are not supported inside collection literals");
    }

    /** Whether a written term holds a bind marker, however deep. */
    private static boolean containsMarker(RawTerm raw) {
        if (raw instanceof RawTerm.Marker) {
            return true;
        }
        if (raw instanceof RawTerm.ListLiteral l) {
            return l.elements().stream().anyMatch(TermPreparer::containsMarker);
        }
        if (raw instanceof RawTerm.SetLiteral s) {
            return s.elements().stream().anyMatch(TermPreparer::containsMarker);
        }
        if (raw instanceof RawTerm.TupleLiteral t) {
            return t.elements().stream().anyMatch(TermPreparer::containsMarker);
        }
        if (raw instanceof RawTerm.MapLiteral m) {
            return m.entries().stream().anyMatch(e -> containsMarker(e.getKey()) || containsMarker(e.getValue()));
        }
        if (raw instanceof RawTerm.UserTypeLiteral u) {
            return u.fields().stream().anyMatch(e -> containsMarker(e.getValue()));
        }
        if (raw instanceof RawTerm.FunctionCall f) {
            return f.arguments().stream().anyMatch(TermPreparer::containsMarker);
        }
        if (raw instanceof RawTerm.TypeHint h) {
            return containsMarker(h.term());
        }
        if (raw instanceof RawTerm.Arithmetic a) {
            return containsMarker(a.left()) || containsMarker(a.right());
        }
        if (raw instanceof RawTerm.Negation n) {
            return containsMarker(n.term());
        }
        return false;
    }

    private static Term collection(CqlType type, List<Term> elements) {
        CollectionTerm term = new CollectionTerm(type, elements);
        if (term.isConstant()) {
            return new Constant(term.bind(BoundValues.none()), type);
        }
        return term;
    }

    private static ColumnSpec spec(ColumnSpec receiver, String name, CqlType type) {
        return new ColumnSpec(receiver.keyspace(), receiver.table(), name, type);
    }

    /** How well a written term fits a type. */
    public AssignmentResult testAssignment(RawTerm raw, CqlType target) {
        CqlType t = target.unwrap();
        if (raw instanceof RawTerm.Literal l) {
            return LiteralAssignment.test(l, t);
        }
        if (raw instanceof RawTerm.Null) {
            return t.isCounter() ? AssignmentResult.NOT_ASSIGNABLE : AssignmentResult.WEAKLY_ASSIGNABLE;
        }
        if (raw instanceof RawTerm.Marker) {
            return AssignmentResult.WEAKLY_ASSIGNABLE;
        }
        if (raw instanceof RawTerm.ListLiteral l) {
            if (t instanceof ListType lt) {
                return elementsAssignment(l.elements(), lt.elementType());
            }
            return t instanceof VectorType vt ? elementsAssignment(l.elements(), vt.elementType())
                    : AssignmentResult.NOT_ASSIGNABLE;
        }
        if (raw instanceof RawTerm.SetLiteral s) {
            return t instanceof SetType st ? elementsAssignment(s.elements(), st.elementType())
                    : AssignmentResult.NOT_ASSIGNABLE;
        }
        if (raw instanceof RawTerm.MapLiteral m) {
            if (m.entries().isEmpty()) {
                return t instanceof MapType || t instanceof SetType ? AssignmentResult.WEAKLY_ASSIGNABLE
                        : AssignmentResult.NOT_ASSIGNABLE;
            }
            if (!(t instanceof MapType mt)) {
                return AssignmentResult.NOT_ASSIGNABLE;
            }
            AssignmentResult result = AssignmentResult.EXACT_MATCH;
            for (Map.Entry<RawTerm, RawTerm> e : m.entries()) {
                AssignmentResult k = testAssignment(e.getKey(), mt.keyType());
                AssignmentResult v = testAssignment(e.getValue(), mt.valueType());
                if (!k.isAssignable() || !v.isAssignable()) {
                    return AssignmentResult.NOT_ASSIGNABLE;
                }
                if (k != AssignmentResult.EXACT_MATCH || v != AssignmentResult.EXACT_MATCH) {
                    result = AssignmentResult.WEAKLY_ASSIGNABLE;
                }
            }
            return result;
        }
        if (raw instanceof RawTerm.TupleLiteral tl) {
            if (isTermInParentheses(tl, t)) {
                return testAssignment(tl.elements().get(0), t);
            }
            return t instanceof TupleType ? AssignmentResult.WEAKLY_ASSIGNABLE : AssignmentResult.NOT_ASSIGNABLE;
        }
        if (raw instanceof RawTerm.UserTypeLiteral) {
            return t instanceof UserType ? AssignmentResult.WEAKLY_ASSIGNABLE : AssignmentResult.NOT_ASSIGNABLE;
        }
        if (raw instanceof RawTerm.TypeHint h) {
            CqlType hinted = resolveType(h.type()).unwrap();
            if (hinted.equals(t)) {
                return AssignmentResult.EXACT_MATCH;
            }
            return t.isValueCompatibleWith(hinted) ? AssignmentResult.WEAKLY_ASSIGNABLE
                    : AssignmentResult.NOT_ASSIGNABLE;
        }
        if (raw instanceof RawTerm.Arithmetic || raw instanceof RawTerm.Negation) {
            return testAssignment(operation(raw), target);
        }
        if (raw instanceof RawTerm.FunctionCall f) {
            List<Assignable> args = new ArrayList<>();
            f.arguments().forEach(a -> args.add(assignable(a)));
            CqlFunction fn = functions.find(f.function(), args, table, t);
            if (fn == null) {
                throw new InvalidRequestException("Unknown function " + f.function() + " called");
            }
            CqlType result = fn.returnType();
            if (result.equals(t)) {
                return AssignmentResult.EXACT_MATCH;
            }
            return t.isValueCompatibleWith(result) ? AssignmentResult.WEAKLY_ASSIGNABLE
                    : AssignmentResult.NOT_ASSIGNABLE;
        }
        return AssignmentResult.WEAKLY_ASSIGNABLE;
    }

    /** An exact match when every element is one, not assignable as soon as one is not; empty is weak. */
    private AssignmentResult elementsAssignment(List<RawTerm> elements, CqlType elementType) {
        if (elements.isEmpty()) {
            return AssignmentResult.WEAKLY_ASSIGNABLE;
        }
        AssignmentResult result = AssignmentResult.EXACT_MATCH;
        for (RawTerm e : elements) {
            AssignmentResult r = testAssignment(e, elementType);
            if (!r.isAssignable()) {
                return AssignmentResult.NOT_ASSIGNABLE;
            }
            if (r != AssignmentResult.EXACT_MATCH) {
                result = AssignmentResult.WEAKLY_ASSIGNABLE;
            }
        }
        return result;
    }

    /**
     * Whether a one-element tuple literal is a term between parentheses: the parser cannot tell them apart, so, as
     * Cassandra does, it is a tuple only when the receiver is one.
     */
    private static boolean isTermInParentheses(RawTerm.TupleLiteral t, CqlType type) {
        CqlType u = type.unwrap();
        return t.elements().size() == 1 && !(u instanceof TupleType) && !(u instanceof UserType);
    }

    /** The type a written term has on its own: a type hint's or a function call's, else null. */
    private CqlType exactTypeOf(RawTerm raw) {
        if (raw instanceof RawTerm.TypeHint h) {
            return resolveType(h.type());
        }
        return null;
    }

    /** A written term as a function argument. */
    public Assignable assignable(RawTerm raw) {
        return new Assignable() {
            @Override
            public AssignmentResult testAssignment(CqlType target) {
                return TermPreparer.this.testAssignment(raw, target);
            }

            @Override
            public CqlType exactType() {
                return exactTypeOf(raw);
            }

            @Override
            public CqlType compatibleType() {
                if (raw instanceof RawTerm.Literal l) {
                    return LiteralAssignment.preferredType(l);
                }
                return exactTypeOf(raw);
            }

            @Override
            public boolean isMarker() {
                return raw instanceof RawTerm.Marker;
            }

            @Override
            public String text() {
                return raw.toString();
            }
        };
    }
}
