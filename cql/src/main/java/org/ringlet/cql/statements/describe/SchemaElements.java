package org.ringlet.cql.statements.describe;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.schema.KeyspaceMetadata;
import org.ringlet.api.schema.Schema;
import org.ringlet.api.schema.TableMetadata;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.NativeType;
import org.ringlet.api.types.UserType;
import org.ringlet.cql.ast.QualifiedName;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.schema.SystemKeyspaces;

/**
 * The schema elements a DESCRIBE names, in Cassandra's order: a keyspace, then its types (each after the types it
 * uses), then its tables; listings and keyspaces sorted by name (ignoring case). Not thread-safe: one per execution.
 */
final class SchemaElements {
    /** Cassandra's order of schema elements by name. */
    private static final Comparator<String> BY_NAME = String.CASE_INSENSITIVE_ORDER;

    private final Schema schema;
    private final String current;

    /**
     * @param current the client's current keyspace, or null
     */
    SchemaElements(Schema schema, String current) {
        this.schema = schema;
        this.current = current;
    }

    /** One described element: keyspace, kind and name, with the CQL recreating it. */
    record Element(String keyspace, String type, String name, Function<Boolean, String> cql) {
        List<ByteBuffer> row(boolean withCql, boolean internals) {
            List<ByteBuffer> out = new ArrayList<>(4);
            out.add(NativeType.TEXT.decompose(SchemaCql.name(keyspace)));
            out.add(NativeType.TEXT.decompose(type));
            out.add(NativeType.TEXT.decompose(name));
            if (withCql) {
                out.add(NativeType.TEXT.decompose(cql.apply(internals)));
            }
            return out;
        }
    }

    private static Element keyspaceElement(KeyspaceMetadata ks) {
        String cql = SchemaCql.keyspace(ks);
        return new Element(ks.name(), "keyspace", SchemaCql.name(ks.name()), internals -> cql);
    }

    private static Element tableElement(TableMetadata t) {
        return new Element(t.keyspace(), "table", SchemaCql.name(t.name()), internals -> SchemaCql.table(t,
                internals, c -> SystemKeyspaces.isExtension(t.keyspace(), t.name(), c.name())));
    }

    private static Element typeElement(UserType u) {
        String cql = SchemaCql.type(u);
        return new Element(u.keyspace(), "type", SchemaCql.name(u.name()), internals -> cql);
    }

    /** The elements of a DESCRIBE statement. */
    List<Element> describe(RawStatement.Describe d) {
        QualifiedName n = d.name();
        return switch (d.what()) {
            case KEYSPACES -> keyspacesSorted(true).stream().map(SchemaElements::keyspaceElement).toList();
            case SCHEMA, FULL_SCHEMA -> {
                List<Element> out = new ArrayList<>();
                for (KeyspaceMetadata ks : keyspacesSorted(d.what() == RawStatement.DescribeKind.FULL_SCHEMA)) {
                    out.addAll(keyspaceElements(ks, false));
                }
                yield out;
            }
            case KEYSPACE, ONLY_KEYSPACE -> keyspaceElements(keyspace(n == null ? requireCurrent() : n.name()),
                    d.what() == RawStatement.DescribeKind.ONLY_KEYSPACE);
            case TABLES -> listing(ks -> ks.tables().values().stream().map(SchemaElements::tableElement).toList());
            case TYPES -> listing(ks -> ks.types().values().stream().map(SchemaElements::typeElement).toList());
            case FUNCTIONS, AGGREGATES -> listing(ks -> List.of());
            case TABLE -> table(keyspace(keyspaceOf(n)), n.name());
            case TYPE -> {
                KeyspaceMetadata ks = keyspace(keyspaceOf(n));
                UserType u = ks.types().get(n.name());
                if (u == null) {
                    throw new InvalidRequestException("User defined type '" + n.name() + "' not found in '"
                            + ks.name() + "'");
                }
                yield List.of(typeElement(u));
            }
            case INDEX -> throw new InvalidRequestException("Table for existing index '" + n.name()
                    + "' not found in '" + keyspace(keyspaceOf(n)).name() + "'");
            case MATERIALIZED_VIEW -> throw new InvalidRequestException("Materialized view '" + n.name()
                    + "' not found in '" + keyspace(keyspaceOf(n)).name() + "'");
            case FUNCTION -> throw new InvalidRequestException("User defined function '" + n.name()
                    + "' not found in '" + keyspace(keyspaceOf(n)).name() + "'");
            case AGGREGATE -> throw new InvalidRequestException("User defined aggregate '" + n.name()
                    + "' not found in '" + keyspace(keyspaceOf(n)).name() + "'");
            case GENERIC -> generic(n);
            case CLUSTER -> throw new IllegalArgumentException("DESCRIBE CLUSTER describes no schema element");
        };
    }

    /** {@code DESCRIBE name}: a keyspace, else a table (then an index or a view) of the given or current keyspace. */
    private List<Element> generic(QualifiedName n) {
        String ks = n.keyspace();
        if (ks == null) {
            if (schema.keyspace(n.name()).isPresent()) {
                return keyspaceElements(schema.keyspace(n.name()).get(), false);
            }
            ks = current == null ? n.name() : current;
        }
        KeyspaceMetadata keyspace = keyspace(ks);
        if (keyspace.tables().containsKey(n.name())) {
            return table(keyspace, n.name());
        }
        throw new InvalidRequestException("'" + n.name() + "' not found in keyspace '" + ks + "'");
    }

    private List<Element> table(KeyspaceMetadata ks, String name) {
        TableMetadata t = ks.tables().get(name);
        if (t == null) {
            throw new InvalidRequestException("Table '" + name + "' not found in keyspace '" + ks.name() + "'");
        }
        return List.of(tableElement(t));
    }

    private String requireCurrent() {
        if (current == null) {
            throw new InvalidRequestException("No keyspace specified and no current keyspace");
        }
        return current;
    }

    private String keyspaceOf(QualifiedName n) {
        return n.keyspace() != null ? n.keyspace() : requireCurrent();
    }

    private KeyspaceMetadata keyspace(String name) {
        return schema.keyspace(name)
                .orElseThrow(() -> new InvalidRequestException("'" + name + "' not found in keyspaces"));
    }

    private List<KeyspaceMetadata> keyspacesSorted(boolean withSystem) {
        return schema.keyspaces().values().stream().filter(ks -> withSystem || !SystemKeyspaces.isSystem(ks.name()))
                .sorted(Comparator.comparing(KeyspaceMetadata::name, BY_NAME)).toList();
    }

    /** The elements of each keyspace (the current one only, when there is one), each keyspace's sorted by name. */
    private List<Element> listing(Function<KeyspaceMetadata, List<Element>> elements) {
        List<KeyspaceMetadata> keyspaces = current == null ? keyspacesSorted(true) : List.of(keyspace(current));
        List<Element> out = new ArrayList<>();
        for (KeyspaceMetadata ks : keyspaces) {
            List<Element> of = new ArrayList<>(elements.apply(ks));
            of.sort(Comparator.comparing(e -> unquoted(e.name()), BY_NAME));
            out.addAll(of);
        }
        return out;
    }

    private static String unquoted(String name) {
        return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
    }

    /** The keyspace, then (unless only the keyspace) its types in dependency order, then its tables. */
    private static List<Element> keyspaceElements(KeyspaceMetadata ks, boolean onlyKeyspace) {
        List<Element> out = new ArrayList<>();
        out.add(keyspaceElement(ks));
        if (onlyKeyspace) {
            return out;
        }
        for (UserType u : typesInDependencyOrder(ks)) {
            out.add(typeElement(u));
        }
        ks.tables().values().stream().sorted(Comparator.comparing(TableMetadata::name, BY_NAME))
                .forEach(t -> out.add(tableElement(t)));
        return out;
    }

    /** The keyspace's types, each after the types its fields use. */
    static List<UserType> typesInDependencyOrder(KeyspaceMetadata ks) {
        Set<String> done = new LinkedHashSet<>();
        ks.types().keySet().stream().sorted(BY_NAME).forEach(name -> visit(ks, name, done));
        List<UserType> out = new ArrayList<>();
        done.forEach(name -> out.add(ks.types().get(name)));
        return out;
    }

    private static void visit(KeyspaceMetadata ks, String name, Set<String> done) {
        UserType u = ks.types().get(name);
        if (u == null || done.contains(name)) {
            return;
        }
        for (CqlType f : u.declaredFieldTypes()) {
            dependencies(f).forEach(dep -> visit(ks, dep, done));
        }
        done.add(name);
    }

    private static List<String> dependencies(CqlType type) {
        List<String> out = new ArrayList<>();
        for (CqlType sub : type.subTypes()) {
            out.addAll(dependencies(sub));
        }
        if (type instanceof UserType u) {
            out.add(u.name());
        }
        return out;
    }
}
