package dev.kehu.crm.care;

import dev.kehu.crm.common.validation.FourDigitYear;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * How far ahead a care rule looks: never past the last day any store keeps ({@link FourDigitYear#LAST_DAY}). Nothing
 * is stored after it, so the shorter window finds the same records, and a run near the end of year 9999 neither
 * asks a store about a day it cannot hold nor makes a reminder due on one.
 */
final class Horizon {
    /** The last instant kept, to the microsecond the stores keep. */
    private static final Instant LAST_INSTANT = FourDigitYear.LAST_DAY.plusDays(1).atStartOfDay()
            .toInstant(ZoneOffset.UTC).minus(1, ChronoUnit.MICROS);

    private Horizon() {
    }

    /** {@code days} days after {@code today}, or the last day kept when that is earlier. */
    static LocalDate ahead(LocalDate today, long days) {
        return today.isAfter(FourDigitYear.LAST_DAY.minusDays(days)) ? FourDigitYear.LAST_DAY : today.plusDays(days);
    }

    /** The start of the day {@code days} days after {@code today} in {@code zone}, or the last instant kept. */
    static Instant startOfDayAhead(LocalDate today, long days, ZoneId zone) {
        if (today.isAfter(FourDigitYear.LAST_DAY.minusDays(days))) return LAST_INSTANT;
        Instant start = today.plusDays(days).atStartOfDay(zone).toInstant();
        return start.isAfter(LAST_INSTANT) ? LAST_INSTANT : start;
    }
}
