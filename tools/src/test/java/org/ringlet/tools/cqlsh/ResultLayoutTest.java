package org.ringlet.tools.cqlsh;

import java.util.ArrayList;
import java.util.List;

import com.datastax.oss.driver.api.core.type.DataTypes;
import org.junit.jupiter.api.Test;
import org.ringlet.tools.cqlsh.format.CqlValueFormatter;
import org.ringlet.tools.cqlsh.format.DisplaySettings;
import org.ringlet.tools.cqlsh.format.FormattedValue;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResultLayoutTest {
    private final CqlValueFormatter f = new CqlValueFormatter(DisplaySettings.defaults());

    private List<FormattedValue> names(String... names) {
        List<FormattedValue> out = new ArrayList<>();
        for (String n : names) {
            out.add(f.formatName(n, ""));
        }
        return out;
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void tableAsCqlshLaysItOut() {
        List<List<FormattedValue>> rows = List.of(
                List.of(f.format(DataTypes.TEXT, "Karachi"), f.format(DataTypes.INT, 30),
                        f.format(DataTypes.TEXT, "Rashid Aziz"), f.format(DataTypes.TEXT, "raziz12")),
                List.of(f.format(DataTypes.TEXT, "Karachi"), f.format(DataTypes.INT, 34),
                        f.format(DataTypes.TEXT, "Ali Amin"), f.format(DataTypes.TEXT, "aali24")));
        String expected = ""
                + " city    | age | name        | username\n"
                + "---------+-----+-------------+----------\n"
                + " Karachi |  30 | Rashid Aziz |  raziz12\n"
                + " Karachi |  34 |    Ali Amin |   aali24\n";
        assertEquals(expected, join(ResultLayout.table(names("city", "age", "name", "username"), rows, true, false,
                false)));
        assertEquals(expected + "\n", join(ResultLayout.table(names("city", "age", "name", "username"), rows, true,
                true, false)));
    }

    @Test
    void headerOnlyWhenThereAreNoRows() {
        assertEquals(" k | v\n---+---\n\n", join(ResultLayout.table(names("k", "v"), null, true, false, false)));
    }

    @Test
    void laterPagesWithoutHeader() {
        List<List<FormattedValue>> rows = List.of(List.of(f.format(DataTypes.INT, 7)));
        assertEquals(" 7\n", join(ResultLayout.table(names("k"), rows, false, false, false)));
    }

    @Test
    void expandedRowsAsCqlshLaysThemOut() {
        List<List<FormattedValue>> rows = List.of(List.of(f.format(DataTypes.BIGINT, -9184956559428665922L)));
        String expected = ""
                + "@ Row 1\n"
                + "-----------------+----------------------\n"
                + " system.token(k) | -9184956559428665922\n"
                + "\n";
        assertEquals(expected, join(ResultLayout.vertical(names("system.token(k)"), rows, 0, false)));
    }

    @Test
    void expandedRowsAreNumberedAcrossPagesAndNamesPadded() {
        List<List<FormattedValue>> rows = List.of(
                List.of(f.format(DataTypes.INT, 1), f.format(DataTypes.TEXT, "a")),
                List.of(f.format(DataTypes.INT, 22), f.format(DataTypes.TEXT, null)));
        String expected = ""
                + "@ Row 101\n"
                + "-------+------\n"
                + " k     | 1\n"
                + " value | a\n"
                + "\n"
                + "@ Row 102\n"
                + "-------+------\n"
                + " k     | 22\n"
                + " value | null\n"
                + "\n";
        assertEquals(expected, join(ResultLayout.vertical(names("k", "value"), rows, 100, false)));
    }
}
