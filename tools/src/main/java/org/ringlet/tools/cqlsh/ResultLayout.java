package org.ringlet.tools.cqlsh;

import java.util.ArrayList;
import java.util.List;

import org.ringlet.tools.cqlsh.format.FormattedValue;

/**
 * cqlsh's two result layouts, as lines of text (without line ends). Pure functions.
 *
 * <p>Table: a header line with every name left-justified, a dashed line with {@code -+-} between columns, then one
 * line per row with every value right-justified, columns separated by {@code " | "}. Expanded (vertical): for
 * each row {@code @ Row N}, a dashed line, one {@code name | value} line per column and a blank line.
 */
public final class ResultLayout {
    private ResultLayout() {
    }

    /**
     * The table lines.
     *
     * @param names      the column headers
     * @param rows       the values, or null for a result with no rows (then a blank line follows the header)
     * @param withHeader whether to print the header and dashed line
     * @param tty        whether a blank line follows the rows (interactive mode)
     */
    public static List<String> table(List<FormattedValue> names, List<List<FormattedValue>> rows, boolean withHeader,
                                     boolean tty, boolean color) {
        int[] widths = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            widths[i] = names.get(i).displayWidth();
        }
        if (rows != null) {
            for (List<FormattedValue> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    widths[i] = Math.max(widths[i], row.get(i).displayWidth());
                }
            }
        }
        List<String> out = new ArrayList<>();
        if (withHeader) {
            StringBuilder header = new StringBuilder();
            StringBuilder dashes = new StringBuilder("-");
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    header.append(" | ");
                    dashes.append("-+-");
                }
                header.append(names.get(i).ljust(widths[i], color));
                dashes.append("-".repeat(widths[i]));
            }
            out.add(" " + header.toString().stripTrailing());
            out.add(dashes.append('-').toString());
        }
        if (rows == null) {
            out.add("");
            return out;
        }
        for (List<FormattedValue> row : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    line.append(" | ");
                }
                line.append(row.get(i).rjust(widths[i], color));
            }
            out.add(line.toString());
        }
        if (tty) {
            out.add("");
        }
        return out;
    }

    /** The expanded lines of one page; rows are numbered from {@code rowOffset + 1}. */
    public static List<String> vertical(List<FormattedValue> names, List<List<FormattedValue>> rows, int rowOffset,
                                        boolean color) {
        int nameWidth = 0;
        for (FormattedValue n : names) {
            nameWidth = Math.max(nameWidth, n.displayWidth());
        }
        int valueWidth = 0;
        for (List<FormattedValue> row : rows) {
            for (FormattedValue v : row) {
                valueWidth = Math.max(valueWidth, v.displayWidth());
            }
        }
        List<String> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            out.add("@ Row " + (rowOffset + r + 1));
            out.add("-" + "-".repeat(nameWidth) + "-+-" + "-".repeat(valueWidth) + "-");
            List<FormattedValue> row = rows.get(r);
            for (int i = 0; i < row.size(); i++) {
                out.add(" " + names.get(i).ljust(nameWidth, color) + " | " + row.get(i).ljust(0, color));
            }
            out.add("");
        }
        return out;
    }
}
