package dev.kehu.crm.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CareRulesTest {
    @Test
    @DisplayName("the defaults: every rule on, notice 30/60/90 days, dormant after 6 months, tickets by tomorrow")
    void defaults() {
        CareRules rules = CareRules.defaults();

        assertThat(CareRules.BUILT_IN).allMatch(rules::isEnabled);
        assertThat(rules.contractNoticeDays()).containsExactly(30, 60, 90);
        assertThat(rules.dormancy()).isEqualTo(Period.ofMonths(6));
        assertThat(rules.ticketDays()).isEqualTo(1);
        assertThat(rules.birthdayDays()).isEqualTo(7);
        assertThat(rules.quietDays()).isEqualTo(14);
        assertThat(rules.pageSize()).isEqualTo(200);
    }

    @Test
    @DisplayName("each change is a copy: the rules it came from stay as they were")
    void changesAreCopies() {
        CareRules defaults = CareRules.defaults();

        CareRules changed = defaults.contractNotice(15).dormantAfter(Period.ofMonths(3)).ticketsDueWithin(0)
                .disable(CareRules.DORMANT_CUSTOMERS);

        assertThat(changed.contractNoticeDays()).containsExactly(15);
        assertThat(changed.dormancy()).isEqualTo(Period.ofMonths(3));
        assertThat(changed.ticketDays()).isZero();
        assertThat(changed.isEnabled(CareRules.DORMANT_CUSTOMERS)).isFalse();
        assertThat(defaults.contractNoticeDays()).containsExactly(30, 60, 90);
        assertThat(defaults.isEnabled(CareRules.DORMANT_CUSTOMERS)).isTrue();
    }

    @Test
    @DisplayName("notice periods are kept shortest first, without repeats")
    void noticePeriodsSorted() {
        assertThat(CareRules.defaults().contractNotice(90, 30, 60, 30).contractNoticeDays()).containsExactly(30, 60, 90);
    }

    @Test
    @DisplayName("out-of-range parameters are refused with the allowed range")
    void refusesOutOfRange() {
        assertThatThrownBy(() -> CareRules.defaults().contractNotice()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CareRules.defaults().contractNotice(30, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1–366");
        assertThatThrownBy(() -> CareRules.defaults().dormantAfter(Period.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CareRules.defaults().dormantAfter(Period.ofMonths(1).minusDays(40)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CareRules.defaults().ticketsDueWithin(31))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0–30");
        assertThatThrownBy(() -> CareRules.defaults().birthdaysAhead(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
