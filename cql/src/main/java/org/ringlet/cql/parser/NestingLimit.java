package org.ringlet.cql.parser;

import java.util.Locale;
import java.util.Set;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.ringlet.api.error.SyntaxException;
import org.ringlet.cql.grammar.CqlLexer;

/**
 * Refuses statements nested deeper than {@value #MAX_DEPTH} levels of brackets — parentheses, collection and
 * tuple literals, and type parameters ({@code frozen<list<...>>}) — in a lexing pass of their own (lexing errors
 * are left to the parser, so its messages do not change) before the parser sees them: the recursive
 * descent would otherwise run out of stack on hostile input (found by fuzzing with ten thousand nested
 * parentheses) and an {@link Error} would reach the request path. No real statement comes near the limit; core-api's
 * type parser has the same one.
 */
final class NestingLimit {
    /** The deepest nesting accepted. */
    static final int MAX_DEPTH = 100;
    private static final Set<String> TYPE_WORDS = Set.of("frozen", "list", "set", "map", "tuple", "vector");

    private NestingLimit() {
    }

    /**
     * @throws SyntaxException naming the line and column where the nesting goes past the limit
     */
    static void check(String query) {
        CqlLexer lexer = new CqlLexer(CharStreams.fromString(query));
        lexer.removeErrorListeners();
        int depth = 0;
        int angles = 0;
        Token previous = null;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            String text = t.getText();
            switch (text) {
                case "(", "[", "{" -> depth++;
                case ")", "]", "}" -> depth = Math.max(0, depth - 1);
                case "<" -> {
                    if (previous != null && TYPE_WORDS.contains(previous.getText().toLowerCase(Locale.ROOT))) {
                        depth++;
                        angles++;
                    }
                }
                case ">" -> {
                    if (angles > 0) {
                        angles--;
                        depth = Math.max(0, depth - 1);
                    }
                }
                default -> {
                    // other tokens do not nest
                }
            }
            if (depth > MAX_DEPTH) {
                throw new SyntaxException("line " + t.getLine() + ":" + t.getCharPositionInLine()
                        + " statement nested more than " + MAX_DEPTH + " levels deep");
            }
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                previous = t;
            }
        }
    }
}
