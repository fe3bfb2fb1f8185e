package dev.kehu.crm.support;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * When a service desk works, for service-level targets that count working time only: the working days of
 * the week, the working periods of such a day, public holidays and extra working days, all in one zone.
 * Pure: nothing here reads a clock.
 *
 * <p>Extra working days are the weekend days worked in exchange for a longer public holiday (调休上班), as
 * Chinese holiday arrangements have them; a date cannot be both a holiday and an extra working day.
 *
 * @param workingDays      the days of the week that are working days, unless a holiday
 * @param periods          the working periods of every working day, in order and not overlapping
 * @param holidays         dates that are not working days, whatever their day of the week
 * @param extraWorkingDays dates that are working days, whatever their day of the week
 */
public record BusinessHours(ZoneId zone, Set<DayOfWeek> workingDays, List<WorkingPeriod> periods,
                            Set<LocalDate> holidays, Set<LocalDate> extraWorkingDays) {
    public BusinessHours {
        requireNonNull(zone, "zone");
        workingDays = Set.copyOf(workingDays);
        periods = List.copyOf(periods);
        holidays = Set.copyOf(holidays);
        extraWorkingDays = Set.copyOf(extraWorkingDays);
        // Without a working day each week, adding working time would never end.
        if (workingDays.isEmpty()) throw new IllegalArgumentException("business hours need at least one working day a week");
        if (periods.isEmpty()) throw new IllegalArgumentException("business hours need at least one working period");
        for (int i = 1; i < periods.size(); i++) {
            if (!periods.get(i - 1).before(periods.get(i))) {
                throw new IllegalArgumentException("working periods must be in order and not overlap, got " + periods);
            }
        }
        Set<LocalDate> both = new HashSet<>(holidays);
        both.retainAll(extraWorkingDays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("a date cannot be both a holiday and an extra working day: " + both);
        }
    }

    /** Monday to Friday, in {@code periods}, without holidays. */
    public static BusinessHours mondayToFriday(ZoneId zone, WorkingPeriod... periods) {
        return new BusinessHours(zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of(periods), Set.of(),
                Set.of());
    }

    /** Every day, all day: working time is elapsed time. */
    public static BusinessHours aroundTheClock(ZoneId zone) {
        return new BusinessHours(zone, EnumSet.allOf(DayOfWeek.class), List.of(WorkingPeriod.wholeDay()), Set.of(),
                Set.of());
    }

    /** These hours with {@code dates} added to the holidays. */
    public BusinessHours withHolidays(Collection<LocalDate> dates) {
        Set<LocalDate> all = new HashSet<>(holidays);
        all.addAll(dates);
        return new BusinessHours(zone, workingDays, periods, all, extraWorkingDays);
    }

    /** These hours with {@code dates} added to the extra working days. */
    public BusinessHours withExtraWorkingDays(Collection<LocalDate> dates) {
        Set<LocalDate> all = new HashSet<>(extraWorkingDays);
        all.addAll(dates);
        return new BusinessHours(zone, workingDays, periods, holidays, all);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (holidays.contains(day)) return false;
        return extraWorkingDays.contains(day) || workingDays.contains(day.getDayOfWeek());
    }

    /** Whether {@code instant} falls in a working period of a working day. */
    public boolean isWorkingTime(Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        if (!isWorkingDay(day)) return false;
        return periods.stream().anyMatch(p -> !p.startOn(day, zone).isAfter(instant) && p.endOn(day, zone).isAfter(instant));
    }

    /**
     * The instant at which {@code workingTime} of working time has passed since {@code start}. Time outside
     * working periods does not count: from a Friday evening, one hour ends an hour after Monday's opening.
     * When the time runs out exactly at the end of a period, that end is the answer, not the next opening.
     * Zero working time is {@code start} itself.
     */
    public Instant plus(Instant start, Duration workingTime) {
        requireNonNull(start, "start");
        requireNonNull(workingTime, "workingTime");
        if (workingTime.isNegative()) throw new IllegalArgumentException("working time must not be negative: " + workingTime);
        if (workingTime.isZero()) return start;
        Duration left = workingTime;
        // A period of the day before ends by midnight at the latest, so the search starts on start's own day.
        for (LocalDate day = start.atZone(zone).toLocalDate(); ; day = day.plusDays(1)) {
            if (!isWorkingDay(day)) continue;
            for (WorkingPeriod period : periods) {
                Instant from = later(period.startOn(day, zone), start);
                Instant to = period.endOn(day, zone);
                if (!from.isBefore(to)) continue;
                Duration available = Duration.between(from, to);
                if (left.compareTo(available) <= 0) return from.plus(left);
                left = left.minus(available);
            }
        }
    }

    /**
     * The working time between {@code from} and {@code to}: how much of it falls in working periods of
     * working days. Negative when {@code to} comes before {@code from}, so that
     * {@code between(a, b).plus(between(b, c))} is always {@code between(a, c)}.
     */
    public Duration between(Instant from, Instant to) {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        if (to.isBefore(from)) return between(to, from).negated();
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) continue;
            for (WorkingPeriod period : periods) {
                Instant start = later(period.startOn(day, zone), from);
                Instant end = earlier(period.endOn(day, zone), to);
                if (start.isBefore(end)) total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
