package org.ringlet.cql.parser;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.tree.ParseTree;
import org.ringlet.api.error.SyntaxException;
import org.ringlet.cql.grammar.CqlParser;

/**
 * Stops at the first syntax error and reports it as a {@link SyntaxException} with Cassandra's wording: {@code
 * mismatched input 'x' expecting K_FROM} when one token would fit, {@code no viable alternative at input 'x'}
 * otherwise. The parser never recovers: a statement with a syntax error is never executed.
 */
final class CqlErrorStrategy extends DefaultErrorStrategy {
    private final String query;

    CqlErrorStrategy(String query) {
        this.query = query;
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        Token offending = e.getOffendingToken() != null ? e.getOffendingToken() : recognizer.getCurrentToken();
        String problem;
        if (e instanceof InputMismatchException) {
            problem = mismatch(offending, e.getExpectedTokens());
        } else if (e instanceof NoViableAltException nva) {
            throw new SyntaxException(SyntaxErrors.parserMessage(query, recognizer.getInputStream(), offending,
                    nva.getStartToken(), "no viable alternative at input " + SyntaxErrors.quoted(offending)));
        } else if (e instanceof FailedPredicateException) {
            problem = "no viable alternative at input " + SyntaxErrors.quoted(offending);
        } else {
            problem = e.getMessage() == null ? "syntax error" : e.getMessage();
        }
        throw syntaxError(recognizer, offending, problem);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        Token offending = recognizer.getCurrentToken();
        ParserRuleContext ctx = recognizer.getContext();
        if (ctx instanceof CqlParser.TermFunctionContext f && f.LPAREN() == null) {
            // a name where a term goes but no call follows: Cassandra's fixed lookahead finds no alternative for
            // the term at the token after the name
            throw new SyntaxException(SyntaxErrors.parserMessage(query, recognizer.getInputStream(), offending,
                    ctx.getStart(), "no viable alternative at input " + SyntaxErrors.quoted(offending)));
        }
        if (offending.getType() != Token.EOF && endsWithTerm(ctx)) {
            // what follows a complete term is decided with lookahead in Cassandra's parser too
            throw syntaxError(recognizer, offending, "no viable alternative at input "
                    + SyntaxErrors.quoted(offending));
        }
        throw syntaxError(recognizer, offending, mismatch(offending, recognizer.getExpectedTokens()));
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        throw syntaxError(recognizer, recognizer.getCurrentToken(),
                "no viable alternative at input " + SyntaxErrors.quoted(recognizer.getCurrentToken()));
    }

    @Override
    public void sync(Parser recognizer) {
        // no single-token deletion or insertion: errors surface where the rule that cannot match them is
    }

    /** Whether the input matched so far in this rule ends with a complete term (however deeply nested). */
    private static boolean endsWithTerm(ParserRuleContext ctx) {
        ParseTree last = ctx.getChildCount() == 0 ? null : ctx.getChild(ctx.getChildCount() - 1);
        while (last instanceof ParserRuleContext rule) {
            if (rule instanceof CqlParser.TermContext) {
                return true;
            }
            last = rule.getChildCount() == 0 ? null : rule.getChild(rule.getChildCount() - 1);
        }
        return false;
    }

    private static String mismatch(Token offending, IntervalSet expected) {
        if (expected != null && expected.size() == 1 && (expected.getMinElement() != Token.EOF
                || isKeyword(offending))) {
            return "mismatched input " + SyntaxErrors.quoted(offending) + " expecting "
                    + SyntaxErrors.tokenName(expected.getMinElement());
        }
        if (expected != null && expected.contains(Token.EOF)) {
            return "mismatched input " + SyntaxErrors.quoted(offending) + " expecting EOF";
        }
        return "no viable alternative at input " + SyntaxErrors.quoted(offending);
    }

    private static boolean isKeyword(Token token) {
        return SyntaxErrors.isKeyword(token);
    }

    private SyntaxException syntaxError(Parser recognizer, Token offending, String problem) {
        return new SyntaxException(SyntaxErrors.parserMessage(query, recognizer.getInputStream(), offending,
                problem));
    }
}
