package org.ringlet.tools.cqlsh;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ColumnizeTest {

    @Test
    void namesFillColumnsTopToBottomWithinTheWidth() {
        List<String> names = List.of("nodecheck", "probe1", "probe3", "system", "system_auth", "system_distributed",
                "system_schema", "system_traces", "system_views", "system_virtual_schema", "tools_cqlsh");
        assertEquals(List.of(
                "nodecheck  system              system_schema  system_virtual_schema",
                "probe1     system_auth         system_traces  tools_cqlsh          ",
                "probe3     system_distributed  system_views "), Columnize.lines(names, 80));
    }

    @Test
    void oneNameOrNone() {
        assertEquals(List.of("users"), Columnize.lines(List.of("users"), 80));
        assertEquals(List.of("<empty>"), Columnize.lines(List.of(), 80));
    }

    @Test
    void oneColumnWhenNothingFits() {
        assertEquals(List.of("aaaaaaaaaa", "bbbbbbbbbb"), Columnize.lines(List.of("aaaaaaaaaa", "bbbbbbbbbb"), 15));
    }
}
