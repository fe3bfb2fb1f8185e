package dev.kehu.crm.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.LifecycleStage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** Random sequences of steps, allowed or refused, never break a contract's invariants or its history. */
class ContractPropertiesTest {
    private static final UserId ACTOR = new UserId("wang.wei");
    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    private static final LocalDate START = LocalDate.of(2025, 4, 1);
    private static final LocalDate END = LocalDate.of(2026, 3, 31);

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    /** Kinds of content a person may try to save in a draft. */
    enum Content {
        COMPLETE, NO_TERMS, NO_AMOUNT, BACKWARDS, OVER_PLANNED;

        ContractContent value() {
            List<PaymentMilestone> two = List.of(PaymentMilestone.of(START, cny("300.00"), "预付款"),
                    PaymentMilestone.of(END, cny("700.00"), null));
            return switch (this) {
                case COMPLETE -> new ContractContent("甲方", "乙方", START, END, cny("1000.00"), "条款", two);
                case NO_TERMS -> new ContractContent("甲方", "乙方", START, END, cny("1000.00"), " ", List.of());
                case NO_AMOUNT -> new ContractContent("甲方", "乙方", START, END, null, "条款", List.of());
                case BACKWARDS -> new ContractContent("甲方", "乙方", END, START, cny("1000.00"), "条款", List.of());
                case OVER_PLANNED -> new ContractContent("甲方", "乙方", START, END, cny("999.99"), "条款", two);
            };
        }
    }

    /** One thing a person may try; the contract decides whether it is allowed. */
    sealed interface Command permits Edit, Submit, Approve, Reject, Rework, Execute, Complete, Terminate, Expire, Pay {
        /** The contract after the command and the history line it adds, or {@code null} for none. */
        Contract.Change apply(Contract c, Instant at);

        /** Whether the rules of the flow allow it, decided here independently of the code under test. */
        boolean allowed(Contract c);

        /** The status it leads to when allowed. */
        ContractStatus target(Contract c);
    }

    record Edit(Content content) implements Command {
        public Contract.Change apply(Contract c, Instant at) {
            return new Contract.Change(c.edit(content.value(), at), null);
        }

        public boolean allowed(Contract c) {
            return c.status() == ContractStatus.DRAFT && content != Content.BACKWARDS && content != Content.OVER_PLANNED;
        }

        public ContractStatus target(Contract c) {
            return c.status();
        }
    }

    record Submit() implements Command {
        public Contract.Change apply(Contract c, Instant at) {
            return c.submit(ACTOR, at);
        }

        public boolean allowed(Contract c) {
            return c.status() == ContractStatus.DRAFT && hasText(c.ourParty()) && hasText(c.theirParty())
                    && c.startDate() != null && c.endDate() != null && c.amount() != null && hasText(c.terms());
        }

        public ContractStatus target(Contract c) {
            return ContractStatus.SUBMITTED;
        }
    }

    record Approve() implements Command {
        public Contract.Change apply(Contract c, Instant at) {
            return c.approve(null, ACTOR, at);
        }

        public boolean allowed(Contract c) {
            return c.status() == ContractStatus.SUBMITTED;
        }

        public ContractStatus target(Contract c) {
            return ContractStatus.APPROVED;
        }
    }

    record Reject(String reason) implements Command {
        public Contract.Change apply(Contract c, Instant at) {
            return c.reject(reason, ACTOR, at);
        }

        public boolean allowed(Contract c) {
            return c.status() == ContractStatus.SUBMITTED && hasText(reason);
        }

        public ContractStatus target(Contract c) {
            return ContractStatus.REJECTED;
        }
    }

    record Rework() implements Command {
        public Contract.Change apply(Contract c, Instant at) {
            return c.rework(null, ACTOR, at);
        }

        public boolean allowed(Contract c) {
            return c.status() == ContractStatus.REJECTED;
        }

        public ContractStatus target(Contract c) {
            return ContractStatus.DRAFT;
        }
    }

    record Execute() implements Command {
        public Contract.Change apply(Contract c, Instant at) {
            return c.startExecution(START.minusDays(3), ACTOR, at);
        }

        public boolean allowed(Contract c) {
            return c.status() == ContractStatus.APPROVED;
        }

        public ContractStatus target(Contract c) {
            return ContractStatus.IN_EXECUTION;
        }
    }

    record Complete() implements Command {
        public Contract.Change apply(Contract c, Instant at) {
            return c.complete(null, ACTOR, at);
        }

        public boolean allowed(Contract c) {
            return c.status() == ContractStatus.IN_EXECUTION;
        }

        public ContractStatus target(Contract c) {
            return ContractStatus.COMPLETED;
        }
    }

    record Terminate(String reason) implements Command {
        public Contract.Change apply(Contract c, Instant at) {
            return c.terminate(reason, ACTOR, at);
        }

        public boolean allowed(Contract c) {
            return c.status() == ContractStatus.IN_EXECUTION && hasText(reason);
        }

        public ContractStatus target(Contract c) {
            return ContractStatus.TERMINATED;
        }
    }

    record Expire(int daysAfterEnd) implements Command {
        public Contract.Change apply(Contract c, Instant at) {
            return c.expire(END.plusDays(daysAfterEnd), ACTOR, at);
        }

        public boolean allowed(Contract c) {
            return (c.status() == ContractStatus.APPROVED || c.status() == ContractStatus.IN_EXECUTION)
                    && daysAfterEnd > 0;
        }

        public ContractStatus target(Contract c) {
            return ContractStatus.EXPIRED;
        }
    }

    /** Pays milestone {@code index} modulo their number; only tried when there are milestones. */
    record Pay(int index) implements Command {
        public Contract.Change apply(Contract c, Instant at) {
            return new Contract.Change(c.recordPayment(index % c.milestones().size(), START, cny("100.00"), at), null);
        }

        public boolean allowed(Contract c) {
            return c.status() == ContractStatus.IN_EXECUTION && !c.milestones().get(index % c.milestones().size()).isPaid();
        }

        public ContractStatus target(Contract c) {
            return c.status();
        }
    }

    @Provide
    Arbitrary<List<Command>> commands() {
        Arbitrary<String> reasons = Arbitraries.of("", " ", "价格不符", "付款条件不符", "客户违约").injectNull(0.1);
        Arbitrary<Command> edit = Arbitraries.of(Content.class).map(Edit::new);
        Arbitrary<Command> submit = Arbitraries.just(new Submit());
        Arbitrary<Command> approve = Arbitraries.just(new Approve());
        Arbitrary<Command> reject = reasons.map(Reject::new);
        Arbitrary<Command> rework = Arbitraries.just(new Rework());
        Arbitrary<Command> execute = Arbitraries.just(new Execute());
        Arbitrary<Command> complete = Arbitraries.just(new Complete());
        Arbitrary<Command> terminate = reasons.map(Terminate::new);
        Arbitrary<Command> expire = Arbitraries.integers().between(-2, 2).map(Expire::new);
        Arbitrary<Command> pay = Arbitraries.integers().between(0, 3).map(Pay::new);
        return Arbitraries.frequencyOf(Tuple.of(4, edit), Tuple.of(4, submit), Tuple.of(3, approve),
                Tuple.of(4, reject), Tuple.of(2, rework), Tuple.of(3, execute), Tuple.of(1, complete),
                Tuple.of(2, terminate), Tuple.of(1, expire), Tuple.of(3, pay)).list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 500)
    @Label("exactly the allowed steps happen, to the status the flow says; final stays final; the history replays with no gap")
    void invariantsHold(@ForAll("commands") List<Command> random, @ForAll @IntRange(min = 0, max = 4) int prefix) {
        Contract.Change created = Contract.draft(new ContractId("k-1"), new TenantId("t"), "HT-1",
                new CustomerId("c-1"), Money.CNY, ACTOR, T0);
        Contract c = created.contract();
        // Random steps rarely get far from a draft: most runs first take some steps of the straight path.
        List<Command> commands = new ArrayList<>(List.of(new Edit(Content.COMPLETE), new Submit(), new Approve(),
                new Execute()).subList(0, prefix));
        commands.addAll(random);
        List<ContractStep> history = new ArrayList<>(List.of(created.step()));
        Instant at = T0;

        for (Command command : commands) {
            if (command instanceof Pay && c.milestones().isEmpty()) continue;
            at = at.plusSeconds(3600);
            Contract before = c;
            boolean expected = command.allowed(before);
            try {
                Contract.Change change = command.apply(c, at);
                c = change.contract();
                if (change.step() != null) history.add(change.step());
                assertThat(expected).as("%s was allowed on %s", command, before.status()).isTrue();
                assertThat(c.status()).as("%s on %s", command, before.status()).isEqualTo(command.target(before));
                assertThat(c.updatedAt()).isEqualTo(at);
            } catch (BusinessRuleException refused) {
                assertThat(expected).as("%s was refused (%s) on %s", command, refused.code(), before.status()).isFalse();
                assertThat(c).as("a refusal changes nothing").isSameAs(before);
            }
            if (before.status().isFinal()) assertThat(c).as("final is final").isEqualTo(before);
            assertThat(c.historyLength()).isEqualTo(history.size());
            assertThat(ContractHistory.replay(history)).isEqualTo(c.status());
            assertThat(history.get(history.size() - 1).to()).isEqualTo(c.status());
            assertThat(c.signingDate() != null).isEqualTo(c.status() == ContractStatus.IN_EXECUTION
                    || c.status() == ContractStatus.COMPLETED || c.status() == ContractStatus.TERMINATED
                    || (c.status() == ContractStatus.EXPIRED && history.stream()
                    .anyMatch(s -> s.to() == ContractStatus.IN_EXECUTION)));
            if (c.amount() != null) {
                assertThat(PaymentMilestone.sum(Money.CNY, c.milestones()).compareTo(c.amount())).isLessThanOrEqualTo(0);
            }
            LifecycleStage stage = LifecycleRule.stageFor(List.of(c), END);
            assertThat(stage).isEqualTo(switch (c.status()) {
                case DRAFT, SUBMITTED, APPROVED, REJECTED -> LifecycleStage.PRE_SALES;
                case IN_EXECUTION -> LifecycleStage.CONTRACT_EXECUTION;
                case COMPLETED -> LifecycleStage.AFTER_SALES;
                case TERMINATED, EXPIRED -> LifecycleStage.CONTRACT_EXPIRED;
            });
        }
        // The sequences must reach every status often enough for the checks above to mean something.
        for (ContractStatus status : ContractStatus.values()) {
            Statistics.label(status.name()).collect(history.stream().anyMatch(s -> s.to() == status));
            Statistics.label(status.name()).coverage(coverage -> coverage.check(true).percentage(p -> p >= 3));
        }
    }
}
