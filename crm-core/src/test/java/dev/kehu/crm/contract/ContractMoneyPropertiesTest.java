package dev.kehu.crm.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.CurrencyMismatchException;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.CustomerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Payment milestones and the contract amount, over random amounts in currencies with 0, 2 and 3 decimals. */
class ContractMoneyPropertiesTest {
    private static final List<Currency> CURRENCIES = List.of(Currency.getInstance("CNY"), Currency.getInstance("JPY"),
            Currency.getInstance("USD"), Currency.getInstance("KWD"));
    private static final UserId ACTOR = new UserId("wang.wei");
    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    private static final LocalDate START = LocalDate.of(2025, 4, 1);
    private static final LocalDate END = LocalDate.of(2026, 3, 31);

    /** A contract amount and milestone amounts, all in one currency. */
    record Plan(Currency currency, Money amount, List<Money> milestones) {
        ContractContent content() {
            List<PaymentMilestone> due = new ArrayList<>();
            for (int i = 0; i < milestones.size(); i++) due.add(PaymentMilestone.of(START.plusMonths(i), milestones.get(i), null));
            return new ContractContent("甲方", "乙方", START, END, amount, "条款", due);
        }

        Money planned() {
            return milestones.stream().reduce(Money.zero(currency), Money::plus);
        }
    }

    private static Arbitrary<Money> positive(Currency currency, String max) {
        BigDecimal least = BigDecimal.ONE.movePointLeft(currency.getDefaultFractionDigits());
        return Arbitraries.bigDecimals().between(least, new BigDecimal(max)).ofScale(currency.getDefaultFractionDigits())
                .map(a -> Money.of(a, currency));
    }

    @Provide
    Arbitrary<Plan> plans() {
        return Arbitraries.of(CURRENCIES).flatMap(currency -> positive(currency, "1000000").flatMap(amount ->
                positive(currency, "400000").list().ofMaxSize(6).map(ms -> new Plan(currency, amount, ms))));
    }

    private static Contract draft(Currency currency) {
        return Contract.draft(new ContractId("k-1"), new TenantId("t"), "HT-1", new CustomerId("c-1"), currency, ACTOR, T0)
                .contract();
    }

    @Property(tries = 500)
    @Label("a plan is accepted exactly when its milestones add up to at most the amount, in the contract's currency")
    void withinAmount(@ForAll("plans") Plan plan) {
        boolean fits = plan.planned().compareTo(plan.amount()) <= 0;
        try {
            Contract edited = draft(plan.currency()).edit(plan.content(), T0);
            assertThat(fits).isTrue();
            assertThat(PaymentMilestone.sum(plan.currency(), edited.milestones())).isEqualTo(plan.planned());
            assertThat(edited.milestones()).allSatisfy(m -> assertThat(m.amount().currency()).isEqualTo(plan.currency()));
        } catch (BusinessRuleException refused) {
            assertThat(fits).isFalse();
            assertThat(refused.code()).isEqualTo("contract.milestones.exceed-amount");
        }
    }

    @Property(tries = 300)
    @Label("splitting the amount into milestones that add up to it exactly is always accepted")
    void exactSplit(@ForAll("plans") Plan plan) {
        Money rest = plan.amount();
        List<Money> split = new ArrayList<>();
        for (Money m : plan.milestones()) {
            if (m.compareTo(rest) >= 0) break;
            split.add(m);
            rest = rest.minus(m);
        }
        split.add(rest);
        Plan exact = new Plan(plan.currency(), plan.amount(), split);

        Contract edited = draft(plan.currency()).edit(exact.content(), T0);

        assertThat(PaymentMilestone.sum(plan.currency(), edited.milestones())).isEqualTo(plan.amount());
        assertThat(edited.submit(ACTOR, T0).contract().status()).isEqualTo(ContractStatus.SUBMITTED);
    }

    @Property(tries = 300)
    @Label("an amount or a milestone in another currency is never mixed in: the edit throws")
    void otherCurrency(@ForAll("plans") Plan plan) {
        Currency other = CURRENCIES.stream().filter(c -> !c.equals(plan.currency())).findFirst().orElseThrow();
        Contract draft = draft(other);

        assertThat(catchThrowableOfType(CurrencyMismatchException.class, () -> draft.edit(plan.content(), T0))).isNotNull();
        List<PaymentMilestone> foreign = plan.content().milestones();
        if (!foreign.isEmpty()) {
            ContractContent mixed = new ContractContent("甲方", "乙方", START, END,
                    Money.of(new BigDecimal("10000000"), other), "条款", foreign);
            assertThat(catchThrowableOfType(CurrencyMismatchException.class, () -> draft.edit(mixed, T0))).isNotNull();
        }
    }

    @Property(tries = 200)
    @Label("what has been paid is the sum of the recorded payments, in the contract's currency")
    void paidSums(@ForAll("plans") Plan plan) {
        Money rest = plan.amount();
        List<Money> fitting = new ArrayList<>();
        for (Money m : plan.milestones()) {
            if (m.compareTo(rest) > 0) break;
            fitting.add(m);
            rest = rest.minus(m);
        }
        Contract c = draft(plan.currency()).edit(new Plan(plan.currency(), plan.amount(), fitting).content(), T0)
                .submit(ACTOR, T0).contract().approve(null, ACTOR, T0).contract()
                .startExecution(START, ACTOR, T0).contract();
        Money paid = Money.zero(plan.currency());
        for (int i = 0; i < fitting.size(); i += 2) {
            c = c.recordPayment(i, START.plusMonths(i), fitting.get(i), T0);
            paid = paid.plus(fitting.get(i));
        }

        assertThat(c.paid()).isEqualTo(paid);
        assertThat(c.paid().compareTo(c.amount())).isLessThanOrEqualTo(0);
    }
}
