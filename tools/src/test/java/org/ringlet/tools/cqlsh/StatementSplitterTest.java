package org.ringlet.tools.cqlsh;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementSplitterTest {

    private static List<String> texts(String input) {
        return StatementSplitter.split(input).statements().stream().map(StatementSplitter.Statement::text).toList();
    }

    @Test
    void statementsEndAtSemicolons() {
        assertEquals(List.of("select * from t;", "insert into t (k) values (1);"),
                texts("select * from t; insert into t (k) values (1);\n"));
        assertTrue(StatementSplitter.split("select 1;\n").complete());
    }

    @Test
    void aStatementMaySpanLines() {
        StatementSplitter.Split open = StatementSplitter.split("select *\nfrom t\n");
        assertFalse(open.complete());
        assertEquals(List.of("select *\nfrom t\nwhere k = 1;"), texts("select *\nfrom t\nwhere k = 1;\n"));
    }

    @Test
    void semicolonsInsideStringsNamesAndCommentsDoNotEndStatements() {
        assertEquals(List.of("insert into t (k, v) values (1, 'a;b''c');"),
                texts("insert into t (k, v) values (1, 'a;b''c');"));
        assertEquals(List.of("select \"we;ird\" from t;"), texts("select \"we;ird\" from t;"));
        assertEquals(List.of("select $$a;b$$ from t;"), texts("select $$a;b$$ from t;"));
        assertEquals(List.of("select k from t;"), texts("-- a comment; still\n// another;\n/* block ; */select k from t;"));
        assertFalse(StatementSplitter.split("insert into t (k) values ('abc;").complete());
        assertFalse(StatementSplitter.split("/* open ;").complete());
    }

    @Test
    void shellCommandsEndAtTheEndOfTheirLine() {
        StatementSplitter.Split split = StatementSplitter.split("EXPAND ON\nhelp\nDESCRIBE KEYSPACES\nselect 1;");
        assertEquals(List.of("EXPAND ON", "help", "DESCRIBE KEYSPACES", "select 1;"),
                split.statements().stream().map(StatementSplitter.Statement::text).toList());
        assertEquals(List.of("expand", "help", "describe", "select"),
                split.statements().stream().map(StatementSplitter.Statement::command).toList());
        assertEquals(List.of("CONSISTENCY QUORUM;"), texts("CONSISTENCY QUORUM;"));
        assertFalse(StatementSplitter.split("EXPAND ON").complete());
        assertEquals("?", StatementSplitter.split("?\n").statements().get(0).command());
    }

    @Test
    void bodyDropsTheTerminator() {
        assertEquals("CONSISTENCY QUORUM", StatementSplitter.split("CONSISTENCY QUORUM ;").statements().get(0).body());
    }

    @Test
    void blankInputIsCompleteAndEmpty() {
        StatementSplitter.Split split = StatementSplitter.split("  \n-- nothing\n;\n");
        assertTrue(split.complete());
        assertEquals(List.of(";"), texts("  \n-- nothing\n;\n"));
    }
}
