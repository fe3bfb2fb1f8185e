package dev.kehu.crm.contract;

import static dev.kehu.crm.common.Refusals.refusal;
import static dev.kehu.crm.contract.ContractFixtures.END;
import static dev.kehu.crm.contract.ContractFixtures.START;
import static dev.kehu.crm.contract.ContractFixtures.T1;
import static dev.kehu.crm.contract.ContractFixtures.approved;
import static dev.kehu.crm.contract.ContractFixtures.cny;
import static dev.kehu.crm.contract.ContractFixtures.complete;
import static dev.kehu.crm.contract.ContractFixtures.completed;
import static dev.kehu.crm.contract.ContractFixtures.draft;
import static dev.kehu.crm.contract.ContractFixtures.empty;
import static dev.kehu.crm.contract.ContractFixtures.executing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kehu.crm.common.CurrencyMismatchException;
import dev.kehu.crm.common.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContractContentTest {
    private static ContractContent with(Money amount, PaymentMilestone... milestones) {
        ContractContent c = complete();
        return new ContractContent(c.ourParty(), c.theirParty(), c.startDate(), c.endDate(), amount, c.terms(),
                List.of(milestones));
    }

    private static PaymentMilestone due(String amount) {
        return PaymentMilestone.of(START, cny(amount), null);
    }

    @Test
    @DisplayName("editing a draft replaces its content and stamps the time; the history is not touched")
    void edit() {
        Contract edited = empty().edit(complete(), T1);

        assertThat(edited.content()).isEqualTo(complete());
        assertThat(edited.updatedAt()).isEqualTo(T1);
        assertThat(edited.historyLength()).isEqualTo(1);
        assertThat(edited.auditFields()).containsEntry("amount", "100000.00").containsEntry("status", "DRAFT")
                .containsEntry("startDate", "2025-04-01").containsEntry("signingDate", null)
                .containsEntry("milestones", "[2025-04-01 30000.00 预付款, 2026-03-31 70000.00 验收款]");
    }

    @Test
    @DisplayName("the end date is not before the start date; a one-day contract is fine")
    void dates() {
        ContractContent c = complete();
        ContractContent backwards = new ContractContent(c.ourParty(), c.theirParty(), END, START, c.amount(), c.terms(),
                c.milestones());
        ContractContent oneDay = new ContractContent(c.ourParty(), c.theirParty(), START, START, c.amount(), c.terms(),
                c.milestones());

        assertThat(refusal(() -> draft().edit(backwards, T1)).code()).isEqualTo("contract.dates.order");
        assertThat(draft().edit(oneDay, T1).endDate()).isEqualTo(START);
        assertThatIllegalArgumentException().isThrownBy(() -> draft().toBuilder().endDate(START.minusDays(1)).build());
    }

    @Test
    @DisplayName("the amount is not negative; zero is allowed (a framework agreement)")
    void amount() {
        assertThat(refusal(() -> draft().edit(with(cny("-0.01")), T1)).code()).isEqualTo("contract.amount.negative");
        assertThat(draft().edit(with(cny("0")), T1).amount()).isEqualTo(cny("0.00"));
    }

    @Test
    @DisplayName("the milestones add up to at most the contract amount, and need one")
    void milestonesWithinAmount() {
        assertThat(draft().edit(with(cny("100.00"), due("40.00"), due("60.00")), T1).milestones()).hasSize(2);
        assertThat(refusal(() -> draft().edit(with(cny("100.00"), due("40.00"), due("60.01")), T1)).getMessage())
                .isEqualTo("the payment milestones add up to 100.01 CNY, more than the contract amount 100.00 CNY");
        assertThat(refusal(() -> draft().edit(with(null, due("1.00")), T1)).code()).isEqualTo("contract.milestones.no-amount");
        assertThat(draft().edit(with(null), T1).amount()).isNull();
    }

    @Test
    @DisplayName("amounts and milestones are in the contract's currency, never mixed")
    void currency() {
        Money dollars = Money.of("100.00", "USD");

        assertThat(catchThrowableOfType(CurrencyMismatchException.class, () -> draft().edit(with(dollars), T1))).isNotNull();
        assertThat(catchThrowableOfType(CurrencyMismatchException.class,
                () -> draft().edit(with(cny("100.00"), PaymentMilestone.of(START, dollars, null)), T1))).isNotNull();
        assertThat(catchThrowableOfType(CurrencyMismatchException.class,
                () -> new PaymentMilestone(START, cny("1.00"), null, START, dollars))).isNotNull();
    }

    @Test
    @DisplayName("a milestone is for more than zero, and a payment has its date and amount together")
    void milestoneInvariants() {
        assertThatIllegalArgumentException().isThrownBy(() -> PaymentMilestone.of(START, cny("0"), null));
        assertThatIllegalArgumentException().isThrownBy(() -> new PaymentMilestone(START, cny("1"), null, START, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new PaymentMilestone(START, cny("1"), null, null, cny("1")));
        assertThatIllegalArgumentException().isThrownBy(() -> new PaymentMilestone(START, cny("1"), null, START, cny("0")));
        assertThat(PaymentMilestone.of(START, cny("1"), " ").description()).isNull();
    }

    @Test
    @DisplayName("payments are recorded while the contract is in execution, once per milestone, in its currency")
    void payments() {
        LocalDate paidOn = START.plusDays(3);
        Contract paid = executing().recordPayment(0, paidOn, cny("29999.50"), T1);

        assertThat(paid.milestones().get(0).paidOn()).isEqualTo(paidOn);
        assertThat(paid.milestones().get(0).paidAmount()).isEqualTo(cny("29999.50"));
        assertThat(paid.milestones().get(1).isPaid()).isFalse();
        assertThat(paid.paid()).isEqualTo(cny("29999.50"));
        assertThat(paid.historyLength()).isEqualTo(executing().historyLength());
        assertThat(paid.complete(null, ContractFixtures.SALES, T1).contract().milestones().get(0).isPaid()).isTrue();
        assertThat(refusal(() -> paid.recordPayment(0, paidOn, cny("1.00"), T1)).code()).isEqualTo("contract.milestone.paid");
        assertThat(refusal(() -> approved().recordPayment(0, paidOn, cny("1.00"), T1)).code()).isEqualTo("contract.not-payable");
        assertThat(refusal(() -> completed().recordPayment(0, paidOn, cny("1.00"), T1)).code()).isEqualTo("contract.not-payable");
        assertThatIllegalArgumentException().isThrownBy(() -> executing().recordPayment(2, paidOn, cny("1.00"), T1));
        assertThat(catchThrowableOfType(CurrencyMismatchException.class,
                () -> executing().recordPayment(1, paidOn, Money.of("1", "JPY"), T1))).isNotNull();
    }

    @Test
    @DisplayName("a contract is signed exactly when it goes into execution, and holds no payment before")
    void signingInvariants() {
        assertThatIllegalArgumentException().isThrownBy(() -> approved().toBuilder().signingDate(START).build());
        assertThatIllegalArgumentException().isThrownBy(() -> executing().toBuilder().signingDate(null).build());
        PaymentMilestone paid = new PaymentMilestone(START, cny("1.00"), null, START, cny("1.00"));
        assertThatIllegalArgumentException().isThrownBy(() -> draft().toBuilder().milestones(List.of(paid)).build());
        assertThatIllegalArgumentException().isThrownBy(() -> empty().toBuilder().status(ContractStatus.SUBMITTED).build());
    }
}
