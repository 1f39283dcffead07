package org.ringlet.cql.functions;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Supplier;

import org.ringlet.api.error.InvalidRequestException;
import org.ringlet.api.runtime.Clock;
import org.ringlet.api.runtime.RandomSource;
import org.ringlet.api.types.CqlDuration;
import org.ringlet.api.types.CqlType;
import org.ringlet.api.types.NativeType;

/**
 * The time and UUID functions of Cassandra 5.0: {@code now()}, {@code uuid()}, {@code current_*()},
 * {@code min_timeuuid}/{@code max_timeuuid}, {@code to_date}, {@code to_timestamp}, {@code to_unix_timestamp},
 * {@code floor}, each also under its pre-5.0 name ({@code currentTimestamp}, {@code toDate}, ...).
 */
final class TimeFunctions {
    /** 100-nanosecond intervals between 1582-10-15 (the UUID epoch) and 1970-01-01. */
    private static final long UUID_EPOCH_OFFSET = 0x01b21dd213814000L;
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private TimeFunctions() {
    }

    static void addTo(FunctionRegistry r, Clock clock, RandomSource random, Supplier<ByteBuffer> timeUuids) {
        r.add(now("now", NativeType.TIMEUUID, timeUuids::get));
        r.addWithLegacy(now("current_timeuuid", NativeType.TIMEUUID, timeUuids::get), "currenttimeuuid");
        r.addWithLegacy(now("current_timestamp", NativeType.TIMESTAMP,
                () -> NativeType.TIMESTAMP.decompose(clock.currentTimeMillis())), "currenttimestamp");
        r.addWithLegacy(now("current_date", NativeType.DATE, () -> date(Math.floorDiv(clock.currentTimeMillis(),
                MILLIS_PER_DAY))), "currentdate");
        r.addWithLegacy(now("current_time", NativeType.TIME, () -> NativeType.TIME.decompose(
                Math.floorMod(clock.currentTimeMillis(), MILLIS_PER_DAY) * NANOS_PER_MILLI)), "currenttime");
        r.addWithLegacy(conversion("min_timeuuid", NativeType.TIMEUUID, NativeType.TIMESTAMP,
                millis -> timeUuid(millis, 0, 0x8080808080808080L)), "mintimeuuid");
        r.addWithLegacy(conversion("max_timeuuid", NativeType.TIMEUUID, NativeType.TIMESTAMP,
                millis -> timeUuid(millis, 9999, 0x7f7f7f7f7f7f7f7fL)), "maxtimeuuid");
        for (NativeType from : List.of(NativeType.TIMEUUID, NativeType.TIMESTAMP)) {
            r.addWithLegacy(toDate(from), "todate");
        }
        for (NativeType from : List.of(NativeType.TIMEUUID, NativeType.DATE)) {
            r.addWithLegacy(toTimestamp(from), "totimestamp");
        }
        for (NativeType from : List.of(NativeType.TIMEUUID, NativeType.TIMESTAMP, NativeType.DATE)) {
            r.addWithLegacy(conversion("to_unix_timestamp", NativeType.BIGINT, from,
                    millis -> NativeType.BIGINT.decompose(millis)), "tounixtimestamp");
        }
        r.add(floor(NativeType.TIMESTAMP, NativeType.TIMESTAMP, false));
        r.add(floor(NativeType.TIMESTAMP, NativeType.TIMESTAMP, true));
        r.add(floor(NativeType.TIMESTAMP, NativeType.TIMEUUID, false));
        r.add(floor(NativeType.TIMESTAMP, NativeType.TIMEUUID, true));
        r.add(floor(NativeType.DATE, NativeType.DATE, false));
        r.add(floor(NativeType.DATE, NativeType.DATE, true));
        r.add(floor(NativeType.TIME, NativeType.TIME, false));
        r.add(NativeScalarFunction.of("uuid", NativeType.UUID, List.of(),
                args -> NativeType.UUID.decompose(random.randomUuid())).impure());
    }

    static NativeScalarFunction toDate(NativeType from) {
        return conversion("to_date", NativeType.DATE, from, millis -> date(Math.floorDiv(millis, MILLIS_PER_DAY)));
    }

    static NativeScalarFunction toTimestamp(NativeType from) {
        return conversion("to_timestamp", NativeType.TIMESTAMP, from, millis -> NativeType.TIMESTAMP.decompose(millis));
    }

    private static NativeScalarFunction now(String name, NativeType type, Supplier<ByteBuffer> value) {
        return NativeScalarFunction.of(name, type, List.of(), args -> value.get()).impure();
    }

    /** A function of the time (in milliseconds) a temporal value stands for. */
    private static NativeScalarFunction conversion(String name, NativeType returnType, NativeType from,
                                                   java.util.function.LongFunction<ByteBuffer> convert) {
        return NativeScalarFunction.of(name, returnType, List.of(from), args -> {
            ByteBuffer v = args.get(0);
            if (!v.hasRemaining()) {
                return null;
            }
            return convert.apply(millis(from, v));
        });
    }

    /** The time in milliseconds since the epoch a timestamp, date or time UUID stands for. */
    static long millis(NativeType type, ByteBuffer v) {
        return switch (type.kind()) {
            case TIMESTAMP -> v.getLong(v.position());
            case DATE -> NativeType.dateToEpochDay(v.getInt(v.position())) * MILLIS_PER_DAY;
            case TIMEUUID -> timeUuidMillis(v);
            default -> throw new IllegalArgumentException("not a temporal type: " + type);
        };
    }

    static long timeUuidMillis(ByteBuffer v) {
        long msb = v.getLong(v.position());
        long ticks = ((msb & 0x0fffL) << 48) | (((msb >>> 16) & 0xffffL) << 32) | (msb >>> 32);
        return Math.floorDiv(ticks - UUID_EPOCH_OFFSET, 10_000L);
    }

    private static ByteBuffer timeUuid(long millis, long extraTicks, long lsb) {
        long t = millis * 10_000L + UUID_EPOCH_OFFSET + extraTicks;
        long msb = (t << 32) | ((t >>> 16) & 0xffff0000L) | 0x1000L | ((t >>> 48) & 0x0fffL);
        return ByteBuffer.allocate(16).putLong(0, msb).putLong(8, lsb);
    }

    private static ByteBuffer date(long epochDay) {
        return ByteBuffer.allocate(4).putInt(0, NativeType.epochDayToDate(epochDay));
    }

    /** {@code floor(time, duration[, start])}: the time rounded down to a multiple of the duration. */
    private static NativeScalarFunction floor(NativeType returnType, NativeType timeType, boolean withStart) {
        List<CqlType> args = withStart ? List.of(timeType, NativeType.DURATION, timeType.kind()
                == NativeType.Kind.TIMEUUID ? NativeType.TIMESTAMP : timeType)
                : List.of(timeType, NativeType.DURATION);
        return NativeScalarFunction.of("floor", returnType, args, a -> {
            if (timeType == NativeType.TIME) {
                long nanos = a.get(0).getLong(a.get(0).position());
                CqlDuration d = CqlDuration.deserialize(a.get(1));
                if (d.months() != 0 || d.days() != 0 || d.nanoseconds() <= 0) {
                    throw new InvalidRequestException("For time values, the duration can only contain hours, "
                            + "minutes, seconds, milliseconds, microseconds or nanoseconds");
                }
                return NativeType.TIME.decompose(nanos - nanos % d.nanoseconds());
            }
            long time = millis(timeType, a.get(0));
            CqlDuration d = CqlDuration.deserialize(a.get(1));
            long start = withStart ? millis((NativeType) args.get(2), a.get(2)) : 0L;
            if (returnType == NativeType.DATE) {
                if (d.nanoseconds() != 0) {
                    throw new InvalidRequestException("The floor on date values cannot be computed for the "
                            + org.ringlet.cql.types.ValueFormats.duration(d) + " duration as precision is below 1 day");
                }
            } else if (d.nanoseconds() % NANOS_PER_MILLI != 0) {
                throw new InvalidRequestException("The floor cannot be computed for the "
                        + org.ringlet.cql.types.ValueFormats.duration(d) + " duration as precision is below 1 "
                        + "millisecond");
            }
            long floor = floorTimestamp(time, d, start);
            return returnType == NativeType.DATE ? date(Math.floorDiv(floor, MILLIS_PER_DAY))
                    : NativeType.TIMESTAMP.decompose(floor);
        });
    }

    /** Cassandra's {@code Duration.floorTimestamp}. */
    private static long floorTimestamp(long time, CqlDuration d, long start) {
        if (time < start) {
            throw new InvalidRequestException("The floor function starting time is greater than the provided time");
        }
        if (d.months() == 0) {
            long unit = d.days() * MILLIS_PER_DAY + d.nanoseconds() / NANOS_PER_MILLI;
            if (unit <= 0) {
                throw new InvalidRequestException("Negative durations are not supported by the floor function");
            }
            return time - Math.floorMod(time - start, unit);
        }
        ZonedDateTime s = Instant.ofEpochMilli(start).atZone(ZoneOffset.UTC);
        ZonedDateTime t = Instant.ofEpochMilli(time).atZone(ZoneOffset.UTC);
        long months = (t.getYear() - s.getYear()) * 12L + t.getMonthValue() - s.getMonthValue();
        long multiplier = months / d.months();
        while (true) {
            long candidate = addTo(start, multiplier * d.months(), multiplier * d.days(),
                    multiplier * d.nanoseconds());
            if (candidate <= time) {
                return candidate;
            }
            multiplier--;
        }
    }

    /** Adds a duration to a time as Cassandra does (months and days on the UTC calendar). */
    static long addTo(long millis, long months, long days, long nanos) {
        if (months == 0) {
            return millis + days * MILLIS_PER_DAY + nanos / NANOS_PER_MILLI;
        }
        ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).plusMonths(months).plusDays(days)
                .plusNanos(nanos / NANOS_PER_MILLI * NANOS_PER_MILLI);
        return t.toInstant().toEpochMilli();
    }

    /** A date plus or minus a duration, which must be whole days. */
    static ByteBuffer addToDate(ByteBuffer date, CqlDuration d, boolean subtract) {
        if (d.nanoseconds() != 0) {
            throw new IllegalArgumentException("The duration must have a day precision. Was: "
                    + org.ringlet.cql.types.ValueFormats.duration(d));
        }
        long day = NativeType.dateToEpochDay(date.getInt(date.position()));
        LocalDate ld = LocalDate.ofEpochDay(day);
        ld = subtract ? ld.minusMonths(d.months()).minusDays(d.days()) : ld.plusMonths(d.months()).plusDays(d.days());
        return date(ld.toEpochDay());
    }
}
