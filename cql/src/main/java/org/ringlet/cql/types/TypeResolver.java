package org.ringlet.cql.types;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.SetType;
import org.ringlet.api.types.TupleType;
import org.ringlet.api.types.UserType;
import org.ringlet.api.types.VectorType;
import org.ringlet.cql.ast.QualifiedName;
import org.ringlet.cql.ast.RawType;

/**
 * Resolves written types to {@link CqlType}s with Cassandra's rules: native names are keywords unless quoted,
 * other names are user types of the given keyspace, {@code frozen<>} only applies to collections, tuples and user
 * types, and collections may only contain frozen collections and user types.
 */
public final class TypeResolver {
    private TypeResolver() {
    }

    /**
     * Resolves a type.
     *
     * @param keyspace  the keyspace user types are looked up in when unqualified
     * @param userTypes finds a user type by keyspace and name, or returns null
     * @throws InvalidRequestException with Cassandra's message for an unknown or invalid type
     */
    public static CqlType resolve(RawType raw, String keyspace, BiFunction<String, String, UserType> userTypes) {
        return resolve(raw, keyspace, userTypes, false);
    }

    /**
     * @param frozen whether the type is inside {@code frozen<>}: then nested collections and user types are frozen
     *               too, and may be nested in collections
     */
    private static CqlType resolve(RawType raw, String keyspace, BiFunction<String, String, UserType> userTypes,
                                   boolean frozen) {
        return resolve(raw, keyspace, userTypes, frozen, raw);
    }

    /** @param display how a collection names itself in messages (with its frozen<> when it is frozen) */
    private static CqlType resolve(RawType raw, String keyspace, BiFunction<String, String, UserType> userTypes,
                                   boolean frozen, RawType display) {
        if (raw instanceof RawType.Custom c) {
            throw new InvalidRequestException("Custom types are not supported (got '" + c.className() + "')");
        }
        if (raw instanceof RawType.Named n) {
            QualifiedName name = n.name();
            if (!n.quoted() && name.keyspace() == null) {
                NativeType nt = NativeType.byName(name.name());
                if (nt != null) {
                    return nt;
                }
            }
            String ks = name.keyspace() != null ? name.keyspace() : keyspace;
            if (name.keyspace() != null && keyspace != null && !name.keyspace().equals(keyspace)) {
                throw new InvalidRequestException("Statement on keyspace " + keyspace
                        + " cannot refer to a user type in keyspace " + name.keyspace()
                        + "; user types can only be used in the keyspace they are defined in");
            }
            UserType t = ks == null ? null : userTypes.apply(ks, name.name());
            if (t == null) {
                throw new InvalidRequestException("Unknown type " + (ks == null ? "" : ks + ".") + name.name());
            }
            return frozen ? t.freeze() : t;
        }
        RawType.Parameterized p = (RawType.Parameterized) raw;
        List<Object> args = p.arguments();
        switch (p.name()) {
            case "frozen" -> {
                expectArity(p, 1);
                CqlType inner = resolve((RawType) args.get(0), keyspace, userTypes, true, raw);
                if (inner instanceof NativeType) {
                    throw new InvalidRequestException("frozen<> is only allowed on collections, tuples, and "
                            + "user-defined types (got " + inner.cqlName() + ")");
                }
                return inner.freeze();
            }
            case "list" -> {
                expectArity(p, 1);
                return ListType.of(element((RawType) args.get(0), keyspace, userTypes, display, frozen));
            }
            case "set" -> {
                expectArity(p, 1);
                return SetType.of(element((RawType) args.get(0), keyspace, userTypes, display, frozen));
            }
            case "map" -> {
                expectArity(p, 2);
                CqlType k = element((RawType) args.get(0), keyspace, userTypes, display, frozen);
                CqlType v = element((RawType) args.get(1), keyspace, userTypes, display, frozen);
                return MapType.of(k, v);
            }
            case "tuple" -> {
                List<CqlType> types = new ArrayList<>();
                for (Object a : args) {
                    types.add(resolve((RawType) a, keyspace, userTypes, true).freeze());
                }
                return TupleType.of(types);
            }
            case "vector" -> {
                expectArity(p, 2);
                if (!(args.get(1) instanceof Integer dim)) {
                    throw new InvalidRequestException("Invalid vector dimension in " + raw);
                }
                if (dim <= 0) {
                    throw new InvalidRequestException("vectors may only have positive dimensions; given " + dim);
                }
                CqlType e = resolve((RawType) args.get(0), keyspace, userTypes, true).freeze();
                return VectorType.of(e, dim);
            }
            default -> throw new InvalidRequestException("Unknown type " + p.name());
        }
    }

    /** An element type of a collection, with Cassandra's rules (and messages naming the whole collection). */
    private static CqlType element(RawType raw, String keyspace, BiFunction<String, String, UserType> userTypes,
                                   RawType collection, boolean frozen) {
        CqlType resolved = resolve(raw, keyspace, userTypes, frozen);
        CqlType t = frozen ? resolved.freeze() : resolved;
        if (t.isCounter()) {
            throw new InvalidRequestException("Counters are not allowed inside collections: " + collection);
        }
        if (t.isMultiCell()) {
            throw new InvalidRequestException("Non-frozen " + (t instanceof UserType ? "UDTs" : "collections")
                    + " are not allowed inside collections: " + collection);
        }
        return t;
    }

    private static void expectArity(RawType.Parameterized p, int arity) {
        if (p.arguments().size() != arity || p.arguments().stream().anyMatch(a -> !(a instanceof RawType)
                && !p.name().equals("vector"))) {
            throw new InvalidRequestException("Invalid type " + p);
        }
    }
}
