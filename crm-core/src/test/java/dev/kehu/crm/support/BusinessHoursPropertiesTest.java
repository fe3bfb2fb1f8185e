package dev.kehu.crm.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The laws of working time, for several calendars, over random instants in 2026 and durations up to 300 hours. */
class BusinessHoursPropertiesTest {
    private static final Instant YEAR_START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long YEAR_SECONDS = Duration.ofDays(365).toSeconds();

    @Provide
    Arbitrary<BusinessHours> calendars() {
        return Arbitraries.of(
                BusinessHoursTest.OFFICE,
                BusinessHoursTest.WITH_HOLIDAYS,
                BusinessHours.aroundTheClock(ZoneId.of("Europe/Berlin")),
                // Daylight saving in a zone with an office: the spring-forward night cuts into nothing.
                BusinessHours.mondayToFriday(ZoneId.of("America/New_York"), WorkingPeriod.of("08:30", "17:00")),
                new BusinessHours(ZoneId.of("Asia/Shanghai"), EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                        List.of(WorkingPeriod.of("00:00", "06:00"), WorkingPeriod.of("20:00", "00:00")),
                        Set.of(LocalDate.of(2026, 5, 2)), Set.of(LocalDate.of(2026, 5, 6))));
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Instant> anyTime = Arbitraries.longs().between(0, YEAR_SECONDS).map(YEAR_START::plusSeconds);
        // Instants on the edges of periods are where mistakes hide.
        Arbitrary<Instant> onTheHour = Arbitraries.longs().between(0, 365 * 24).map(h -> YEAR_START.plusSeconds(h * 3600));
        return Arbitraries.oneOf(anyTime, onTheHour);
    }

    @Provide
    Arbitrary<Duration> durations() {
        Arbitrary<Duration> seconds = Arbitraries.longs().between(0, 300 * 3600).map(Duration::ofSeconds);
        Arbitrary<Duration> hours = Arbitraries.longs().between(0, 300).map(Duration::ofHours);
        return Arbitraries.oneOf(seconds, hours);
    }

    @Property(tries = 400)
    @Label("the working time between a start and the start plus d is d")
    void betweenUndoesPlus(@ForAll("calendars") BusinessHours hours, @ForAll("instants") Instant a,
                           @ForAll("durations") Duration d) {
        assertThat(hours.between(a, hours.plus(a, d))).isEqualTo(d);
    }

    @Property(tries = 300)
    @Label("plus grows with the working time and with the start")
    void monotonic(@ForAll("calendars") BusinessHours hours, @ForAll("instants") Instant a,
                   @ForAll("instants") Instant b, @ForAll("durations") Duration d, @ForAll("durations") Duration e) {
        Instant early = a.isBefore(b) ? a : b;
        Instant late = a.isBefore(b) ? b : a;
        Duration less = d.compareTo(e) <= 0 ? d : e;
        Duration more = d.compareTo(e) <= 0 ? e : d;
        assertThat(hours.plus(a, less)).isBeforeOrEqualTo(hours.plus(a, more));
        assertThat(hours.plus(early, d)).isBeforeOrEqualTo(hours.plus(late, d));
        assertThat(hours.plus(a, d)).isAfterOrEqualTo(a);
    }

    @Property(tries = 300)
    @Label("working time adds up over consecutive intervals, is never more than elapsed time, and reverses sign")
    void betweenAdds(@ForAll("calendars") BusinessHours hours, @ForAll("instants") Instant a,
                     @ForAll("instants") Instant b, @ForAll("instants") Instant c) {
        assertThat(hours.between(a, b).plus(hours.between(b, c))).isEqualTo(hours.between(a, c));
        assertThat(hours.between(b, a)).isEqualTo(hours.between(a, b).negated());
        Instant early = a.isBefore(b) ? a : b;
        Instant late = a.isBefore(b) ? b : a;
        assertThat(hours.between(early, late)).isBetween(Duration.ZERO, Duration.between(early, late));
    }

    @Property(tries = 300)
    @Label("a positive amount of working time ends at a moment just after working time")
    void endsInWorkingTime(@ForAll("calendars") BusinessHours hours, @ForAll("instants") Instant a,
                           @ForAll("durations") Duration d) {
        if (d.isZero()) return;
        assertThat(hours.isWorkingTime(hours.plus(a, d).minusNanos(1))).isTrue();
    }
}
