package dev.kehu.crm.examples.bench;

import dev.kehu.crm.assignment.AssignmentPlan;
import dev.kehu.crm.assignment.AssignmentStrategy;
import dev.kehu.crm.assignment.LoadMeasure;
import dev.kehu.crm.assignment.SalesRep;
import dev.kehu.crm.assignment.WorkItem;
import dev.kehu.crm.assignment.Workload;
import dev.kehu.crm.common.Decision;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityFacts;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.opportunity.Pipeline;
import dev.kehu.crm.opportunity.Probability;
import dev.kehu.crm.opportunity.Stage;
import dev.kehu.crm.opportunity.StageMovePolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Workload 4: the pure rules of the core, in operations per second: the stage-transition check, the probability
 * check, and the assignment of 1,000 opportunities to 20 account managers by least load.
 */
@State(Scope.Thread)
public class RulesBenchmark {
    public static final int BATCH = 1_000;
    public static final int MANAGERS = 20;

    private Rules rules;
    private int next;

    @Setup
    public void setUp() {
        rules = new Rules();
    }

    @Benchmark
    public Decision stageTransitionCheck() {
        return rules.stageCheck(next++);
    }

    @Benchmark
    public Decision probability() {
        return rules.probability(next++);
    }

    @Benchmark
    public AssignmentPlan assignment() {
        return rules.assignment();
    }

    /** The inputs of the rules and one call of each; also run without JMH by the small-heap check. */
    public static final class Rules {
        private final Pipeline pipeline = Pipeline.standard();
        private final List<Stage> stages = pipeline.stages();
        private final Opportunity opportunity;
        private final OpportunityFacts facts = new OpportunityFacts(true);
        private final List<WorkItem> batch = new ArrayList<>();
        private final List<SalesRep> reps = new ArrayList<>();
        private final AssignmentStrategy strategy = AssignmentStrategy.leastLoaded(LoadMeasure.WEIGHTED_AMOUNT);

        public Rules() {
            Opportunity opened = Opportunity.open(new OpportunityId("o1"), DatasetGenerator.TENANT, pipeline, "项目",
                    new CustomerId("c1"), LocalDate.of(2025, 6, 1), DatasetGenerator.manager(0),
                    DatasetGenerator.manager(0), DatasetGenerator.START).opportunity();
            opportunity = opened.moveTo(pipeline, stages.get(1).code(), null, null, facts, DatasetGenerator.manager(0),
                    DatasetGenerator.START.plusSeconds(3600)).opportunity().toBuilder()
                    .expectedAmount(Money.of(new BigDecimal("120000.00"), Money.CNY)).build();
            for (int i = 0; i < BATCH; i++) {
                batch.add(new WorkItem("o" + i, "T" + i % 5, null, null,
                        Money.of(BigDecimal.valueOf(10_000 + i * 37L, 2), Money.CNY)));
            }
            for (int k = 0; k < MANAGERS; k++) {
                reps.add(new SalesRep(DatasetGenerator.manager(k), Set.of(), true, false, Set.of(), Set.of(), Set.of(),
                        null));
            }
        }

        /** Checks a move from the second stage to one of the seven, by turns (some allowed, some refused). */
        public Decision stageCheck(int n) {
            return StageMovePolicy.check(opportunity, pipeline, stages.get(Math.floorMod(n, stages.size())).code(),
                    null, facts);
        }

        /** Checks a typed percentage, valid or not, against a stage's range, as the use cases do. */
        public Decision probability(int n) {
            int percent = Math.floorMod(n * 7, 110);
            if (!Probability.isValid(percent)) return Decision.refuse("opportunity.probability.invalid", percent);
            return StageMovePolicy.checkProbability(stages.get(Math.floorMod(n, stages.size())), Probability.of(percent));
        }

        public AssignmentPlan assignment() {
            return strategy.assign(batch, reps, Workload.none(Money.CNY));
        }
    }
}
