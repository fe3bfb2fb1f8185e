package dev.kehu.crm.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.opportunity.OpportunityId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Random sequences of plan changes, allowed or refused, keep the steps numbered and the overdue ones exact. */
class DevelopmentPlanPropertiesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final LocalDate DAY0 = LocalDate.of(2026, 1, 1);

    sealed interface Command permits Add, Insert, Move, Remove, RecordResult {
        DevelopmentPlan apply(DevelopmentPlan p);
    }

    record Add(int day) implements Command {
        public DevelopmentPlan apply(DevelopmentPlan p) {
            return p.addStep("step " + day, DAY0.plusDays(day), null, null, T0);
        }
    }

    record Insert(int position, int day) implements Command {
        public DevelopmentPlan apply(DevelopmentPlan p) {
            return p.insertStep(position, "inserted " + day, DAY0.plusDays(day), null, null, T0);
        }
    }

    record Move(int from, int to) implements Command {
        public DevelopmentPlan apply(DevelopmentPlan p) {
            return p.moveStep(from, to, T0);
        }
    }

    record Remove(int number) implements Command {
        public DevelopmentPlan apply(DevelopmentPlan p) {
            return p.removeStep(number, T0);
        }
    }

    record RecordResult(int number, int day) implements Command {
        public DevelopmentPlan apply(DevelopmentPlan p) {
            return p.recordResult(number, "done " + day, DAY0.plusDays(day), DAY0.plusDays(30), T0);
        }
    }

    @Provide
    Arbitrary<List<Command>> commands() {
        Arbitrary<Integer> numbers = Arbitraries.integers().between(-1, 12);
        Arbitrary<Integer> days = Arbitraries.integers().between(0, 40);
        Arbitrary<Command> add = days.map(Add::new);
        Arbitrary<Command> insert = Combinators.combine(numbers, days).as(Insert::new);
        Arbitrary<Command> move = Combinators.combine(numbers, numbers).as(Move::new);
        Arbitrary<Command> remove = numbers.map(Remove::new);
        Arbitrary<Command> record = Combinators.combine(numbers, days).as(RecordResult::new);
        return Arbitraries.frequencyOf(Tuple.of(5, add), Tuple.of(4, insert), Tuple.of(2, move), Tuple.of(1, remove),
                Tuple.of(3, record)).list().ofMaxSize(40);
    }

    private static DevelopmentPlan run(List<Command> commands) {
        DevelopmentPlan plan = DevelopmentPlan.create(new DevelopmentPlanId("p"), new TenantId("t"),
                new OpportunityId("o"), new UserId("u"), T0);
        for (Command c : commands) {
            try {
                plan = c.apply(plan);
            } catch (BusinessRuleException refused) {
                // the plan stays as it was
            }
        }
        return plan;
    }

    @Property
    void stepNumbersAreAlwaysOneToNWithoutGaps(@ForAll("commands") List<Command> commands) {
        DevelopmentPlan plan = DevelopmentPlan.create(new DevelopmentPlanId("p"), new TenantId("t"),
                new OpportunityId("o"), new UserId("u"), T0);
        for (Command c : commands) {
            try {
                plan = c.apply(plan);
            } catch (BusinessRuleException refused) {
                // refused: nothing changed
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 1; i <= plan.steps().size(); i++) expected.add(i);
            assertThat(plan.steps()).extracting(PlanStep::number).containsExactlyElementsOf(expected);
        }
    }

    @Property
    void addsAndInsertsGrowThePlanByOneAndRefusalsChangeNothing(@ForAll("commands") List<Command> commands) {
        DevelopmentPlan plan = DevelopmentPlan.create(new DevelopmentPlanId("p"), new TenantId("t"),
                new OpportunityId("o"), new UserId("u"), T0);
        for (Command c : commands) {
            DevelopmentPlan before = plan;
            try {
                plan = c.apply(plan);
                int growth = plan.steps().size() - before.steps().size();
                int expected = c instanceof Add || c instanceof Insert ? 1 : c instanceof Remove ? -1 : 0;
                assertThat(growth).as(c.toString()).isEqualTo(expected);
            } catch (BusinessRuleException refused) {
                assertThat(plan).isSameAs(before);
            }
        }
    }

    @Property
    void overdueStepsAreExactlyThosePlannedBeforeTodayWithoutResult(@ForAll("commands") List<Command> commands,
            @ForAll("today") LocalDate today) {
        DevelopmentPlan plan = run(commands);
        List<PlanStep> expected = new ArrayList<>();
        for (PlanStep s : plan.steps()) {
            if (s.plannedDate().isBefore(today) && s.result() == null) expected.add(s);
        }
        assertThat(plan.overdueSteps(today)).containsExactlyElementsOf(expected);
    }

    @Provide
    Arbitrary<LocalDate> today() {
        return Arbitraries.integers().between(-1, 42).map(DAY0::plusDays);
    }
}
