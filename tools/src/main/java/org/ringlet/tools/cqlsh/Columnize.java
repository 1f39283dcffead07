package org.ringlet.tools.cqlsh;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out names in as few rows as fit a width, column by column, two spaces apart: the layout cqlsh prints for
 * {@code DESCRIBE KEYSPACES}, {@code DESCRIBE TABLES} and {@code HELP} (Python's {@code cmd.Cmd.columnize}).
 */
public final class Columnize {
    private Columnize() {
    }

    /** The lines (without line ends) for {@code names} within {@code width} columns. */
    public static List<String> lines(List<String> names, int width) {
        List<String> out = new ArrayList<>();
        if (names.isEmpty()) {
            out.add("<empty>");
            return out;
        }
        int size = names.size();
        if (size == 1) {
            out.add(names.get(0));
            return out;
        }
        int nrows = 0;
        int ncols = 0;
        List<Integer> colwidths = new ArrayList<>();
        boolean fits = false;
        for (nrows = 1; nrows < size; nrows++) {
            ncols = (size + nrows - 1) / nrows;
            colwidths.clear();
            int totwidth = -2;
            for (int col = 0; col < ncols; col++) {
                int colwidth = 0;
                for (int row = 0; row < nrows; row++) {
                    int i = row + nrows * col;
                    if (i >= size) {
                        break;
                    }
                    colwidth = Math.max(colwidth, names.get(i).length());
                }
                colwidths.add(colwidth);
                totwidth += colwidth + 2;
                if (totwidth > width) {
                    break;
                }
            }
            if (totwidth <= width) {
                fits = true;
                break;
            }
        }
        if (!fits) {
            nrows = size;
            ncols = 1;
            colwidths.clear();
            colwidths.add(0);
        }
        for (int row = 0; row < nrows; row++) {
            List<String> texts = new ArrayList<>();
            for (int col = 0; col < ncols; col++) {
                int i = row + nrows * col;
                texts.add(i >= size ? "" : names.get(i));
            }
            while (!texts.isEmpty() && texts.get(texts.size() - 1).isEmpty()) {
                texts.remove(texts.size() - 1);
            }
            StringBuilder line = new StringBuilder();
            for (int col = 0; col < texts.size(); col++) {
                if (col > 0) {
                    line.append("  ");
                }
                String t = texts.get(col);
                line.append(t).append(" ".repeat(Math.max(0, colwidths.get(col) - t.length())));
            }
            out.add(line.toString());
        }
        return out;
    }
}
