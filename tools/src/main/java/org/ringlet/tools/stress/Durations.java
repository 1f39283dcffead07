package org.ringlet.tools.stress;

import java.time.Duration;
import java.util.Locale;

/** Parses durations as the stress options take them: {@code 30} (seconds), {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}. */
public final class Durations {
    private Durations() {
    }

    /**
     * A duration.
     *
     * @throws IllegalArgumentException when the text is not a non-negative number with an optional unit
     */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        String number = t;
        long unitNanos = 1_000_000_000L;
        if (t.endsWith("ms")) {
            number = t.substring(0, t.length() - 2);
            unitNanos = 1_000_000L;
        } else if (t.endsWith("s")) {
            number = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            number = t.substring(0, t.length() - 1);
            unitNanos = 60_000_000_000L;
        } else if (t.endsWith("h")) {
            number = t.substring(0, t.length() - 1);
            unitNanos = 3_600_000_000_000L;
        }
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad duration '" + text + "': use e.g. 30, 30s, 500ms, 2m or 1h");
        }
        if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("bad duration '" + text + "': must not be negative");
        }
        return Duration.ofNanos(Math.round(value * unitNanos));
    }
}
