package dev.kehu.crm.plan;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.UserId;
import dev.kehu.crm.opportunity.OpportunityId;

/**
 * A step of a development plan that is overdue, with what a reminder about it needs from its plan.
 *
 * @param owner who carries the plan out
 */
public record OverdueStep(DevelopmentPlanId plan, OpportunityId opportunity, UserId owner, PlanStep step) {
    public OverdueStep {
        requireNonNull(plan, "plan");
        requireNonNull(opportunity, "opportunity");
        requireNonNull(owner, "owner");
        requireNonNull(step, "step");
    }
}
