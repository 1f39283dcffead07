package org.ringlet.cql.parser;

import org.junit.jupiter.api.Test;
import org.ringlet.api.error.SyntaxException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Statements nested too deeply for a recursive descent parser are syntax errors, not stack overflows. */
class NestingLimitTest {

    private static String nestedType(int levels) {
        return "frozen<list<".repeat(levels / 2) + (levels % 2 == 1 ? "frozen<int>" : "int")
                + ">>".repeat(levels / 2);
    }

    private static final String TABLE = "CREATE TABLE ks.t (k int PRIMARY KEY, v ";

    @Test
    void typesUpToTheLimitParse() {
        // the column list's parenthesis is the first level
        CqlParsers.parse(TABLE + nestedType(NestingLimit.MAX_DEPTH - 1) + ")");
        CqlParsers.parse("SELECT * FROM ks.t WHERE k < 5 AND c > 1 AND d < 2 AND e < 3 ALLOW FILTERING");
    }

    @Test
    void deeperTypesAreRefusedWhereTheyGoPastIt() {
        String statement = TABLE + nestedType(NestingLimit.MAX_DEPTH) + ")";
        SyntaxException e = assertThrows(SyntaxException.class, () -> CqlParsers.parse(statement));
        int column = -1;
        for (int i = 0; i < NestingLimit.MAX_DEPTH; i++) {
            column = statement.indexOf('<', column + 1);
        }
        assertEquals("line 1:" + column + " statement nested more than 100 levels deep", e.getMessage(),
                "the hundredth '<' opens level 101");
    }

    @Test
    void tenThousandParenthesesAreASyntaxError() {
        String deep = "INSERT INTO ks.t (k) VALUES (" + "(".repeat(10_000) + "1" + ")".repeat(10_000) + ")";
        SyntaxException e = assertThrows(SyntaxException.class, () -> CqlParsers.parse(deep));
        assertEquals("line 1:128 statement nested more than 100 levels deep", e.getMessage());
    }

    @Test
    void bracketsInsideStringsDoNotCount() {
        CqlParsers.parse("INSERT INTO ks.t (k, v) VALUES (1, '" + "(".repeat(500) + "')");
    }
}
