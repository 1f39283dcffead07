package org.ringlet.cql.statements.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.ListType;
import org.ringlet.api.types.MapType;
import org.ringlet.api.types.SetType;
import org.ringlet.api.types.TupleType;
import org.ringlet.api.types.UserType;
import org.ringlet.api.types.VectorType;

/** Walking and rewriting the user types nested in a type. Stateless. */
final class UserTypes {
    private UserTypes() {
    }

    /**
     * The type with every user type in it (at any depth) replaced by {@code replace}'s answer, keeping frozenness of
     * the containers; the user type's own fields are rewritten first.
     */
    static CqlType rewrite(CqlType type, Function<UserType, CqlType> replace) {
        if (type instanceof UserType u) {
            List<CqlType> fields = new ArrayList<>();
            u.declaredFieldTypes().forEach(f -> fields.add(rewrite(f, replace)));
            UserType withFields = u.withFields(u.fieldNames(), fields);
            return replace.apply(withFields);
        }
        if (type instanceof ListType l) {
            CqlType e = rewrite(l.elementType(), replace);
            return l.isMultiCell() ? ListType.of(e) : ListType.frozen(e);
        }
        if (type instanceof SetType s) {
            CqlType e = rewrite(s.elementType(), replace);
            return s.isMultiCell() ? SetType.of(e) : SetType.frozen(e);
        }
        if (type instanceof MapType m) {
            CqlType k = rewrite(m.keyType(), replace);
            CqlType v = rewrite(m.valueType(), replace);
            return m.isMultiCell() ? MapType.of(k, v) : MapType.frozen(k, v);
        }
        if (type instanceof TupleType t) {
            List<CqlType> types = new ArrayList<>();
            t.types().forEach(e -> types.add(rewrite(e, replace)));
            return TupleType.of(types);
        }
        if (type instanceof VectorType v) {
            return VectorType.of(rewrite(v.elementType(), replace), v.dimension());
        }
        return type;
    }

    /**
     * The type as a dropped column records it: user types become tuples of their field types (Cassandra's
     * {@code expandUserTypes}), since the type may change or go away later.
     */
    static CqlType expand(CqlType type) {
        return rewrite(type, u -> TupleType.of(u.fieldTypes()));
    }

    /** Whether the type refers to the user type {@code name} (of its keyspace) at any depth. */
    static boolean references(CqlType type, String name) {
        if (type instanceof UserType u && u.name().equals(name)) {
            return true;
        }
        for (CqlType sub : type.subTypes()) {
            if (references(sub, name)) {
                return true;
            }
        }
        return false;
    }
}
