package org.ringlet.storage.lsm.sstable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SSTable format's constants (see {@code docs/format/sstable.md}). They are part of the on-disk format: never
 * change or reorder them; a new layout gets a new {@link #VERSION}.
 */
public final class SSTableFormat {
    /** The layout version written in every component's header and in the TOC. */
    public static final int VERSION = 1;
    /** The first line of a TOC (followed by a space and the version). */
    public static final String TOC_HEADER = "ringlet-sstable";

    /** Magic of Data.db ("RLSD"). */
    public static final int MAGIC_DATA = 0x524C5344;
    /** Magic of Index.db ("RLSI"). */
    public static final int MAGIC_INDEX = 0x524C5349;
    /** Magic of Summary.db ("RLSS"). */
    public static final int MAGIC_SUMMARY = 0x524C5353;
    /** Magic of Filter.db ("RLSF"). */
    public static final int MAGIC_FILTER = 0x524C5346;
    /** Magic of Statistics.db ("RLST"). */
    public static final int MAGIC_STATISTICS = 0x524C5354;
    /** Magic ending a chunked file's trailer ("RLSE"). */
    public static final int MAGIC_END = 0x524C5345;
    /** Bytes of every binary component's header: magic (4), version (2), reserved (2). */
    public static final int HEADER_SIZE = 8;

    // Partition layout in the data stream.
    /** Ends a partition's rows. */
    public static final int END_OF_PARTITION = 0x00;
    public static final int PARTITION_HAS_DELETION = 0x01;
    public static final int PARTITION_HAS_RANGE_TOMBSTONES = 0x02;
    public static final int PARTITION_HAS_STATIC_ROW = 0x04;

    // Row flags (a row's flags are never 0, which ends the partition).
    public static final int ROW = 0x01;
    public static final int ROW_HAS_LIVENESS = 0x02;
    public static final int ROW_LIVENESS_EXPIRING = 0x04;
    public static final int ROW_HAS_DELETION = 0x08;
    public static final int ROW_HAS_COMPLEX_DELETIONS = 0x10;
    public static final int ROW_HAS_CELLS = 0x20;

    // Cell flags.
    public static final int CELL_HAS_PATH = 0x01;
    public static final int CELL_COUNTER = 0x02;
    public static final int CELL_HAS_TTL = 0x04;
    public static final int CELL_HAS_LDT = 0x08;
    public static final int CELL_HAS_VALUE = 0x10;

    private static final Pattern NAME = Pattern.compile("(tmp-)?rl-(\\d+)-(\\w+\\.(db|txt))");

    private SSTableFormat() {
    }

    /** The components; the file suffixes are part of the format. */
    public enum Component {
        DATA("Data.db"),
        INDEX("Index.db"),
        SUMMARY("Summary.db"),
        FILTER("Filter.db"),
        STATISTICS("Statistics.db"),
        TOC("TOC.txt");

        private final String suffix;

        Component(String suffix) {
            this.suffix = suffix;
        }

        public String suffix() {
            return suffix;
        }

        /** The component with that file suffix, or null. */
        public static Component ofSuffix(String suffix) {
            for (Component c : values()) {
                if (c.suffix.equals(suffix)) {
                    return c;
                }
            }
            return null;
        }
    }

    /** The file name of a component. */
    public static String fileName(long generation, Component component) {
        return "rl-" + generation + "-" + component.suffix();
    }

    /** The temporary name a component is written under before it is renamed. */
    public static String tempFileName(long generation, Component component) {
        return "tmp-" + fileName(generation, component);
    }

    /** A parsed component file name. */
    public record Name(long generation, Component component, boolean temporary) {
    }

    /** Parses a component file name; null when it is not one. */
    public static Name parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return null;
        }
        Component c = Component.ofSuffix(m.group(3));
        return c == null ? null : new Name(Long.parseLong(m.group(2)), c, m.group(1) != null);
    }
}
