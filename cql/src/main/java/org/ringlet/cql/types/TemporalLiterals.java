package org.ringlet.cql.types;

import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ringlet.api.types.MarshalException;
import org.ringlet.api.types.NativeType;

/**
 * The text forms of {@code timestamp}, {@code date} and {@code time} values. Times without a zone are UTC (a node
 * never depends on its host's default time zone).
 */
public final class TemporalLiterals {
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(-?\\d{4,})-(\\d{1,2})-(\\d{1,2})"
                    + "(?:[ T](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,9}))?)?)?"
                    + "\\s*(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2}|[A-Za-z][A-Za-z0-9/_+-]*)?");
    private static final Pattern DATE = Pattern.compile("(-?\\d{4,})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,9}))?");
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private TemporalLiterals() {
    }

    /** Milliseconds since the epoch of a timestamp literal: an integer, or a date with optional time and zone. */
    public static long timestampMillis(String text) {
        String t = text.trim();
        if (INTEGER.matcher(t).matches()) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new MarshalException("Unable to make long from '" + text + "'");
            }
        }
        Matcher m = TIMESTAMP.matcher(t);
        if (!m.matches()) {
            throw new MarshalException("Unable to parse a date/time from '" + text + "'");
        }
        try {
            int year = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            int day = Integer.parseInt(m.group(3));
            int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
            int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
            ZoneId zone = zone(m.group(8));
            return local.atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeException | NumberFormatException e) {
            throw new MarshalException("Unable to parse a date/time from '" + text + "'");
        }
    }

    private static ZoneId zone(String z) {
        if (z == null || z.equals("Z")) {
            return ZoneOffset.UTC;
        }
        if (z.startsWith("+") || z.startsWith("-")) {
            String digits = z.replace(":", "");
            int sign = digits.charAt(0) == '-' ? -1 : 1;
            int hours = Integer.parseInt(digits.substring(1, 3));
            int minutes = digits.length() > 3 ? Integer.parseInt(digits.substring(3)) : 0;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        }
        return ZoneId.of(z);
    }

    /** The serialized {@code date} of a literal: {@code yyyy-mm-dd}, or an integer (days with 2^31 as the epoch). */
    public static ByteBuffer date(String text) {
        String t = text.trim();
        if (INTEGER.matcher(t).matches()) {
            try {
                long v = Long.parseLong(t);
                if (v < 0 || v > 0xFFFFFFFFL) {
                    throw new MarshalException("Unable to coerce '" + text + "' to a formatted date (long)");
                }
                return NativeType.INT.decompose((int) v);
            } catch (NumberFormatException e) {
                throw new MarshalException("Unable to coerce '" + text + "' to a formatted date (long)");
            }
        }
        Matcher m = DATE.matcher(t);
        if (!m.matches()) {
            throw new MarshalException("Unable to coerce '" + text + "' to a formatted date (long)");
        }
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            return NativeType.DATE.decompose(d);
        } catch (DateTimeException | NumberFormatException e) {
            throw new MarshalException("Unable to coerce '" + text + "' to a formatted date (long)");
        }
    }

    /** Nanoseconds of the day of a {@code time} literal: {@code hh:mm:ss[.fffffffff]} or an integer. */
    public static long timeNanos(String text) {
        String t = text.trim();
        String error = "(TimeType) Unable to coerce '" + text + "' to a formatted time (long)";
        if (INTEGER.matcher(t).matches()) {
            long v;
            try {
                v = Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new MarshalException(error);
            }
            if (v < 0 || v >= NANOS_PER_DAY) {
                throw new MarshalException("Input long out of bounds: " + v);
            }
            return v;
        }
        Matcher m = TIME.matcher(t);
        if (!m.matches()) {
            throw new MarshalException(error);
        }
        try {
            int nanos = m.group(4) == null ? 0 : Integer.parseInt((m.group(4) + "00000000").substring(0, 9));
            return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), nanos).toNanoOfDay();
        } catch (DateTimeException | NumberFormatException e) {
            throw new MarshalException(error);
        }
    }
}
