package dev.kehu.crm.support;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A stretch of working time within one day, from {@code start} (included) to {@code end} (excluded), as wall
 * clock times of the {@link BusinessHours}' zone. An {@code end} of {@code 00:00} means the end of the day, so
 * that {@code 00:00–00:00} is the whole day; a period never runs past midnight (split a night shift in two).
 */
public record WorkingPeriod(LocalTime start, LocalTime end) {
    public WorkingPeriod {
        requireNonNull(start, "start");
        requireNonNull(end, "end");
        if (!end.equals(LocalTime.MIDNIGHT) && !start.isBefore(end)) {
            throw new IllegalArgumentException("a working period ends after it starts, got " + start + "–" + end);
        }
    }

    public static WorkingPeriod of(String start, String end) {
        return new WorkingPeriod(LocalTime.parse(start), LocalTime.parse(end));
    }

    /** The whole day, 00:00 to 24:00. */
    public static WorkingPeriod wholeDay() {
        return new WorkingPeriod(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    boolean endsAtMidnight() {
        return end.equals(LocalTime.MIDNIGHT);
    }

    /** Whether this period is over by the time {@code next} starts. */
    boolean before(WorkingPeriod next) {
        return !endsAtMidnight() && !end.isAfter(next.start);
    }

    // Through ZonedDateTime, so that a period in a zone with daylight saving lasts as long as the clocks say.
    Instant startOn(LocalDate day, ZoneId zone) {
        return day.atTime(start).atZone(zone).toInstant();
    }

    Instant endOn(LocalDate day, ZoneId zone) {
        return endsAtMidnight() ? day.plusDays(1).atStartOfDay(zone).toInstant() : day.atTime(end).atZone(zone).toInstant();
    }
}
