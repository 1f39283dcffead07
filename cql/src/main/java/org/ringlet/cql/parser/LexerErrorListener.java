package org.ringlet.cql.parser;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.ringlet.api.error.SyntaxException;

/**
 * Reports the first lexer error with Cassandra's wording: an unterminated string or quoted name is
 * {@code mismatched character '<EOF>' expecting '''}; any other character no token starts with is
 * {@code no viable alternative at character 'c'}.
 */
final class LexerErrorListener extends BaseErrorListener {
    private final String query;

    LexerErrorListener(String query) {
        this.query = query;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        int start = recognizer instanceof Lexer lexer ? lexer._tokenStartCharIndex : -1;
        if (start >= 0 && start < query.length()) {
            char c = query.charAt(start);
            if (c == '\'' || c == '"') {
                int endLine = 1 + (int) query.chars().filter(ch -> ch == '\n').count();
                int lastNewline = query.lastIndexOf('\n');
                int endColumn = query.length() - (lastNewline + 1);
                throw new SyntaxException("line " + endLine + ":" + endColumn
                        + " mismatched character '<EOF>' expecting '" + c + "'");
            }
            throw new SyntaxException("line " + line + ":" + charPositionInLine
                    + " no viable alternative at character '" + c + "'");
        }
        throw new SyntaxException("line " + line + ":" + charPositionInLine + " " + msg);
    }
}
