package org.ringlet.tools.nodetool;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** nodetool's number and table formatting. Pure functions. */
public final class Formats {
    private static final double KIB = 1024;
    private static final double MIB = KIB * 1024;
    private static final double GIB = MIB * 1024;
    private static final double TIB = GIB * 1024;

    private Formats() {
    }

    private static DecimalFormat decimal(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /** A byte count as Cassandra writes it: {@code 103.67 KiB}, {@code 8 MiB}, {@code 0 bytes}. */
    public static String fileSize(double bytes) {
        DecimalFormat df = decimal("#.##");
        if (bytes >= TIB) {
            return df.format(bytes / TIB) + " TiB";
        }
        if (bytes >= GIB) {
            return df.format(bytes / GIB) + " GiB";
        }
        if (bytes >= MIB) {
            return df.format(bytes / MIB) + " MiB";
        }
        if (bytes >= KIB) {
            return df.format(bytes / KIB) + " KiB";
        }
        return df.format(bytes) + " bytes";
    }

    /** A share as a percentage with one decimal: {@code 100.0%}. */
    public static String percent1(float share) {
        return decimal("##0.0%").format(share);
    }

    /** A share as a percentage with two decimals: {@code 33.33%}. */
    public static String percent2(float share) {
        return decimal("##0.00%").format(share);
    }

    /**
     * Rows laid out in columns as nodetool's table builder does: every cell padded to its column's width, cells
     * joined by a delimiter (the last column is padded too).
     */
    public static final class Table {
        private final String delimiter;
        private final List<String[]> rows = new ArrayList<>();

        public Table(String delimiter) {
            this.delimiter = delimiter;
        }

        public Table add(String... cells) {
            rows.add(cells.clone());
            return this;
        }

        /** The lines, without line ends. */
        public List<String> lines() {
            int columns = 0;
            for (String[] r : rows) {
                columns = Math.max(columns, r.length);
            }
            int[] widths = new int[columns];
            for (String[] r : rows) {
                for (int i = 0; i < r.length; i++) {
                    widths[i] = Math.max(widths[i], r[i] == null ? 0 : r[i].length());
                }
            }
            List<String> out = new ArrayList<>();
            for (String[] r : rows) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < r.length; i++) {
                    if (i > 0) {
                        sb.append(delimiter);
                    }
                    String cell = r[i] == null ? "" : r[i];
                    sb.append(cell).append(" ".repeat(widths[i] - cell.length()));
                }
                out.add(sb.toString());
            }
            return out;
        }
    }

    /**
     * A progress bar for a terminal line: {@code [#########...........]  45%  label}.
     *
     * @param fraction done, 0..1 (clamped)
     * @param width    the bar's inner width in characters
     */
    public static String progressBar(double fraction, int width, String label) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        int filled = (int) Math.floor(f * width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + String.format(Locale.ROOT, "%3d%%",
                (int) Math.floor(f * 100)) + "  " + label;
    }
}
