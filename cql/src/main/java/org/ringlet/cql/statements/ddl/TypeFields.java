package org.ringlet.cql.statements.ddl;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.ast.RawType;
import org.ringlet.cql.types.TypeResolver;

/** The rules for the fields of user types, with Cassandra's messages. Stateless. */
final class TypeFields {
    private TypeFields() {
    }

    /**
     * Checks a field's written type before it is resolved: no counter, no non-frozen user type.
     *
     * @throws InvalidRequestException with Cassandra's message
     */
    static void check(RawType type) {
        if (type instanceof RawType.Named n && !n.quoted() && n.name().keyspace() == null) {
            NativeType nt = NativeType.byName(n.name().name());
            if (nt != null) {
                if (nt.isCounter()) {
                    throw new InvalidRequestException("A user type cannot contain counters");
                }
                return;
            }
        }
        if (type instanceof RawType.Named) {
            throw new InvalidRequestException("A user type cannot contain non-frozen UDTs");
        }
    }

    /** A field's type, user types looked up in the keyspace. */
    static CqlType resolve(RawType type, KeyspaceMetadata ks) {
        return TypeResolver.resolve(type, ks.name(), (k, t) -> ks.name().equals(k) ? ks.types().get(t) : null);
    }

    /**
     * The text of a written type as Cassandra's messages show it once prepared: user type names qualified with
     * their keyspace ({@code frozen<ks.address>}).
     */
    static String text(RawType type, String keyspace) {
        if (type instanceof RawType.Named n) {
            boolean nativeType = !n.quoted() && n.name().keyspace() == null
                    && NativeType.byName(n.name().name()) != null;
            if (nativeType || n.name().keyspace() != null) {
                return n.toString();
            }
            return keyspace + "." + n.name().name();
        }
        if (type instanceof RawType.Parameterized p) {
            StringBuilder sb = new StringBuilder(p.name()).append('<');
            for (int i = 0; i < p.arguments().size(); i++) {
                Object a = p.arguments().get(i);
                sb.append(i > 0 ? ", " : "").append(a instanceof RawType r ? text(r, keyspace) : a);
            }
            return sb.append('>').toString();
        }
        return type.toString();
    }
}
