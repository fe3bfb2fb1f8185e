package dev.kehu.crm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.CustomerId;
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

/** Random sequences of changes, allowed or refused, never break an opportunity's invariants. */
class OpportunityPropertiesTest {
    private static final Pipeline STANDARD = Pipeline.standard();
    /** The same stages where skipping ahead and moving back are not allowed. */
    private static final Pipeline STRICT = new Pipeline(new PipelineId("strict"), "严格流程", "strict pipeline",
            STANDARD.stages(), false, false);
    private static final UserId ACTOR = new UserId("wang.wei");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** One thing a person may try to do; the opportunity decides whether it is allowed. */
    sealed interface Command permits Move, Estimate, Win, Lose, Reopen {
        Opportunity.Change apply(Pipeline pipeline, Opportunity o, Instant at);

        /** Whether the rules of O3 and O8 allow it, decided here independently of the code under test. */
        boolean allowed(Pipeline pipeline, Opportunity o);
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }

    record Move(String stage, Integer percent, String note, boolean quoteMade) implements Command {
        public Opportunity.Change apply(Pipeline pipeline, Opportunity o, Instant at) {
            return o.moveTo(pipeline, stage, percent == null ? null : Probability.of(percent), note,
                    new OpportunityFacts(quoteMade), ACTOR, at);
        }

        public boolean allowed(Pipeline pipeline, Opportunity o) {
            int from = pipeline.indexOf(o.stage());
            int to = pipeline.indexOf(stage);
            Stage target = pipeline.stages().get(to);
            boolean criteria = (!stage.equals("NEGOTIATION") || quoteMade)
                    && (!stage.equals("CONTRACT") || o.expectedAmount() != null);
            return o.status() == OpportunityStatus.OPEN && to != from
                    && (to <= from + 1 || pipeline.skipForward())
                    && (to > from || (pipeline.moveBack() && hasText(note)))
                    && criteria
                    && (percent == null || (percent >= target.lowest().percent() && percent <= target.highest().percent()));
        }
    }

    record Estimate(int percent) implements Command {
        public Opportunity.Change apply(Pipeline pipeline, Opportunity o, Instant at) {
            return o.estimate(pipeline, Probability.of(percent), null, ACTOR, at);
        }

        public boolean allowed(Pipeline pipeline, Opportunity o) {
            Stage current = pipeline.stage(o.stage()).orElseThrow();
            return o.status() == OpportunityStatus.OPEN && percent != o.probability().percent()
                    && percent >= current.lowest().percent() && percent <= current.highest().percent();
        }
    }

    record Win() implements Command {
        public Opportunity.Change apply(Pipeline pipeline, Opportunity o, Instant at) {
            return o.win("签约", ACTOR, at);
        }

        public boolean allowed(Pipeline pipeline, Opportunity o) {
            return o.status() == OpportunityStatus.OPEN;
        }
    }

    record Lose(String reason) implements Command {
        public Opportunity.Change apply(Pipeline pipeline, Opportunity o, Instant at) {
            return o.lose(reason, "东方软件", ACTOR, at);
        }

        public boolean allowed(Pipeline pipeline, Opportunity o) {
            return o.status() == OpportunityStatus.OPEN && hasText(reason);
        }
    }

    record Reopen(boolean bySupervisor, String note) implements Command {
        public Opportunity.Change apply(Pipeline pipeline, Opportunity o, Instant at) {
            return o.reopen(pipeline, bySupervisor, note, ACTOR, at);
        }

        public boolean allowed(Pipeline pipeline, Opportunity o) {
            return o.status().isClosed() && bySupervisor && hasText(note);
        }
    }

    @Provide
    Arbitrary<List<Command>> commands() {
        Arbitrary<String> stages = Arbitraries.of(STANDARD.stages().stream().map(Stage::code).toList())
                .injectDuplicates(0.1);
        Arbitrary<Integer> percents = Arbitraries.integers().between(0, 10).map(i -> i * 10);
        Arbitrary<String> notes = Arbitraries.of(null, "", " ", "客户要求调整");
        Arbitrary<Command> move = Combinators.combine(stages, percents.injectNull(0.5), notes, Arbitraries.of(true, false))
                .as(Move::new);
        Arbitrary<Command> estimate = percents.map(Estimate::new);
        Arbitrary<Command> win = Arbitraries.just(new Win());
        Arbitrary<Command> lose = notes.map(Lose::new);
        Arbitrary<Command> reopen = Combinators.combine(Arbitraries.of(true, false), notes).as(Reopen::new);
        return Arbitraries.frequencyOf(
                Tuple.of(6, move), Tuple.of(3, estimate), Tuple.of(1, win),
                Tuple.of(1, lose), Tuple.of(2, reopen)).list().ofMaxSize(40);
    }

    @Property(tries = 300)
    @Label("exactly the allowed changes happen; probability stays valid, won is 100 and lost 0, closed stays closed unless reopened, and the history replays")
    void invariantsHold(@ForAll("commands") List<Command> commands, @ForAll boolean knowsAmount,
                        @ForAll boolean strict) {
        Pipeline pipeline = strict ? STRICT : STANDARD;
        Opportunity.Change created = Opportunity.open(new OpportunityId("o-1"), new TenantId("t"), pipeline, "机会",
                new CustomerId("c-1"), LocalDate.of(2026, 1, 1), ACTOR, ACTOR, T0);
        Opportunity o = created.opportunity();
        if (knowsAmount) o = o.toBuilder().expectedAmount(Money.of("100000", "CNY")).build();
        List<StageChange> history = new ArrayList<>(List.of(created.line()));
        Instant at = T0;

        for (Command command : commands) {
            at = at.plusSeconds(3600);
            Opportunity before = o;
            boolean expected = command.allowed(pipeline, before);
            try {
                Opportunity.Change change = command.apply(pipeline, o, at);
                o = change.opportunity();
                history.add(change.line());
                assertThat(expected).as("%s was allowed on %s", command, before.position()).isTrue();
            } catch (BusinessRuleException refused) {
                assertThat(expected).as("%s was refused (%s) on %s", command, refused.code(), before.position())
                        .isFalse();
            }
            if (before.status().isClosed() && !(command instanceof Reopen)) {
                assertThat(o).as("closed is terminal").isEqualTo(before);
            }
            switch (o.status()) {
                case WON -> assertThat(o.probability()).isEqualTo(Probability.CERTAIN);
                case LOST -> assertThat(o.probability()).isEqualTo(Probability.ZERO);
                case OPEN -> assertThat(pipeline.stage(o.stage()).orElseThrow().allows(o.probability())).isTrue();
            }
            assertThat(o.historyLength()).isEqualTo(history.size());
            assertThat(StageHistory.replay(history)).isEqualTo(o.position());
        }
    }
}
