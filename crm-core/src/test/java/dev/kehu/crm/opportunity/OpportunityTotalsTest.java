package dev.kehu.crm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.CustomerId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OpportunityTotalsTest {
    private static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");
    private static final UserId WANG = new UserId("wang.wei");

    private static Opportunity deal(String id, String stage, String amount, String currency, int percent,
                                    String expected) {
        Opportunity open = Opportunity.open(new OpportunityId(id), new TenantId("t"), Pipeline.standard(), "ERP",
                new CustomerId("c-1"), LocalDate.of(2026, 11, 1), WANG, WANG, T0).opportunity();
        return open.toBuilder().stage(stage).probability(Probability.of(percent))
                .expectedAmount(amount == null ? null : Money.of(amount, currency))
                .expectedSigningDate(expected == null ? null : LocalDate.parse(expected)).build();
    }

    @Test
    @DisplayName("by stage, status and currency: each weighted amount is rounded half-even before it is added, and "
            + "deals without an amount are counted in a group without sums")
    void byStage() {
        List<Opportunity> deals = List.of(
                deal("o-1", "TENDER", "0.05", "CNY", 50, null),   // 0.025 → 0.02
                deal("o-2", "TENDER", "0.05", "CNY", 50, null),   // 0.02 again: 0.04, where the sum rounded is 0.05
                deal("o-3", "TENDER", "5", "JPY", 50, null),      // 2.5 → 2
                deal("o-4", "TENDER", null, null, 50, null),
                deal("o-5", "SOLUTION", "15", "JPY", 50, null),   // 7.5 → 8
                deal("o-6", "TENDER", "100", "CNY", 50, null).toBuilder().status(OpportunityStatus.WON)
                        .probability(Probability.CERTAIN).closedAt(T0).build());

        assertThat(OpportunityTotals.of(deals, OpportunityTotals.Grouping.STAGE)).containsExactly(
                new OpportunityTotals("TENDER", null, OpportunityStatus.OPEN, 2, Money.of("0.10", "CNY"),
                        Money.of("0.04", "CNY")),
                new OpportunityTotals("TENDER", null, OpportunityStatus.OPEN, 1, Money.of("5", "JPY"),
                        Money.of("2", "JPY")),
                new OpportunityTotals("TENDER", null, OpportunityStatus.OPEN, 1, null, null),
                new OpportunityTotals("SOLUTION", null, OpportunityStatus.OPEN, 1, Money.of("15", "JPY"),
                        Money.of("8", "JPY")),
                new OpportunityTotals("TENDER", null, OpportunityStatus.WON, 1, Money.of("100", "CNY"),
                        Money.of("100", "CNY")));
    }

    @Test
    @DisplayName("by month of expected signing: a month ends on its last day, and deals without a date have no month")
    void byExpectedMonth() {
        List<Opportunity> deals = List.of(
                deal("o-1", "TENDER", "10", "USD", 30, "2027-01-31"),
                deal("o-2", "SOLUTION", "20", "USD", 60, "2027-01-01"),
                deal("o-3", "TENDER", "30", "USD", 30, "2027-02-01"),
                deal("o-4", "TENDER", "40", "USD", 30, null));

        assertThat(OpportunityTotals.of(deals, OpportunityTotals.Grouping.EXPECTED_MONTH)).containsExactly(
                new OpportunityTotals(null, YearMonth.of(2027, 1), OpportunityStatus.OPEN, 2, Money.of("30", "USD"),
                        Money.of("15", "USD")),
                new OpportunityTotals(null, YearMonth.of(2027, 2), OpportunityStatus.OPEN, 1, Money.of("30", "USD"),
                        Money.of("9", "USD")),
                new OpportunityTotals(null, null, OpportunityStatus.OPEN, 1, Money.of("40", "USD"),
                        Money.of("12", "USD")));
        assertThat(OpportunityTotals.of(List.of(), OpportunityTotals.Grouping.STAGE)).isEmpty();
    }

    @Test
    @DisplayName("a group has at least one deal and both sums in one currency, or neither")
    void refusesInconsistentTotals() {
        Money cny = Money.of("1", "CNY");
        assertThatThrownBy(() -> new OpportunityTotals("TENDER", null, OpportunityStatus.OPEN, 0, cny, cny))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new OpportunityTotals("TENDER", null, OpportunityStatus.OPEN, 1, cny, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both sums or neither");
        assertThatThrownBy(() -> new OpportunityTotals("TENDER", null, OpportunityStatus.OPEN, 1, cny,
                Money.of("1", "USD"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one currency");
        assertThatThrownBy(() -> new OpportunityTotals("TENDER", null, null, 1, null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("status");
    }
}
