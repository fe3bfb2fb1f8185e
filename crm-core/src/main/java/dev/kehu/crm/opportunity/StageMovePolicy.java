package dev.kehu.crm.opportunity;

import dev.kehu.crm.common.Decision;
import dev.kehu.crm.internal.Text;
import java.util.Optional;

/**
 * The rules of moving an opportunity to another stage of its pipeline (O3): closed opportunities stay
 * where they are; skipping forward and moving back only where the pipeline allows, moving back only with a
 * note; a stage's entry criteria must hold. Pure: the same inputs give the same decision.
 */
public final class StageMovePolicy {
    private StageMovePolicy() {
    }

    public static Decision check(Opportunity opportunity, Pipeline pipeline, String target, String note,
                                 OpportunityFacts facts) {
        if (opportunity.status().isClosed()) {
            return Decision.refuse("opportunity.closed", opportunity.id().value());
        }
        if (!pipeline.id().equals(opportunity.pipeline())) {
            return Decision.refuse("opportunity.pipeline.other", pipeline.id().value());
        }
        Optional<Stage> stage = pipeline.stage(target);
        if (stage.isEmpty()) return Decision.refuse("opportunity.stage.unknown", target);
        Stage entered = stage.get();
        int from = pipeline.indexOf(opportunity.stage());
        int to = pipeline.indexOf(target);
        if (to == from) return Decision.refuse("opportunity.stage.same", entered);
        if (to > from + 1 && !pipeline.skipForward()) return Decision.refuse("opportunity.move.skip", entered);
        if (to < from) {
            if (!pipeline.moveBack()) return Decision.refuse("opportunity.move.back", entered);
            if (Text.isBlank(note)) return Decision.refuse("opportunity.move.back-needs-note", entered);
        }
        for (EntryCriterion criterion : stage.get().entryCriteria()) {
            if (!holds(criterion, opportunity, facts)) {
                return Decision.refuse("opportunity.entry." + criterion.name(), entered);
            }
        }
        return Decision.allow();
    }

    /** Whether a person may set {@code probability} for an opportunity in {@code stage}. */
    public static Decision checkProbability(Stage stage, Probability probability) {
        return stage.allows(probability) ? Decision.allow()
                : Decision.refuse("opportunity.probability.range", probability.percent(), stage.lowest().percent(),
                        stage.highest().percent());
    }

    private static boolean holds(EntryCriterion criterion, Opportunity opportunity, OpportunityFacts facts) {
        return switch (criterion) {
            case QUOTE_MADE -> facts.quoteMade();
            case EXPECTED_AMOUNT -> opportunity.expectedAmount() != null;
            case EXPECTED_SIGNING_DATE -> opportunity.expectedSigningDate() != null;
        };
    }
}
