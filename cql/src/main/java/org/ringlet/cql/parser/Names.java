package org.ringlet.cql.parser;

import java.util.Locale;

import org.antlr.v4.runtime.tree.TerminalNode;
import org.ringlet.cql.ast.QualifiedName;
import org.ringlet.cql.grammar.CqlParser;

/** Identifier folding: unquoted names are lower-cased, quoted names keep their case with {@code ""} undone. */
final class Names {
    private Names() {
    }

    static String ident(CqlParser.IdentContext ctx) {
        TerminalNode quoted = ctx.QUOTED_NAME();
        if (quoted != null) {
            String text = quoted.getText();
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return ctx.getText().toLowerCase(Locale.ROOT);
    }

    static boolean isQuoted(CqlParser.IdentContext ctx) {
        return ctx.QUOTED_NAME() != null;
    }

    static String keyspace(CqlParser.KeyspaceNameContext ctx) {
        return ctx == null ? null : ident(ctx.ident());
    }

    static QualifiedName table(CqlParser.TableNameContext ctx) {
        return new QualifiedName(keyspace(ctx.keyspaceName()), ident(ctx.ident()));
    }

    static QualifiedName userType(CqlParser.UserTypeNameContext ctx) {
        return new QualifiedName(keyspace(ctx.keyspaceName()), ident(ctx.ident()));
    }

    static QualifiedName qualified(CqlParser.QualifiedNameContext ctx) {
        return new QualifiedName(keyspace(ctx.keyspaceName()), ident(ctx.ident()));
    }

    static QualifiedName function(CqlParser.FunctionNameContext ctx) {
        CqlParser.FunctionIdentContext f = ctx.functionIdent();
        TerminalNode quoted = f.QUOTED_NAME();
        String name = quoted != null ? quoted.getText().substring(1, quoted.getText().length() - 1)
                .replace("\"\"", "\"") : f.getText().toLowerCase(Locale.ROOT);
        return new QualifiedName(keyspace(ctx.keyspaceName()), name);
    }

    /** The text of a string literal token without its quotes. */
    static String stringLiteral(String token) {
        if (token.startsWith("$$")) {
            return token.substring(2, token.length() - 2);
        }
        return token.substring(1, token.length() - 1).replace("''", "'");
    }
}
