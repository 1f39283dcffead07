package org.ringlet.cql.parser;

import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.VocabularyImpl;
import org.ringlet.cql.grammar.CqlParser;

/**
 * Formats syntax errors the way Cassandra reports them: {@code line L:C <problem> (<snippet>)}, where the snippet
 * shows up to ten tokens before the offending one, the offending token in brackets, and {@code ...} where the query
 * goes on. Errors at the end of the input say {@code line 0:-1} and have no snippet.
 */
final class SyntaxErrors {
    /** How many tokens (hidden ones included) before the offending token the snippet starts. */
    private static final int SNIPPET_TOKENS_BEFORE = 10;


    private SyntaxErrors() {
    }

    /** Token names as messages show them: keywords by symbolic name (K_FROM), punctuation by literal ('='). */
    private static Vocabulary displayVocabulary() {
        Vocabulary v = CqlParser.VOCABULARY;
        int max = v.getMaxTokenType();
        String[] literal = new String[max + 1];
        String[] symbolic = new String[max + 1];
        for (int i = 0; i <= max; i++) {
            String sym = v.getSymbolicName(i);
            symbolic[i] = sym;
            literal[i] = sym != null && sym.startsWith("K_") ? null : v.getLiteralName(i);
        }
        return new VocabularyImpl(literal, symbolic);
    }

    /** Whether a token is a keyword. */
    static boolean isKeyword(Token token) {
        String name = token.getType() == Token.EOF ? null : CqlParser.VOCABULARY.getSymbolicName(token.getType());
        return name != null && name.startsWith("K_");
    }

    /** The name of a token type for "expecting ..." parts. */
    static String tokenName(int type) {
        if (type == Token.EOF) {
            return "EOF";
        }
        return displayVocabulary().getDisplayName(type);
    }

    /** How an offending token is shown: quoted text, or {@code '<EOF>'}. */
    static String quoted(Token token) {
        if (token.getType() == Token.EOF) {
            return "'<EOF>'";
        }
        String text = text(token).replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        return "'" + text + "'";
    }

    /** A token's text as Cassandra's lexer leaves it: a string literal without its quotes (quotes undoubled). */
    private static String text(Token token) {
        return token.getType() == CqlParser.STRING_LITERAL ? Names.stringLiteral(token.getText()) : token.getText();
    }

    /** The index of the last character of a token as Cassandra counts it: its start plus its (lexer) text. */
    private static int stop(Token token) {
        return token.getType() == CqlParser.STRING_LITERAL ? token.getStartIndex() + text(token).length() - 1
                : token.getStopIndex();
    }

    /** The message for a parser error at {@code offending}. */
    static String parserMessage(String query, TokenStream tokens, Token offending, String problem) {
        return parserMessage(query, tokens, offending, offending, problem);
    }

    /**
     * The message for a parser error at {@code offending} found while deciding between alternatives that start at
     * {@code decision}: as Cassandra's (ANTLR 3, fixed lookahead) parser reports it, the snippet is centred on the
     * token before the offending one when the decision started earlier, and runs to the offending token.
     */
    static String parserMessage(String query, TokenStream tokens, Token offending, Token decision, String problem) {
        if (offending.getType() == Token.EOF) {
            return "line 0:-1 " + problem;
        }
        StringBuilder sb = new StringBuilder()
                .append("line ").append(offending.getLine()).append(':').append(offending.getCharPositionInLine())
                .append(' ').append(problem);
        Token highlighted = offending;
        if (decision != null && decision.getTokenIndex() >= 0 && decision.getTokenIndex() < offending.getTokenIndex()) {
            // ANTLR 3 failed one token into its lookahead: the token before the offending one
            for (int i = offending.getTokenIndex() - 1; i >= decision.getTokenIndex(); i--) {
                if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
                    highlighted = tokens.get(i);
                    break;
                }
            }
        }
        appendSnippet(sb, query, tokens, highlighted, offending);
        return sb.toString();
    }

    private static void appendSnippet(StringBuilder sb, String query, TokenStream tokens, Token highlighted,
                                      Token last) {
        int index = highlighted.getTokenIndex();
        if (index < 0) {
            return;
        }
        Token from = tokens.get(Math.max(0, index - SNIPPET_TOKENS_BEFORE));
        int start = from.getStartIndex();
        int hlEnd = stop(highlighted) + 1;
        int end = last.getType() == Token.EOF ? hlEnd : Math.max(hlEnd, stop(last) + 1);
        if (start < 0 || end > query.length() || start > highlighted.getStartIndex()) {
            return;
        }
        sb.append(" (");
        if (start > 0) {
            sb.append("...");
        }
        sb.append(query, start, highlighted.getStartIndex())
                .append('[').append(query, highlighted.getStartIndex(), hlEnd).append(']')
                .append(query, hlEnd, end);
        if (end < query.length()) {
            sb.append("...");
        }
        sb.append(')');
    }
}
