package org.ringlet.tools.cqlsh.format;

import java.time.ZoneId;
import java.time.ZoneOffset;

import static java.util.Objects.requireNonNull;

/**
 * How values are shown.
 *
 * @param floatPrecision  significant digits for {@code float} values (cqlsh's {@code float_precision}, 5)
 * @param doublePrecision significant digits for {@code double} values (cqlsh's {@code double_precision}, 5)
 * @param zone            the time zone timestamps are shown in (UTC unless {@code TZ} or an option says otherwise)
 * @param color           whether to add ANSI colours
 */
public record DisplaySettings(int floatPrecision, int doublePrecision, ZoneId zone, boolean color) {
    public static final int DEFAULT_PRECISION = 5;

    public DisplaySettings {
        requireNonNull(zone, "zone is null");
        if (floatPrecision < 0 || doublePrecision < 0) {
            throw new IllegalArgumentException("precisions must not be negative: " + floatPrecision + ", "
                    + doublePrecision);
        }
    }

    /** cqlsh's defaults without colours. */
    public static DisplaySettings defaults() {
        return new DisplaySettings(DEFAULT_PRECISION, DEFAULT_PRECISION, ZoneOffset.UTC, false);
    }

    public DisplaySettings withColor(boolean on) {
        return new DisplaySettings(floatPrecision, doublePrecision, zone, on);
    }
}
