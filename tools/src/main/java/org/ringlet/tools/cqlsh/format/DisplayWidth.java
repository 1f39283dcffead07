package org.ringlet.tools.cqlsh.format;

import java.util.List;

/**
 * Terminal column widths of text, as {@code wcwidth} computes them: combining marks and zero-width characters take
 * no column, East Asian wide and fullwidth characters (and most emoji) take two, everything else one.
 */
public final class DisplayWidth {
    private record Range(int from, int to) {
    }

    private static final List<Range> WIDE = List.of(
        new Range(0x1100, 0x115F), new Range(0x231A, 0x231B), new Range(0x2329, 0x232A), new Range(0x23E9, 0x23EC),
        new Range(0x23F0, 0x23F0), new Range(0x23F3, 0x23F3), new Range(0x25FD, 0x25FE), new Range(0x2614, 0x2615),
        new Range(0x2648, 0x2653), new Range(0x267F, 0x267F), new Range(0x2693, 0x2693), new Range(0x26A1, 0x26A1),
        new Range(0x26AA, 0x26AB), new Range(0x26BD, 0x26BE), new Range(0x26C4, 0x26C5), new Range(0x26CE, 0x26CE),
        new Range(0x26D4, 0x26D4), new Range(0x26EA, 0x26EA), new Range(0x26F2, 0x26F3), new Range(0x26F5, 0x26F5),
        new Range(0x26FA, 0x26FA), new Range(0x26FD, 0x26FD), new Range(0x2705, 0x2705), new Range(0x270A, 0x270B),
        new Range(0x2728, 0x2728), new Range(0x274C, 0x274C), new Range(0x274E, 0x274E), new Range(0x2753, 0x2755),
        new Range(0x2757, 0x2757), new Range(0x2795, 0x2797), new Range(0x27B0, 0x27B0), new Range(0x27BF, 0x27BF),
        new Range(0x2B1B, 0x2B1C), new Range(0x2B50, 0x2B50), new Range(0x2B55, 0x2B55), new Range(0x2E80, 0x303E),
        new Range(0x3041, 0x33FF), new Range(0x3400, 0x4DBF), new Range(0x4E00, 0x9FFF), new Range(0xA000, 0xA4CF),
        new Range(0xA960, 0xA97F), new Range(0xAC00, 0xD7A3), new Range(0xF900, 0xFAFF), new Range(0xFE10, 0xFE19),
        new Range(0xFE30, 0xFE6F), new Range(0xFF00, 0xFF60), new Range(0xFFE0, 0xFFE6),
        new Range(0x16FE0, 0x16FE4), new Range(0x17000, 0x18CFF), new Range(0x1B000, 0x1B2FF),
        new Range(0x1F004, 0x1F004), new Range(0x1F0CF, 0x1F0CF), new Range(0x1F18E, 0x1F18E),
        new Range(0x1F191, 0x1F19A), new Range(0x1F200, 0x1F251), new Range(0x1F300, 0x1F64F),
        new Range(0x1F680, 0x1F6FF), new Range(0x1F7E0, 0x1F7EB), new Range(0x1F90C, 0x1F9FF),
        new Range(0x1FA70, 0x1FAFF), new Range(0x20000, 0x2FFFD), new Range(0x30000, 0x3FFFD));

    private DisplayWidth() {
    }

    /** The width of one code point: 0, 1 or 2. */
    public static int of(int codePoint) {
        if (codePoint == 0) {
            return 0;
        }
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || (type == Character.FORMAT && codePoint != 0x00AD)
                || (codePoint >= 0x1160 && codePoint <= 0x11FF) || codePoint == 0x200B) {
            return 0;
        }
        int lo = 0;
        int hi = WIDE.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (codePoint < WIDE.get(mid).from()) {
                hi = mid - 1;
            } else if (codePoint > WIDE.get(mid).to()) {
                lo = mid + 1;
            } else {
                return 2;
            }
        }
        return 1;
    }

    /** The width of a string. */
    public static int of(String s) {
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            width += of(cp);
            i += Character.charCount(cp);
        }
        return width;
    }
}
