package dev.kehu.crm.support;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * A service-level agreement: for each priority, how long the first response and the resolution may take,
 * counted in the desk's {@link BusinessHours}; and how much working time before a deadline a ticket counts as
 * about to breach.
 *
 * @param warning the working time left at which a target is at risk; zero for no warning
 */
public record ServiceLevel(BusinessHours hours, Map<TicketPriority, Targets> targets, Duration warning) {
    public ServiceLevel {
        requireNonNull(hours, "hours");
        targets = Map.copyOf(targets);
        for (TicketPriority priority : TicketPriority.values()) {
            if (!targets.containsKey(priority)) {
                throw new IllegalArgumentException("a service level has targets for every priority, not for " + priority);
            }
        }
        requireNonNull(warning, "warning");
        if (warning.isNegative()) throw new IllegalArgumentException("the warning must not be negative");
    }

    /**
     * The targets of one priority.
     *
     * @param aroundTheClock whether they count every hour of every day rather than the business hours, as
     *                       urgent repairs usually do
     */
    public record Targets(Duration firstResponse, Duration resolution, boolean aroundTheClock) {
        public Targets {
            requireNonNull(firstResponse, "firstResponse");
            requireNonNull(resolution, "resolution");
            if (firstResponse.isNegative() || firstResponse.isZero() || resolution.isNegative() || resolution.isZero()) {
                throw new IllegalArgumentException("service-level targets are positive durations");
            }
            if (firstResponse.compareTo(resolution) > 0) {
                throw new IllegalArgumentException("the first response is due no later than the resolution");
            }
        }

        /** Targets counted in business hours. */
        public static Targets within(Duration firstResponse, Duration resolution) {
            return new Targets(firstResponse, resolution, false);
        }

        public Duration allowed(SlaTarget target) {
            return target == SlaTarget.FIRST_RESPONSE ? firstResponse : resolution;
        }
    }

    public Targets targets(TicketPriority priority) {
        return targets.get(priority);
    }

    /** The calendar the targets of {@code priority} are counted in. */
    public BusinessHours hoursFor(TicketPriority priority) {
        return targets(priority).aroundTheClock() ? BusinessHours.aroundTheClock(hours.zone()) : hours;
    }

    /**
     * The default: a desk in China Standard Time (Asia/Shanghai) working Monday to Friday, 09:00–12:00 and
     * 13:00–18:00 (eight hours a day), warning one working hour before a deadline. First response and resolution:
     * urgent 1 h and 4 h around the clock; high 2 h and 8 h (a working day); normal 4 h and 24 h (three working
     * days); low 8 h and 40 h (a working week). Public holidays are the host's to add
     * ({@link BusinessHours#withHolidays}).
     */
    public static ServiceLevel standard() {
        BusinessHours hours = BusinessHours.mondayToFriday(java.time.ZoneId.of("Asia/Shanghai"),
                WorkingPeriod.of("09:00", "12:00"), WorkingPeriod.of("13:00", "18:00"));
        return of(hours, Duration.ofHours(1), Map.of(
                TicketPriority.URGENT, new Targets(Duration.ofHours(1), Duration.ofHours(4), true),
                TicketPriority.HIGH, Targets.within(Duration.ofHours(2), Duration.ofHours(8)),
                TicketPriority.NORMAL, Targets.within(Duration.ofHours(4), Duration.ofHours(24)),
                TicketPriority.LOW, Targets.within(Duration.ofHours(8), Duration.ofHours(40))));
    }

    /** Builds a level from targets given priority by priority. */
    public static ServiceLevel of(BusinessHours hours, Duration warning, Map<TicketPriority, Targets> targets) {
        return new ServiceLevel(hours, new EnumMap<>(targets), warning);
    }
}
