package org.ringlet.tools;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A plain-text table with a header row and left-aligned columns separated by two spaces, as {@code nodetool}
 * prints them. Not thread-safe.
 */
public final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(List<String> header) {
        requireNonNull(header, "header is null");
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.header = List.copyOf(header);
    }

    /**
     * Adds a row.
     *
     * @throws IllegalArgumentException when the row does not have one cell per column
     */
    public TextTable addRow(List<String> row) {
        requireNonNull(row, "row is null");
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + row.size() + ": " + row);
        }
        List<String> copy = new ArrayList<>(row.size());
        for (String cell : row) {
            copy.add(cell == null ? "" : cell);
        }
        rows.add(copy);
        return this;
    }

    /** How many rows were added (the header not counted). */
    public int rowCount() {
        return rows.size();
    }

    /** The table as text, one line per row, each line ending with a newline; trailing spaces are trimmed. */
    public String render() {
        int[] widths = new int[header.size()];
        measure(header, widths);
        rows.forEach(r -> measure(r, widths));
        StringBuilder sb = new StringBuilder();
        appendRow(sb, header, widths);
        for (List<String> row : rows) {
            appendRow(sb, row, widths);
        }
        return sb.toString();
    }

    private static void measure(List<String> row, int[] widths) {
        for (int i = 0; i < row.size(); i++) {
            widths[i] = Math.max(widths[i], row.get(i).length());
        }
    }

    private static void appendRow(StringBuilder sb, List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            String cell = row.get(i);
            line.append(cell);
            if (i < row.size() - 1) {
                line.append(" ".repeat(widths[i] - cell.length() + 2));
            }
        }
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        sb.append(line, 0, end).append('\n');
    }

    @Override
    public String toString() {
        return render();
    }
}
