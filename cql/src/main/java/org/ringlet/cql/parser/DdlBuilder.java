package org.ringlet.cql.parser;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.ringlet.api.error.SyntaxException;
import org.ringlet.api.types.NativeType;
import org.ringlet.cql.ast.QualifiedName;
import org.ringlet.cql.ast.RawProperties;
import org.ringlet.cql.ast.RawStatement;
import org.ringlet.cql.ast.RawTerm;
import org.ringlet.cql.grammar.CqlLexer;
import org.ringlet.cql.grammar.CqlParser;

/** Builds the DDL statements. Not thread-safe: one instance per parse. */
final class DdlBuilder {
    private final TermBuilder terms;

    DdlBuilder(TermBuilder terms) {
        this.terms = terms;
    }

    RawStatement statement(CqlParser.StatementContext ctx) {
        if (ctx.describeStatement() != null) {
            return describe(ctx.describeStatement());
        }
        if (ctx.createKeyspaceStatement() != null) {
            CqlParser.CreateKeyspaceStatementContext c = ctx.createKeyspaceStatement();
            return new RawStatement.CreateKeyspace(Names.keyspace(c.keyspaceName()), c.ifNotExists() != null,
                    properties(c.properties()));
        }
        if (ctx.alterKeyspaceStatement() != null) {
            CqlParser.AlterKeyspaceStatementContext c = ctx.alterKeyspaceStatement();
            return new RawStatement.AlterKeyspace(Names.keyspace(c.keyspaceName()), c.ifExists() != null,
                    properties(c.properties()));
        }
        if (ctx.dropKeyspaceStatement() != null) {
            CqlParser.DropKeyspaceStatementContext c = ctx.dropKeyspaceStatement();
            return new RawStatement.DropKeyspace(Names.keyspace(c.keyspaceName()), c.ifExists() != null);
        }
        if (ctx.createTableStatement() != null) {
            return createTable(ctx.createTableStatement());
        }
        if (ctx.alterTableStatement() != null) {
            CqlParser.AlterTableStatementContext c = ctx.alterTableStatement();
            return new RawStatement.AlterTable(Names.table(c.tableName()), c.ifExists() != null,
                    alteration(c.alterTableInstruction()));
        }
        if (ctx.dropTableStatement() != null) {
            CqlParser.DropTableStatementContext c = ctx.dropTableStatement();
            return new RawStatement.DropTable(Names.table(c.tableName()), c.ifExists() != null);
        }
        if (ctx.createTypeStatement() != null) {
            CqlParser.CreateTypeStatementContext c = ctx.createTypeStatement();
            List<RawStatement.Field> fields = new ArrayList<>();
            for (CqlParser.TypeFieldContext f : c.typeField()) {
                fields.add(new RawStatement.Field(Names.ident(f.ident()), terms.type(f.cqlType())));
            }
            return new RawStatement.CreateType(userTypeName(c.userTypeName()), c.ifNotExists() != null, fields);
        }
        if (ctx.alterTypeStatement() != null) {
            CqlParser.AlterTypeStatementContext c = ctx.alterTypeStatement();
            return new RawStatement.AlterType(userTypeName(c.userTypeName()), c.ifExists() != null,
                    typeAlteration(c.alterTypeInstruction()));
        }
        if (ctx.dropTypeStatement() != null) {
            CqlParser.DropTypeStatementContext c = ctx.dropTypeStatement();
            return new RawStatement.DropType(userTypeName(c.userTypeName()), c.ifExists() != null);
        }
        if (ctx.createIndexStatement() != null) {
            return createIndex(ctx.createIndexStatement());
        }
        CqlParser.DropIndexStatementContext c = ctx.dropIndexStatement();
        return new RawStatement.DropIndex(Names.qualified(c.qualifiedName()), c.ifExists() != null);
    }

    private static RawStatement.Describe describe(CqlParser.DescribeStatementContext ctx) {
        boolean internals = ctx.K_INTERNALS() != null;
        CqlParser.DescribeTargetContext t = ctx.describeTarget();
        RawStatement.DescribeKind kind;
        QualifiedName name = null;
        if (t instanceof CqlParser.DescribeSchemaContext s) {
            kind = s.K_FULL() != null ? RawStatement.DescribeKind.FULL_SCHEMA : RawStatement.DescribeKind.SCHEMA;
        } else if (t instanceof CqlParser.DescribeClusterContext) {
            kind = RawStatement.DescribeKind.CLUSTER;
        } else if (t instanceof CqlParser.DescribeKeyspacesContext) {
            kind = RawStatement.DescribeKind.KEYSPACES;
        } else if (t instanceof CqlParser.DescribeKeyspaceContext k) {
            kind = k.K_ONLY() != null ? RawStatement.DescribeKind.ONLY_KEYSPACE : RawStatement.DescribeKind.KEYSPACE;
            name = k.keyspaceName() == null ? null : new QualifiedName(null, Names.keyspace(k.keyspaceName()));
        } else if (t instanceof CqlParser.DescribeTablesContext) {
            kind = RawStatement.DescribeKind.TABLES;
        } else if (t instanceof CqlParser.DescribeTableContext d) {
            kind = RawStatement.DescribeKind.TABLE;
            name = Names.table(d.tableName());
        } else if (t instanceof CqlParser.DescribeIndexContext d) {
            kind = RawStatement.DescribeKind.INDEX;
            name = Names.table(d.tableName());
        } else if (t instanceof CqlParser.DescribeViewContext d) {
            kind = RawStatement.DescribeKind.MATERIALIZED_VIEW;
            name = Names.table(d.tableName());
        } else if (t instanceof CqlParser.DescribeTypesContext) {
            kind = RawStatement.DescribeKind.TYPES;
        } else if (t instanceof CqlParser.DescribeTypeContext d) {
            kind = RawStatement.DescribeKind.TYPE;
            name = userTypeName(d.userTypeName());
        } else if (t instanceof CqlParser.DescribeFunctionsContext) {
            kind = RawStatement.DescribeKind.FUNCTIONS;
        } else if (t instanceof CqlParser.DescribeFunctionContext d) {
            kind = RawStatement.DescribeKind.FUNCTION;
            name = Names.function(d.functionName());
        } else if (t instanceof CqlParser.DescribeAggregatesContext) {
            kind = RawStatement.DescribeKind.AGGREGATES;
        } else if (t instanceof CqlParser.DescribeAggregateContext d) {
            kind = RawStatement.DescribeKind.AGGREGATE;
            name = Names.function(d.functionName());
        } else {
            kind = RawStatement.DescribeKind.GENERIC;
            name = Names.qualified(((CqlParser.DescribeGenericContext) t).qualifiedName());
        }
        return new RawStatement.Describe(kind, name, internals);
    }

    /**
     * The name of a type being defined, altered or dropped. As in Cassandra's grammar, a native type name cannot name
     * a user type unquoted: it is read as a keyspace name, so a {@code .} must follow.
     */
    private static QualifiedName userTypeName(CqlParser.UserTypeNameContext ctx) {
        QualifiedName name = Names.userType(ctx);
        if (name.keyspace() == null && !Names.isQuoted(ctx.ident()) && NativeType.byName(name.name()) != null) {
            String query = ctx.start.getInputStream().getText(Interval.of(0, ctx.start.getInputStream().size() - 1));
            CommonTokenStream tokens = new CommonTokenStream(new CqlLexer(CharStreams.fromString(query)));
            tokens.fill();
            Token next = tokens.get(ctx.stop.getTokenIndex() + 1);
            for (int i = ctx.stop.getTokenIndex() + 1; next.getChannel() != Token.DEFAULT_CHANNEL; i++) {
                next = tokens.get(i);
            }
            throw new SyntaxException(SyntaxErrors.parserMessage(query, tokens, next, "mismatched input "
                    + SyntaxErrors.quoted(next) + " expecting '.'"));
        }
        return name;
    }

    private RawStatement.CreateTable createTable(CqlParser.CreateTableStatementContext ctx) {
        List<RawStatement.ColumnDefinition> columns = new ArrayList<>();
        List<RawStatement.PrimaryKey> keys = new ArrayList<>();
        for (CqlParser.TableElementContext e : ctx.tableElement()) {
            if (e instanceof CqlParser.ColumnDefinitionContext c) {
                columns.add(new RawStatement.ColumnDefinition(Names.ident(c.ident()), terms.type(c.cqlType()),
                        c.K_STATIC() != null, c.K_PRIMARY() != null));
            } else {
                CqlParser.PrimaryKeyDefinitionContext p = (CqlParser.PrimaryKeyDefinitionContext) e;
                List<String> partition = new ArrayList<>();
                p.partitionKeyDefinition().ident().forEach(i -> partition.add(Names.ident(i)));
                List<String> clustering = new ArrayList<>();
                p.ident().forEach(i -> clustering.add(Names.ident(i)));
                keys.add(new RawStatement.PrimaryKey(partition, clustering));
            }
        }
        List<RawStatement.Ordering> clusteringOrder = new ArrayList<>();
        boolean compact = false;
        List<Map.Entry<String, Object>> props = new ArrayList<>();
        for (CqlParser.TableOptionContext o : ctx.tableOption()) {
            if (o.property() != null) {
                props.add(property(o.property()));
            } else if (o.K_COMPACT() != null) {
                compact = true;
            } else {
                if (!clusteringOrder.isEmpty()) {
                    throw new SyntaxException("Multiple definition for CLUSTERING ORDER BY");
                }
                for (CqlParser.OrderingContext or : o.ordering()) {
                    clusteringOrder.add(SelectBuilder.ordering(or));
                }
            }
        }
        return new RawStatement.CreateTable(Names.table(ctx.tableName()), ctx.ifNotExists() != null, columns, keys,
                clusteringOrder, compact, checked(props));
    }

    private RawStatement.TableAlteration alteration(CqlParser.AlterTableInstructionContext ctx) {
        if (ctx instanceof CqlParser.AlterColumnTypeContext a) {
            return new RawStatement.AlterColumnType(Names.ident(a.ident()), terms.type(a.cqlType()));
        }
        if (ctx instanceof CqlParser.AddColumnsContext a) {
            List<RawStatement.ColumnDefinition> columns = new ArrayList<>();
            for (CqlParser.AddedColumnContext c : a.addedColumn()) {
                columns.add(new RawStatement.ColumnDefinition(Names.ident(c.ident()), terms.type(c.cqlType()),
                        c.K_STATIC() != null, false));
            }
            return new RawStatement.AddColumns(a.ifNotExists() != null, columns);
        }
        if (ctx instanceof CqlParser.DropColumnsContext d) {
            List<String> columns = new ArrayList<>();
            d.ident().forEach(i -> columns.add(Names.ident(i)));
            Long timestamp = null;
            if (d.INTEGER() != null) {
                try {
                    timestamp = Long.parseLong(d.INTEGER().getText());
                } catch (NumberFormatException e) {
                    throw new SyntaxException("Invalid timestamp " + d.INTEGER().getText());
                }
            }
            return new RawStatement.DropColumns(d.ifExists() != null, columns, timestamp);
        }
        if (ctx instanceof CqlParser.DropCompactStorageContext) {
            return new RawStatement.DropCompactStorage();
        }
        if (ctx instanceof CqlParser.RenameColumnsContext r) {
            return new RawStatement.RenameColumns(r.ifExists() != null, pairs(r.ident()));
        }
        return new RawStatement.AlterOptions(properties(((CqlParser.AlterOptionsContext) ctx).properties()));
    }

    private RawStatement.TypeAlteration typeAlteration(CqlParser.AlterTypeInstructionContext ctx) {
        if (ctx instanceof CqlParser.AddFieldContext a) {
            return new RawStatement.AddField(a.ifNotExists() != null,
                    new RawStatement.Field(Names.ident(a.ident()), terms.type(a.cqlType())));
        }
        if (ctx instanceof CqlParser.RenameFieldsContext r) {
            return new RawStatement.RenameFields(r.ifExists() != null, pairs(r.ident()));
        }
        CqlParser.AlterFieldTypeContext a = (CqlParser.AlterFieldTypeContext) ctx;
        return new RawStatement.AlterFieldType(Names.ident(a.ident()), terms.type(a.cqlType()));
    }

    private static List<List<String>> pairs(List<CqlParser.IdentContext> idents) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i + 1 < idents.size(); i += 2) {
            out.add(List.of(Names.ident(idents.get(i)), Names.ident(idents.get(i + 1))));
        }
        return out;
    }

    private RawStatement.CreateIndex createIndex(CqlParser.CreateIndexStatementContext ctx) {
        List<RawStatement.IndexTarget> targets = new ArrayList<>();
        for (CqlParser.IndexTargetContext t : ctx.indexTarget()) {
            String kind = t.kind == null ? "values" : t.kind.getText().toLowerCase(Locale.ROOT);
            targets.add(new RawStatement.IndexTarget(Names.ident(t.ident()), kind));
        }
        String name = ctx.ident() == null ? null : Names.ident(ctx.ident());
        String custom = ctx.STRING_LITERAL() == null ? null : Names.stringLiteral(ctx.STRING_LITERAL().getText());
        RawProperties props = ctx.properties() == null ? RawProperties.NONE : properties(ctx.properties());
        QualifiedName table = Names.table(ctx.tableName());
        return new RawStatement.CreateIndex(table, name, ctx.ifNotExists() != null, ctx.K_CUSTOM() != null, targets,
                custom, props);
    }

    RawProperties properties(CqlParser.PropertiesContext ctx) {
        List<Map.Entry<String, Object>> out = new ArrayList<>();
        for (CqlParser.PropertyContext p : ctx.property()) {
            out.add(property(p));
        }
        return checked(out);
    }

    private static RawProperties checked(List<Map.Entry<String, Object>> props) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : props) {
            if (seen.put(e.getKey(), Boolean.TRUE) != null) {
                throw new SyntaxException("Multiple definitions for property '" + e.getKey() + "'");
            }
        }
        return new RawProperties(props);
    }

    private Map.Entry<String, Object> property(CqlParser.PropertyContext ctx) {
        String name = Names.ident(ctx.ident());
        CqlParser.PropertyValueContext v = ctx.propertyValue();
        Object value;
        if (v != null && v.constant() != null) {
            value = TermBuilder.constantText(v.constant());
        } else if (v != null) {
            value = v.unreservedKeyword().getText().toLowerCase(Locale.ROOT);
        } else {
            Map<String, String> map = new LinkedHashMap<>();
            for (Map.Entry<RawTerm, RawTerm> e : terms.mapLiteral(ctx.mapLiteral()).entries()) {
                map.put(propertyText(e.getKey(), name), propertyText(e.getValue(), name));
            }
            value = map;
        }
        return new AbstractMap.SimpleImmutableEntry<>(name, value);
    }

    private static String propertyText(RawTerm term, String property) {
        if (term instanceof RawTerm.Literal l) {
            return l.text();
        }
        throw new SyntaxException("Invalid value for property '" + property + "'. It should be a map of constants");
    }
}
