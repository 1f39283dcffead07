package org.ringlet.tools.cqlsh.format;

/**
 * cqlsh's display of {@code text} and {@code ascii} values and of column names: backslashes doubled, control
 * characters (U+0000..U+001F and U+007F..U+00A0) shown as Python escapes ({@code \t}, {@code \n}, {@code \r},
 * {@code \x1b}), and, inside collections, single quotes doubled and the whole value in single quotes.
 */
public final class TextFormat {
    private static final String HEX = "0123456789abcdef";

    private TextFormat() {
    }

    /** The escaped text; quoted when {@code quote} is true (a value inside a collection, tuple or UDT). */
    public static String escape(String value, boolean quote) {
        StringBuilder sb = new StringBuilder(value.length() + (quote ? 2 : 0));
        if (quote) {
            sb.append('\'');
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                sb.append("\\\\");
            } else if (quote && c == '\'') {
                sb.append("''");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c < 0x20 || (c >= 0x7f && c <= 0xa0)) {
                sb.append("\\x").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            } else {
                sb.append(c);
            }
        }
        if (quote) {
            sb.append('\'');
        }
        return sb.toString();
    }
}
