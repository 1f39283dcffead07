package org.ringlet.tools.cqlsh.format;

import static java.util.Objects.requireNonNull;

/**
 * A value as cqlsh shows it: the plain text, the same text with colour escapes, and how many terminal columns
 * it takes (which differs from the length for wide characters).
 *
 * @param text         the plain text
 * @param colored      the text with ANSI colour codes (equal to {@code text} when colours are off)
 * @param displayWidth the number of terminal columns the text takes
 */
public record FormattedValue(String text, String colored, int displayWidth) {
    public FormattedValue {
        requireNonNull(text, "text is null");
        requireNonNull(colored, "colored is null");
    }

    /** A value without colour whose width is measured from its text. */
    public static FormattedValue plain(String text) {
        return new FormattedValue(text, text, DisplayWidth.of(text));
    }

    /** A value whose whole text is shown in one colour. */
    public static FormattedValue colored(String text, String color) {
        return new FormattedValue(text, color.isEmpty() ? text : color + text + Ansi.RESET, DisplayWidth.of(text));
    }

    /** The text padded on the right to {@code width} columns. */
    public String ljust(int width, boolean color) {
        return (color ? colored : text) + pad(width);
    }

    /** The text padded on the left to {@code width} columns. */
    public String rjust(int width, boolean color) {
        return pad(width) + (color ? colored : text);
    }

    private String pad(int width) {
        return width > displayWidth ? " ".repeat(width - displayWidth) : "";
    }
}
