package org.ringlet.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TextTableTest {

    @Test
    void alignsColumnsAndTrimsTrailingSpace() {
        TextTable table = new TextTable(List.of("KIND", "NAME", "ORIGIN"))
                .addRow(List.of("partitioner", "murmur3", "built-in"))
                .addRow(Arrays.asList("snitch", "simple", null));
        assertEquals("""
                KIND         NAME     ORIGIN
                partitioner  murmur3  built-in
                snitch       simple
                """, table.render());
        assertEquals(2, table.rowCount());
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        TextTable table = new TextTable(List.of("A", "B"));
        assertThrows(IllegalArgumentException.class, () -> table.addRow(List.of("only one")));
        assertThrows(IllegalArgumentException.class, () -> new TextTable(List.of()));
    }

    @Test
    void consoleWritesWhereItIsTold() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        console.out().print("hello");
        assertEquals("hello", out.toString(StandardCharsets.UTF_8));
    }
}
