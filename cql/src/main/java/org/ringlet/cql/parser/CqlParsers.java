package org.ringlet.cql.parser;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.ringlet.api.error.SyntaxException;
import org.ringlet.cql.grammar.CqlLexer;
import org.ringlet.cql.grammar.CqlParser;

import static java.util.Objects.requireNonNull;

/**
 * Parses CQL statements. Tries the fast SLL prediction first and falls back to full LL only when SLL fails, so
 * valid statements pay the cheap path and every error is reported by the exact one.
 *
 * <p>Stateless and thread-safe (ANTLR shares its prediction caches between parser instances safely).
 */
public final class CqlParsers {
    private CqlParsers() {
    }

    /**
     * Parses one statement (an optional trailing {@code ;} is allowed).
     *
     * @throws SyntaxException with Cassandra's message when the text is not a statement
     */
    public static ParsedStatement parse(String query) {
        requireNonNull(query, "query is null");
        try {
            return parseChecked(query);
        } catch (StackOverflowError e) {
            // NestingLimit should have refused anything this deep; never let an Error reach the request path
            throw new SyntaxException("line 1:0 statement nested too deeply to parse");
        }
    }

    private static ParsedStatement parseChecked(String query) {
        CqlLexer lexer = new CqlLexer(CharStreams.fromString(query));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new LexerErrorListener(query));
        NestingLimit.check(query);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        CqlParser parser = new CqlParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        CqlParser.RootContext root;
        try {
            root = parser.root();
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new CqlErrorStrategy(query));
            try {
                root = parser.root();
            } catch (SyntaxException error) {
                throw unreadableConstantBefore(query, tokens, parser.getCurrentToken().getTokenIndex(), error);
            }
        }
        AstBuilder builder = new AstBuilder();
        try {
            return new ParsedStatement(builder.statement(root.statement()), builder.markers());
        } catch (NumberFormatException e) {
            throw unreadable(query, e);
        }
    }

    /** Cassandra's words for a constant its parser cannot read (a float beyond double's range). */
    private static SyntaxException unreadable(String query, NumberFormatException e) {
        return new SyntaxException("Failed parsing statement: [" + query + "] reason: "
                + e.getClass().getSimpleName() + " " + e.getMessage());
    }

    /**
     * Cassandra's parser reads constants as it goes, so an unreadable constant before a syntax error is what it
     * reports.
     */
    private static SyntaxException unreadableConstantBefore(String query, CommonTokenStream tokens, int errorIndex,
                                                            SyntaxException error) {
        for (int i = 0; i < errorIndex && i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getType() == CqlLexer.FLOAT) {
                try {
                    TermBuilder.checkFloat(t.getText());
                } catch (NumberFormatException e) {
                    return unreadable(query, e);
                }
            }
        }
        return error;
    }
}
