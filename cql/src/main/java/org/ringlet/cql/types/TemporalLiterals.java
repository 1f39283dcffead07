package org.ringlet.cql.types;

import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import org.ringlet.api.types.MarshalException;
import org.ringlet.api.types.NativeType;

/**
 * The text forms of {@code timestamp}, {@code date} and {@code time} values, accepted and refused exactly as
 * Cassandra 5.0 does (same formats, same resolution of out-of-range fields, same messages). Times without a zone
 * are UTC: a node never depends on its host's default time zone.
 */
public final class TemporalLiterals {
    private static final Pattern INTEGER = Pattern.compile("^-?\\d+$");
    private static final List<DateTimeFormatter> TIMESTAMP_FORMATS = List.copyOf(timestampFormats());
    private static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final long MIN_DATE_MILLIS = TimeUnit.DAYS.toMillis(Integer.MIN_VALUE);
    private static final long MAX_DATE_MILLIS = TimeUnit.DAYS.toMillis(Integer.MAX_VALUE);
    private static final long MAX_DATE_DAYS = (1L << 32) - 1;
    private static final long NANOS_PER_DAY = TimeUnit.DAYS.toNanos(1);

    private TemporalLiterals() {
    }

    /**
     * The formats a timestamp string may have, tried in order: date and time ({@code T} or a space between them,
     * seconds and up to nine fraction digits optional) without a zone, or with a zone name, a zone offset with or
     * without a space before it; then a date with a zone; then a plain ISO date.
     */
    private static List<DateTimeFormatter> timestampFormats() {
        String[] dateTimes = {"y-M-d'T'H:m[:s]", "y-M-d H:m[:s]"};
        String[] zones = {" z", " zzzz", " X", "X", "XXX"};
        List<DateTimeFormatter> out = new ArrayList<>();
        for (String dateTime : dateTimes) {
            out.add(new DateTimeFormatterBuilder().appendPattern(dateTime)
                    .appendFraction(ChronoField.MILLI_OF_SECOND, 0, 9, true)
                    .toFormatter(Locale.US).withZone(ZoneOffset.UTC));
            for (String zone : zones) {
                out.add(new DateTimeFormatterBuilder().appendPattern(dateTime)
                        .appendFraction(ChronoField.MILLI_OF_SECOND, 0, 9, true)
                        .appendPattern(zone).toFormatter(Locale.US));
            }
        }
        for (String zone : zones) {
            out.add(new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd").appendPattern(zone)
                    .parseDefaulting(ChronoField.NANO_OF_DAY, 0).toFormatter(Locale.US));
        }
        out.add(new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_DATE)
                .parseDefaulting(ChronoField.NANO_OF_DAY, 0).toFormatter(Locale.US).withZone(ZoneOffset.UTC));
        return List.copyOf(out);
    }

    /**
     * Milliseconds since the epoch of a timestamp string: {@code now} (any case), an integer, or a date with an
     * optional time and zone.
     *
     * @param now the current time in milliseconds, for {@code now}
     * @throws MarshalException with Cassandra's messages
     */
    public static long timestampMillis(String text, LongSupplier now) {
        if (text.equalsIgnoreCase("now")) {
            return now.getAsLong();
        }
        if (INTEGER.matcher(text).matches()) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new MarshalException("Unable to make long (for date) from: '" + text + "'");
            }
        }
        for (DateTimeFormatter format : TIMESTAMP_FORMATS) {
            try {
                return ZonedDateTime.parse(text, format).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                // try the next format
            } catch (ArithmeticException e) {
                break;
            }
        }
        throw new MarshalException("Unable to parse a date/time from '" + text + "'");
    }

    /**
     * The serialized {@code date} of a string: {@code yyyy-mm-dd} (years beyond 4 digits signed), or an unsigned
     * integer (days with 2^31 as the epoch).
     */
    public static ByteBuffer date(String text) {
        return NativeType.INT.decompose(dateDays(text));
    }

    private static int dateDays(String text) {
        if (INTEGER.matcher(text).matches()) {
            try {
                long raw = Long.parseLong(text);
                if (raw < 0 || raw > MAX_DATE_DAYS) {
                    throw new NumberFormatException(text);
                }
                return (int) raw;
            } catch (NumberFormatException e) {
                throw new MarshalException("Unable to make unsigned int (for date) from: '" + text + "'");
            }
        }
        try {
            LocalDate parsed = DATE_FORMAT.parse(text, LocalDate::from);
            long millis = parsed.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            if (millis < MIN_DATE_MILLIS) {
                throw new MarshalException("Input date " + text + " is less than min supported date "
                        + ZonedDateTime.ofInstant(Instant.ofEpochMilli(MIN_DATE_MILLIS), ZoneOffset.UTC));
            }
            if (millis > MAX_DATE_MILLIS) {
                throw new MarshalException("Input date " + text + " is greater than max supported date "
                        + ZonedDateTime.ofInstant(Instant.ofEpochMilli(MAX_DATE_MILLIS), ZoneOffset.UTC));
            }
            return (int) (java.time.Duration.ofMillis(millis).toDays() - Integer.MIN_VALUE);
        } catch (DateTimeException | ArithmeticException e) {
            throw new MarshalException("Unable to coerce '" + text + "' to a formatted date (long)");
        }
    }

    /**
     * Nanoseconds of the day of a {@code time} string: {@code hh:mm:ss[.fffffffff]} (spaces around allowed) or an
     * integer.
     */
    public static long timeNanos(String text) {
        if (INTEGER.matcher(text).matches()) {
            try {
                long v = Long.parseLong(text);
                if (v < 0 || v >= NANOS_PER_DAY) {
                    throw new NumberFormatException(text);
                }
                return v;
            } catch (NumberFormatException e) {
                throw new MarshalException("Unable to make long (for time) from: '" + text + "'");
            }
        }
        try {
            return clockTime(text.trim());
        } catch (IllegalArgumentException e) {
            throw new MarshalException("(TimeType) Unable to coerce '" + text + "' to a formatted time (long)");
        }
    }

    /** {@code h:m:s[.f]} with Cassandra's checks (each part a Java int, up to nine fraction digits). */
    private static long clockTime(String s) {
        int firstColon = s.indexOf(':');
        int secondColon = s.indexOf(':', firstColon + 1);
        if (firstColon <= 0 || secondColon <= 0 || secondColon >= s.length() - 1) {
            throw new IllegalArgumentException(s);
        }
        long hour = inRange(Integer.parseInt(s.substring(0, firstColon)), 24);
        long minute = inRange(Integer.parseInt(s.substring(firstColon + 1, secondColon)), 60);
        int period = s.indexOf('.', secondColon + 1);
        long second;
        long nanos = 0;
        if (period > 0 && period < s.length() - 1) {
            second = inRange(Integer.parseInt(s.substring(secondColon + 1, period)), 60);
            String fraction = s.substring(period + 1);
            if (fraction.length() > 9 || !Character.isDigit(fraction.charAt(0))) {
                throw new IllegalArgumentException(s);
            }
            nanos = Integer.parseInt(fraction + "000000000".substring(fraction.length()));
        } else if (period > 0) {
            throw new IllegalArgumentException(s);
        } else {
            second = inRange(Integer.parseInt(s.substring(secondColon + 1)), 60);
        }
        return TimeUnit.HOURS.toNanos(hour) + TimeUnit.MINUTES.toNanos(minute) + TimeUnit.SECONDS.toNanos(second)
                + nanos;
    }

    private static long inRange(int value, int bound) {
        if (value < 0 || value >= bound) {
            throw new IllegalArgumentException(value + " out of bounds");
        }
        return value;
    }
}
