package org.ringlet.cql.types;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ringlet.api.types.CqlDuration;
import org.ringlet.api.types.MarshalException;

/**
 * The text forms of {@code duration} values: {@code 1y2mo3w4d5h6m7s8ms9us10ns} (any subset, in that order), the
 * ISO 8601 forms {@code P1Y2M3DT4H5M6S} and {@code P2W}, and the alternative {@code P0001-02-03T04:05:06}; each
 * optionally negative.
 */
public final class DurationLiterals {
    private static final Pattern UNIT = Pattern.compile("(\\d+)(mo|ms|us|µs|ns|y|w|d|h|m|s)");
    private static final Pattern STANDARD = Pattern.compile("(\\d+(mo|ms|us|µs|ns|y|w|d|h|m|s))+");
    private static final Pattern ISO = Pattern.compile(
            "p(?:(\\d+)y)?(?:(\\d+)m)?(?:(\\d+)d)?(?:t(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?)?");
    private static final Pattern ISO_WEEK = Pattern.compile("p(\\d+)w");
    private static final Pattern ISO_ALTERNATIVE = Pattern.compile(
            "p(\\d{4})-(\\d{2})-(\\d{2})t(\\d{2}):(\\d{2}):(\\d{2})");
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private DurationLiterals() {
    }

    /**
     * Parses a duration.
     *
     * @throws MarshalException {@code Unable to convert 'x' to a duration} when the text is no duration
     */
    public static CqlDuration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        boolean negative = t.startsWith("-");
        if (negative) {
            t = t.substring(1);
        }
        long[] parts;
        try {
            parts = parts(t);
        } catch (ArithmeticException | NumberFormatException e) {
            throw error(text);
        }
        if (parts == null || parts[0] > Integer.MAX_VALUE || parts[1] > Integer.MAX_VALUE) {
            throw error(text);
        }
        int sign = negative ? -1 : 1;
        return new CqlDuration(sign * (int) parts[0], sign * (int) parts[1], sign * parts[2]);
    }

    private static long[] parts(String t) {
        if (STANDARD.matcher(t).matches()) {
            long months = 0;
            long days = 0;
            long nanos = 0;
            Matcher m = UNIT.matcher(t);
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                switch (m.group(2)) {
                    case "y" -> months = Math.addExact(months, Math.multiplyExact(n, 12));
                    case "mo" -> months = Math.addExact(months, n);
                    case "w" -> days = Math.addExact(days, Math.multiplyExact(n, 7));
                    case "d" -> days = Math.addExact(days, n);
                    case "h" -> nanos = Math.addExact(nanos, Math.multiplyExact(n, 3600 * NANOS_PER_SECOND));
                    case "m" -> nanos = Math.addExact(nanos, Math.multiplyExact(n, 60 * NANOS_PER_SECOND));
                    case "s" -> nanos = Math.addExact(nanos, Math.multiplyExact(n, NANOS_PER_SECOND));
                    case "ms" -> nanos = Math.addExact(nanos, Math.multiplyExact(n, 1_000_000L));
                    case "us", "µs" -> nanos = Math.addExact(nanos, Math.multiplyExact(n, 1_000L));
                    default -> nanos = Math.addExact(nanos, n);
                }
            }
            return new long[] {months, days, nanos};
        }
        Matcher w = ISO_WEEK.matcher(t);
        if (w.matches()) {
            return new long[] {0, Math.multiplyExact(Long.parseLong(w.group(1)), 7), 0};
        }
        Matcher a = ISO_ALTERNATIVE.matcher(t);
        if (a.matches()) {
            long months = Math.addExact(Math.multiplyExact(Long.parseLong(a.group(1)), 12),
                    Long.parseLong(a.group(2)));
            return new long[] {months, Long.parseLong(a.group(3)), seconds(a.group(4), a.group(5), a.group(6))};
        }
        Matcher i = ISO.matcher(t);
        if (i.matches() && t.length() > 1 && !t.endsWith("t")) {
            long months = Math.addExact(Math.multiplyExact(number(i.group(1)), 12), number(i.group(2)));
            return new long[] {months, number(i.group(3)), seconds(i.group(4), i.group(5), i.group(6))};
        }
        return null;
    }

    private static long number(String s) {
        return s == null ? 0 : Long.parseLong(s);
    }

    private static long seconds(String h, String m, String s) {
        long secs = Math.addExact(Math.addExact(Math.multiplyExact(number(h), 3600), Math.multiplyExact(number(m),
                60)), number(s));
        return Math.multiplyExact(secs, NANOS_PER_SECOND);
    }

    private static MarshalException error(String text) {
        return new MarshalException("Unable to convert '" + text + "' to a duration");
    }
}
