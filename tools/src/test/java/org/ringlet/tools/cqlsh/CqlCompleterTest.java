package org.ringlet.tools.cqlsh;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CqlCompleterTest {
    private final CqlCompleter completer = new CqlCompleter(Optional::empty, () -> null, () -> "");

    @Test
    void firstWordsAreStatementsAndShellCommands() {
        assertEquals(List.of("SELECT", "SERIAL", "SHOW", "SOURCE"), completer.suggestions("s"));
        assertTrue(completer.suggestions("").containsAll(List.of("SELECT", "INSERT", "DESCRIBE", "EXPAND")));
    }

    @Test
    void argumentsOfShellCommands() {
        assertEquals(List.of("LOCAL_ONE", "LOCAL_QUORUM", "LOCAL_SERIAL"), completer.suggestions("CONSISTENCY lo"));
        assertEquals(List.of("ON", "OFF"), completer.suggestions("expand "));
        assertEquals(List.of("CONSISTENCY"), completer.suggestions("SERIAL c"));
        assertEquals(List.of("KEYSPACES", "KEYSPACE"), completer.suggestions("DESCRIBE KEY"));
    }

    @Test
    void keywordsInsideStatements() {
        assertEquals(List.of("WHERE", "WITH", "WRITETIME"), completer.suggestions("select * from t w"));
    }
}
