package dev.kehu.crm.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Working time in a Shanghai office open Monday to Friday, 09:00–12:00 and 13:00–18:00 (eight hours a day).
 * Test calendar: 2026-11-02 is a Monday; 1–8 October 2026 are holidays and Saturday 10 October is worked instead.
 */
class BusinessHoursTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final BusinessHours OFFICE = BusinessHours.mondayToFriday(SHANGHAI,
            WorkingPeriod.of("09:00", "12:00"), WorkingPeriod.of("13:00", "18:00"));
    static final BusinessHours WITH_HOLIDAYS = OFFICE
            .withHolidays(LocalDate.of(2026, 10, 1).datesUntil(LocalDate.of(2026, 10, 9)).toList())
            .withExtraWorkingDays(List.of(LocalDate.of(2026, 10, 10)));

    /** A wall-clock time in Shanghai, "2026-11-02 10:00". */
    static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime.replace(' ', 'T')).atZone(SHANGHAI).toInstant();
    }

    static Stream<Arguments> additions() {
        return Stream.of(
                Arguments.of("within a period", "2026-11-02 10:00", "PT1H", "2026-11-02 11:00"),
                Arguments.of("over the lunch break", "2026-11-02 11:30", "PT1H", "2026-11-02 13:30"),
                Arguments.of("into the next morning", "2026-11-02 17:00", "PT2H", "2026-11-03 10:00"),
                Arguments.of("from the evening", "2026-11-02 20:00", "PT1H", "2026-11-03 10:00"),
                Arguments.of("from before opening", "2026-11-02 07:15", "PT30M", "2026-11-02 09:30"),
                Arguments.of("from the lunch break", "2026-11-02 12:20", "PT10M", "2026-11-02 13:10"),
                Arguments.of("over the weekend", "2026-11-06 17:00", "PT2H", "2026-11-09 10:00"),
                Arguments.of("from a Saturday", "2026-11-07 11:00", "PT30M", "2026-11-09 09:30"),
                Arguments.of("ending exactly at closing", "2026-11-02 16:00", "PT2H", "2026-11-02 18:00"),
                Arguments.of("ending exactly at lunch", "2026-11-02 09:00", "PT3H", "2026-11-02 12:00"),
                Arguments.of("two full days", "2026-11-02 09:00", "PT16H", "2026-11-03 18:00"),
                Arguments.of("a full week", "2026-11-02 09:00", "PT40H", "2026-11-06 18:00"),
                Arguments.of("a week and a minute", "2026-11-02 09:00", "PT40H1M", "2026-11-09 09:01"),
                Arguments.of("seconds count", "2026-11-02 11:59:30", "PT45S", "2026-11-02 13:00:15"));
    }

    @ParameterizedTest(name = "{0}: {1} + {2} = {3}")
    @MethodSource("additions")
    @DisplayName("adding working time skips evenings, lunch breaks and weekends")
    void plus(String name, String start, String workingTime, String expected) {
        assertThat(OFFICE.plus(at(start), Duration.parse(workingTime))).isEqualTo(at(expected));
        assertThat(OFFICE.between(at(start), at(expected))).isEqualTo(Duration.parse(workingTime));
    }

    @Test
    @DisplayName("holidays are skipped and an extra working Saturday counts")
    void holidays() {
        assertThat(WITH_HOLIDAYS.plus(at("2026-09-30 17:00"), Duration.ofHours(2))).isEqualTo(at("2026-10-09 10:00"));
        assertThat(WITH_HOLIDAYS.plus(at("2026-10-09 17:00"), Duration.ofHours(2))).isEqualTo(at("2026-10-10 10:00"));
        assertThat(WITH_HOLIDAYS.plus(at("2026-10-10 17:00"), Duration.ofHours(2))).isEqualTo(at("2026-10-12 10:00"));
        assertThat(WITH_HOLIDAYS.between(at("2026-09-30 00:00"), at("2026-10-12 00:00"))).isEqualTo(Duration.ofHours(24));
        assertThat(OFFICE.between(at("2026-09-30 00:00"), at("2026-10-12 00:00"))).isEqualTo(Duration.ofHours(64));
        assertThat(WITH_HOLIDAYS.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(WITH_HOLIDAYS.isWorkingDay(LocalDate.of(2026, 10, 5))).isFalse();
    }

    @Test
    @DisplayName("between counts only working time, is zero outside it and negative backwards")
    void between() {
        assertThat(OFFICE.between(at("2026-11-06 17:00"), at("2026-11-09 10:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(OFFICE.between(at("2026-11-07 08:00"), at("2026-11-08 23:00"))).isZero();
        assertThat(OFFICE.between(at("2026-11-02 18:00"), at("2026-11-03 09:00"))).isZero();
        assertThat(OFFICE.between(at("2026-11-02 12:00"), at("2026-11-02 13:00"))).isZero();
        assertThat(OFFICE.between(at("2026-11-02 10:00"), at("2026-11-02 10:00"))).isZero();
        assertThat(OFFICE.between(at("2026-11-09 10:00"), at("2026-11-06 17:00"))).isEqualTo(Duration.ofHours(-2));
        assertThat(OFFICE.between(at("2026-11-01 00:00"), at("2026-12-01 00:00"))).isEqualTo(Duration.ofHours(21 * 8));
    }

    @Test
    @DisplayName("zero working time is the start itself, even outside working hours")
    void zero() {
        assertThat(OFFICE.plus(at("2026-11-07 11:00"), Duration.ZERO)).isEqualTo(at("2026-11-07 11:00"));
    }

    @Test
    @DisplayName("working time is in working periods of working days, their ends excluded")
    void isWorkingTime() {
        assertThat(OFFICE.isWorkingTime(at("2026-11-02 09:00"))).isTrue();
        assertThat(OFFICE.isWorkingTime(at("2026-11-02 11:59:59"))).isTrue();
        assertThat(OFFICE.isWorkingTime(at("2026-11-02 12:00"))).isFalse();
        assertThat(OFFICE.isWorkingTime(at("2026-11-02 18:00"))).isFalse();
        assertThat(OFFICE.isWorkingTime(at("2026-11-07 10:00"))).isFalse();
        assertThat(WITH_HOLIDAYS.isWorkingTime(at("2026-10-10 10:00"))).isTrue();
    }

    @Test
    @DisplayName("around the clock, working time is elapsed time, also over a daylight-saving change")
    void aroundTheClock() {
        BusinessHours always = BusinessHours.aroundTheClock(SHANGHAI);
        assertThat(always.plus(at("2026-11-07 23:30"), Duration.ofHours(25))).isEqualTo(at("2026-11-09 00:30"));
        BusinessHours berlin = BusinessHours.aroundTheClock(ZoneId.of("Europe/Berlin"));
        Instant saturdayNoon = Instant.parse("2026-03-28T11:00:00Z");
        Instant sundayNoon = Instant.parse("2026-03-29T10:00:00Z"); // clocks went forward in the night
        assertThat(berlin.between(saturdayNoon, sundayNoon)).isEqualTo(Duration.ofHours(23));
        assertThat(berlin.plus(saturdayNoon, Duration.ofHours(23))).isEqualTo(sundayNoon);
    }

    @Test
    @DisplayName("a period may end at midnight, for a desk that works into the night")
    void untilMidnight() {
        BusinessHours late = BusinessHours.mondayToFriday(SHANGHAI, WorkingPeriod.of("18:00", "00:00"));
        assertThat(late.plus(at("2026-11-02 23:00"), Duration.ofHours(1))).isEqualTo(at("2026-11-03 00:00"));
        assertThat(late.plus(at("2026-11-02 23:00"), Duration.ofHours(2))).isEqualTo(at("2026-11-03 19:00"));
        assertThat(late.between(at("2026-11-06 20:00"), at("2026-11-09 20:00"))).isEqualTo(Duration.ofHours(6));
    }

    @Test
    @DisplayName("inconsistent business hours are programming errors")
    void invalid() {
        assertThatThrownBy(() -> BusinessHours.mondayToFriday(SHANGHAI, WorkingPeriod.of("09:00", "12:00"),
                WorkingPeriod.of("11:00", "18:00"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusinessHours.mondayToFriday(SHANGHAI, WorkingPeriod.of("13:00", "18:00"),
                WorkingPeriod.of("09:00", "12:00"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusinessHours.mondayToFriday(SHANGHAI)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessHours(SHANGHAI, Set.of(), List.of(WorkingPeriod.wholeDay()), Set.of(),
                Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkingPeriod.of("18:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OFFICE.withHolidays(List.of(LocalDate.of(2026, 10, 10)))
                .withExtraWorkingDays(List.of(LocalDate.of(2026, 10, 10)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OFFICE.plus(at("2026-11-02 10:00"), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new BusinessHours(SHANGHAI, EnumSet.of(DayOfWeek.SATURDAY), List.of(WorkingPeriod.wholeDay()),
                Set.of(), Set.of()).plus(at("2026-11-02 10:00"), Duration.ofHours(1))).isEqualTo(at("2026-11-07 01:00"));
    }
}
