package dev.kehu.crm.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.kehu.crm.customer.CustomerId;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DormancyRuleTest {
    private static final LocalDate LAST = LocalDate.of(2025, 1, 15);

    private static SalesOrder orderOn(String id, LocalDate date) {
        return SalesOrderTest.order().toBuilder().id(new SalesOrderId(id)).orderDate(date).build();
    }

    @Test
    @DisplayName("a customer is dormant only after more than six months without a purchase")
    void sixMonths() {
        assertThat(DormancyRule.isDormant(Optional.of(LAST), LocalDate.of(2025, 7, 15))).isFalse();
        assertThat(DormancyRule.isDormant(Optional.of(LAST), LocalDate.of(2025, 7, 16))).isTrue();
        assertThat(DormancyRule.isDormant(Optional.of(LAST), LAST)).isFalse();
    }

    @Test
    @DisplayName("a dormant spell begins on the first day the rule holds, also when the period ends on a short month")
    void dormantFrom() {
        assertThat(DormancyRule.dormantFrom(LAST, DormancyRule.DEFAULT_THRESHOLD)).isEqualTo(LocalDate.of(2025, 7, 16));
        LocalDate endOfAugust = LocalDate.of(2026, 8, 31);
        LocalDate from = DormancyRule.dormantFrom(endOfAugust, DormancyRule.DEFAULT_THRESHOLD);
        assertThat(from).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(DormancyRule.isDormant(Optional.of(endOfAugust), from)).isTrue();
        assertThat(DormancyRule.isDormant(Optional.of(endOfAugust), from.minusDays(1))).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> DormancyRule.dormantFrom(LAST, Period.ZERO));
    }

    @Test
    @DisplayName("the cutoff of a range scan is exact at month ends: on 31 August, a purchase on 28 February is dormant, one on 1 March not")
    void cutoffAtMonthEnd() {
        LocalDate today = LocalDate.of(2026, 8, 31);

        assertThat(DormancyRule.purchasedBefore(today, DormancyRule.DEFAULT_THRESHOLD)).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(DormancyRule.isDormant(Optional.of(LocalDate.of(2026, 2, 28)), today)).isTrue();
        assertThat(DormancyRule.isDormant(Optional.of(LocalDate.of(2026, 3, 1)), today)).isFalse();
        assertThat(DormancyRule.purchasedBefore(LocalDate.of(2025, 7, 16), DormancyRule.DEFAULT_THRESHOLD)).isEqualTo(LAST.plusDays(1));
    }

    @Test
    @DisplayName("the period is configurable")
    void configurable() {
        Period threeMonths = Period.ofMonths(3);

        assertThat(DormancyRule.isDormant(Optional.of(LAST), LocalDate.of(2025, 4, 16), threeMonths)).isTrue();
        assertThat(DormancyRule.isDormant(Optional.of(LAST), LocalDate.of(2025, 4, 15), threeMonths)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> DormancyRule.isDormant(Optional.of(LAST), LAST, Period.ZERO));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DormancyRule.isDormant(Optional.of(LAST), LAST, Period.ofMonths(-6)));
    }

    @Test
    @DisplayName("a customer who never bought is not dormant")
    void neverBought() {
        assertThat(DormancyRule.isDormant(Optional.empty(), LocalDate.of(2030, 1, 1))).isFalse();
        assertThat(DormancyRule.isDormant(List.of(), LocalDate.of(2030, 1, 1), DormancyRule.DEFAULT_THRESHOLD)).isFalse();
    }

    @Test
    @DisplayName("the last purchase is the latest order date of an order that is not cancelled")
    void lastPurchase() {
        SalesOrder old = orderOn("so-1", LAST);
        SalesOrder cancelled = orderOn("so-2", LAST.plusMonths(5)).cancel(SalesOrderTest.LATER);
        SalesOrder confirmed = orderOn("so-3", LAST.plusMonths(1)).confirm(SalesOrderTest.LATER);

        assertThat(DormancyRule.lastPurchase(List.of(old, cancelled, confirmed))).contains(LAST.plusMonths(1));
        assertThat(DormancyRule.lastPurchase(List.of(cancelled))).isEmpty();
        // The cancelled order of May does not keep the customer awake in August.
        assertThat(DormancyRule.isDormant(List.of(old, cancelled, confirmed), LocalDate.of(2025, 8, 16),
                DormancyRule.DEFAULT_THRESHOLD)).isTrue();
    }

    @Test
    @DisplayName("the orders of several customers are not one customer's purchases")
    void oneCustomer() {
        SalesOrder other = orderOn("so-9", LAST).toBuilder().customer(new CustomerId("c-other")).build();

        assertThatIllegalArgumentException().isThrownBy(() -> DormancyRule.lastPurchase(List.of(orderOn("so-1", LAST), other)));
    }
}
