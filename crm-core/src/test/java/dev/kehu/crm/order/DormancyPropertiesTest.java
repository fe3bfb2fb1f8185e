package dev.kehu.crm.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The dormant-customer watch over random dates and periods. */
class DormancyPropertiesTest {
    private static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);

    @Property(tries = 500)
    @Label("once dormant, a customer stays dormant on every later day until a new purchase; never before the period is over")
    void monotone(@ForAll @IntRange(min = 0, max = 3000) int lastDay, @ForAll @IntRange(min = 0, max = 3000) int today,
                  @ForAll @IntRange(min = 1, max = 24) int months, @ForAll @IntRange(min = 1, max = 400) int later) {
        LocalDate last = EPOCH.plusDays(lastDay);
        LocalDate day = EPOCH.plusDays(today);
        Period threshold = Period.ofMonths(months);

        boolean dormant = DormancyRule.isDormant(Optional.of(last), day, threshold);

        assertThat(dormant).isEqualTo(day.isAfter(last.plus(threshold)));
        if (dormant) assertThat(DormancyRule.isDormant(Optional.of(last), day.plusDays(later), threshold)).isTrue();
        // A purchase on the day itself ends dormancy.
        assertThat(DormancyRule.isDormant(Optional.of(day), day, threshold)).isFalse();
    }

    @Property(tries = 1000)
    @Label("a last purchase before the cutoff of a day, and only such a purchase, makes the customer dormant on that day")
    void cutoffSplitsExactly(@ForAll @IntRange(min = 0, max = 3000) int lastDay,
                             @ForAll @IntRange(min = 0, max = 3000) int today,
                             @ForAll @IntRange(min = 1, max = 24) int months, @ForAll @IntRange(min = 0, max = 40) int days) {
        Period threshold = Period.of(0, months, days);
        LocalDate last = EPOCH.plusDays(lastDay);
        LocalDate day = EPOCH.plusDays(today);

        LocalDate cutoff = DormancyRule.purchasedBefore(day, threshold);

        assertThat(last.isBefore(cutoff)).isEqualTo(DormancyRule.isDormant(Optional.of(last), day, threshold));
    }
}
