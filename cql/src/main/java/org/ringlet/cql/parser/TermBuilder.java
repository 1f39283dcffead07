package org.ringlet.cql.parser;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.antlr.v4.runtime.Token;
import org.ringlet.api.error.SyntaxException;
import org.ringlet.cql.ast.QualifiedName;
import org.ringlet.cql.ast.RawTerm;
import org.ringlet.cql.ast.RawType;
import org.ringlet.cql.grammar.CqlParser;

/**
 * Builds terms, constants, bind markers and types. Numbers bind markers in the order they are built, which is
 * their order of appearance in the statement. Not thread-safe: one instance per parse.
 */
final class TermBuilder {
    private final List<RawTerm.Marker> markers = new ArrayList<>();

    /** The markers built so far, in index order. */
    List<RawTerm.Marker> markers() {
        return List.copyOf(markers);
    }

    RawTerm term(CqlParser.TermContext ctx) {
        if (ctx instanceof CqlParser.TermSimpleContext s) {
            return simpleTerm(s.simpleTerm());
        }
        if (ctx instanceof CqlParser.TermNegationContext n) {
            RawTerm inner = term(n.term());
            // '-NaN' and '-Infinity' are constants, as are numbers the lexer did not already read with their sign
            if (inner instanceof RawTerm.Literal l && (l.kind() == RawTerm.LiteralKind.FLOAT
                    || l.kind() == RawTerm.LiteralKind.INTEGER) && !l.text().startsWith("-")) {
                return new RawTerm.Literal(l.kind(), "-" + l.text());
            }
            return new RawTerm.Negation(inner);
        }
        if (ctx instanceof CqlParser.TermMultiplicationContext m) {
            return new RawTerm.Arithmetic(m.op.getText().charAt(0), term(m.term(0)), term(m.term(1)));
        }
        CqlParser.TermAdditionContext a = (CqlParser.TermAdditionContext) ctx;
        return new RawTerm.Arithmetic(a.op.getText().charAt(0), term(a.term(0)), term(a.term(1)));
    }

    List<RawTerm> terms(List<CqlParser.TermContext> ctxs) {
        List<RawTerm> out = new ArrayList<>(ctxs.size());
        for (CqlParser.TermContext c : ctxs) {
            out.add(term(c));
        }
        return out;
    }

    RawTerm simpleTerm(CqlParser.SimpleTermContext ctx) {
        if (ctx instanceof CqlParser.TermValueContext v) {
            return value(v.value());
        }
        if (ctx instanceof CqlParser.TermFunctionContext f) {
            QualifiedName name = Names.function(f.functionName());
            return new RawTerm.FunctionCall(name, terms(f.term()));
        }
        CqlParser.TermTypeHintContext h = (CqlParser.TermTypeHintContext) ctx;
        return new RawTerm.TypeHint(type(h.cqlType()), simpleTerm(h.simpleTerm()));
    }

    RawTerm value(CqlParser.ValueContext ctx) {
        if (ctx instanceof CqlParser.ConstantValueContext c) {
            return constant(c.constant());
        }
        if (ctx instanceof CqlParser.NullValueContext) {
            return new RawTerm.Null();
        }
        if (ctx instanceof CqlParser.BindMarkerValueContext b) {
            return marker(b.bindMarker());
        }
        if (ctx instanceof CqlParser.TupleValueContext t) {
            return new RawTerm.TupleLiteral(terms(t.tupleLiteral().term()));
        }
        if (ctx instanceof CqlParser.UserTypeValueContext u) {
            CqlParser.UserTypeLiteralContext l = u.userTypeLiteral();
            List<Map.Entry<String, RawTerm>> fields = new ArrayList<>();
            for (int i = 0; i < l.ident().size(); i++) {
                fields.add(new AbstractMap.SimpleImmutableEntry<>(Names.ident(l.ident(i)), term(l.term(i))));
            }
            return new RawTerm.UserTypeLiteral(fields);
        }
        CqlParser.CollectionLiteralContext coll = ((CqlParser.CollectionValueContext) ctx).collectionLiteral();
        if (coll instanceof CqlParser.ListLiteralContext l) {
            return new RawTerm.ListLiteral(terms(l.term()));
        }
        if (coll instanceof CqlParser.SetLiteralContext s) {
            return new RawTerm.SetLiteral(terms(s.term()));
        }
        return mapLiteral(((CqlParser.MapLiteralValueContext) coll).mapLiteral());
    }

    RawTerm.MapLiteral mapLiteral(CqlParser.MapLiteralContext ctx) {
        List<Map.Entry<RawTerm, RawTerm>> entries = new ArrayList<>();
        List<CqlParser.TermContext> t = ctx.term();
        for (int i = 0; i + 1 < t.size(); i += 2) {
            entries.add(new AbstractMap.SimpleImmutableEntry<>(term(t.get(i)), term(t.get(i + 1))));
        }
        return new RawTerm.MapLiteral(entries);
    }

    RawTerm.Marker marker(CqlParser.BindMarkerContext ctx) {
        String name = ctx instanceof CqlParser.NamedMarkerContext n ? Names.ident(n.ident()) : null;
        RawTerm.Marker m = new RawTerm.Marker(markers.size(), name);
        markers.add(m);
        return m;
    }

    RawTerm.Literal constant(CqlParser.ConstantContext ctx) {
        Token t = ctx.getStart();
        if (ctx.K_NAN() != null || ctx.K_INFINITY() != null) {
            String word = ctx.K_NAN() != null ? "NaN" : "Infinity";
            return new RawTerm.Literal(RawTerm.LiteralKind.FLOAT, ctx.MINUS() != null ? "-" + word : word);
        }
        String text = t.getText();
        return switch (t.getType()) {
            case CqlParser.STRING_LITERAL -> new RawTerm.Literal(RawTerm.LiteralKind.STRING,
                    Names.stringLiteral(text));
            case CqlParser.INTEGER -> new RawTerm.Literal(RawTerm.LiteralKind.INTEGER, text);
            case CqlParser.FLOAT -> {
                checkFloat(text);
                yield new RawTerm.Literal(RawTerm.LiteralKind.FLOAT, text);
            }
            case CqlParser.BOOLEAN -> new RawTerm.Literal(RawTerm.LiteralKind.BOOLEAN, text.toLowerCase(Locale.ROOT));
            case CqlParser.DURATION, CqlParser.ISO_DURATION -> new RawTerm.Literal(RawTerm.LiteralKind.DURATION,
                    text);
            case CqlParser.UUID -> new RawTerm.Literal(RawTerm.LiteralKind.UUID, text);
            case CqlParser.HEXNUMBER -> new RawTerm.Literal(RawTerm.LiteralKind.HEX, text);
            default -> throw new SyntaxException("Unexpected constant " + text);
        };
    }

    /**
     * Fails as Cassandra's parser does for a float constant beyond double's range: it finds a constant's preferred
     * type while parsing (CqlParsers turns this into "Failed parsing statement").
     *
     * @throws NumberFormatException with the JDK's message for the infinite double
     */
    static void checkFloat(String text) {
        new java.math.BigDecimal(Double.toString(new java.math.BigDecimal(text).doubleValue()));
    }

    /** The text of a constant as a property value: a string without quotes, other constants as written. */
    static String constantText(CqlParser.ConstantContext ctx) {
        if (ctx.STRING_LITERAL() != null) {
            return Names.stringLiteral(ctx.STRING_LITERAL().getText());
        }
        return ctx.getText();
    }

    RawType type(CqlParser.CqlTypeContext ctx) {
        if (ctx instanceof CqlParser.SetTypeContext s) {
            return new RawType.Parameterized("set", List.of(type(s.cqlType())));
        }
        if (ctx instanceof CqlParser.ParameterizedTypeContext p) {
            List<Object> args = new ArrayList<>();
            for (CqlParser.TypeArgumentContext a : p.typeArgument()) {
                if (a.INTEGER() != null) {
                    try {
                        args.add(Integer.parseInt(a.INTEGER().getText()));
                    } catch (NumberFormatException e) {
                        throw new SyntaxException("Invalid type argument " + a.INTEGER().getText());
                    }
                } else {
                    args.add(type(a.cqlType()));
                }
            }
            return new RawType.Parameterized(Names.ident(p.ident()).toLowerCase(Locale.ROOT), args);
        }
        if (ctx instanceof CqlParser.CustomTypeContext c) {
            return new RawType.Custom(Names.stringLiteral(c.STRING_LITERAL().getText()));
        }
        CqlParser.NamedTypeContext n = (CqlParser.NamedTypeContext) ctx;
        return new RawType.Named(new QualifiedName(Names.keyspace(n.keyspaceName()), Names.ident(n.ident())),
                Names.isQuoted(n.ident()));
    }
}
