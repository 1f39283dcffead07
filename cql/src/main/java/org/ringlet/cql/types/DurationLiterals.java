package org.ringlet.cql.types;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ringlet.api.types.CqlDuration;
import org.ringlet.api.types.MarshalException;

/**
 * The text forms of {@code duration} values, read as Cassandra reads them: {@code 1y2mo3w4d5h6m7s8ms9us10ns}
 * (units in that order, each at most once, case-insensitive), the ISO 8601 forms {@code P1Y2M3DT4H5M6S} and
 * {@code P2W}, and the alternative {@code P0001-02-03T04:05:06}; each optionally negative. The totals must fit
 * (months and days in an int, nanoseconds in a long).
 */
public final class DurationLiterals {
    private static final Pattern STANDARD = Pattern.compile(
            "\\G(\\d+)(y|mo|w|d|h|s|ms|us|µs|ns|m)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ISO = Pattern.compile(
            "P((\\d+)Y)?((\\d+)M)?((\\d+)D)?(T((\\d+)H)?((\\d+)M)?((\\d+)S)?)?");
    private static final Pattern ISO_WEEK = Pattern.compile("P(\\d+)W");
    private static final Pattern ISO_ALTERNATIVE = Pattern.compile(
            "P(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})");
    private static final long NANOS_PER_MICRO = 1_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
    private static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;
    private static final List<String> UNITS = List.of("", "years", "months", "weeks", "days", "hours", "minutes",
            "seconds", "milliseconds", "microseconds", "nanoseconds");

    private DurationLiterals() {
    }

    /**
     * Parses a duration.
     *
     * @throws MarshalException with Cassandra's messages ({@code Unable to convert 'x' to a duration}, units out of
     *                          order or repeated, totals too large)
     */
    public static CqlDuration parse(String text) {
        boolean negative = text.startsWith("-");
        String source = negative ? text.substring(1) : text;
        Builder b = new Builder(negative);
        if (source.startsWith("P")) {
            if (source.endsWith("W")) {
                Matcher m = matches(ISO_WEEK, source);
                return b.add(3, number(m, 1)).build();
            }
            if (source.contains("-")) {
                Matcher m = matches(ISO_ALTERNATIVE, source);
                return b.add(1, number(m, 1)).add(2, number(m, 2)).add(4, number(m, 3)).add(5, number(m, 4))
                        .add(6, number(m, 5)).add(7, number(m, 6)).build();
            }
            Matcher m = matches(ISO, source);
            int[] units = {1, 2, 4};
            for (int i = 0; i < units.length; i++) {
                if (m.group(1 + 2 * i) != null) {
                    b.add(units[i], number(m, 2 + 2 * i));
                }
            }
            if (m.group(7) != null) {
                int[] timeUnits = {5, 6, 7};
                for (int i = 0; i < timeUnits.length; i++) {
                    if (m.group(8 + 2 * i) != null) {
                        b.add(timeUnits[i], number(m, 9 + 2 * i));
                    }
                }
            }
            return b.build();
        }
        Matcher m = STANDARD.matcher(source);
        if (!m.find()) {
            throw unconvertible(source);
        }
        boolean done;
        do {
            b.add(unitIndex(m.group(2)), number(m, 1));
            done = m.end() == source.length();
        } while (m.find());
        if (!done) {
            throw unconvertible(source);
        }
        return b.build();
    }

    private static Matcher matches(Pattern p, String source) {
        Matcher m = p.matcher(source);
        if (!m.matches()) {
            throw unconvertible(source);
        }
        return m;
    }

    private static long number(Matcher m, int group) {
        try {
            return Long.parseLong(m.group(group));
        } catch (NumberFormatException e) {
            throw new MarshalException("Invalid duration: " + m.group(group) + " is not a 64-bit integer");
        }
    }

    private static int unitIndex(String symbol) {
        return switch (symbol.toLowerCase(Locale.ROOT)) {
            case "y" -> 1;
            case "mo" -> 2;
            case "w" -> 3;
            case "d" -> 4;
            case "h" -> 5;
            case "m" -> 6;
            case "s" -> 7;
            case "ms" -> 8;
            case "us", "µs" -> 9;
            default -> 10;
        };
    }

    private static MarshalException unconvertible(String source) {
        return new MarshalException("Unable to convert '" + source + "' to a duration");
    }

    /** Adds units in order, each once, checking that the totals fit. */
    private static final class Builder {
        private final boolean negative;
        private int months;
        private int days;
        private long nanos;
        private int current;

        Builder(boolean negative) {
            this.negative = negative;
        }

        Builder add(int unit, long n) {
            if (unit == current) {
                throw new MarshalException("Invalid duration. The " + UNITS.get(unit)
                        + " are specified multiple times");
            }
            if (unit < current) {
                throw new MarshalException("Invalid duration. The " + UNITS.get(current) + " should be after "
                        + UNITS.get(unit));
            }
            current = unit;
            switch (unit) {
                case 1 -> months += (int) check(n, (Integer.MAX_VALUE - months) / 12, "months") * 12;
                case 2 -> months += (int) check(n, Integer.MAX_VALUE - months, "months");
                case 3 -> days += (int) check(n, (Integer.MAX_VALUE - days) / 7, "days") * 7;
                case 4 -> days += (int) check(n, Integer.MAX_VALUE - days, "days");
                default -> {
                    long per = switch (unit) {
                        case 5 -> NANOS_PER_HOUR;
                        case 6 -> NANOS_PER_MINUTE;
                        case 7 -> NANOS_PER_SECOND;
                        case 8 -> NANOS_PER_MILLI;
                        case 9 -> NANOS_PER_MICRO;
                        default -> 1;
                    };
                    nanos += check(n, (Long.MAX_VALUE - nanos) / per, "nanoseconds") * per;
                }
            }
            return this;
        }

        private static long check(long units, long limit, String name) {
            if (units > limit) {
                // Cassandra names int's maximum here whatever the unit
                throw new MarshalException("Invalid duration. The total number of " + name
                        + " must be less or equal to " + Integer.MAX_VALUE);
            }
            return units;
        }

        CqlDuration build() {
            return negative ? new CqlDuration(-months, -days, -nanos) : new CqlDuration(months, days, nanos);
        }
    }
}
