package dev.kehu.crm.care;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.plan.DevelopmentPlan;
import dev.kehu.crm.plan.DevelopmentPlans;
import dev.kehu.crm.plan.OverdueStep;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Development-plan steps still without a result after their planned day, of opportunities still open: the plan's
 * owner is reminded once per step and planned day (re-planning the step to another day makes a new reminder).
 * Steps are told apart by their number, so moving steps around a plan can remind of one again.
 */
final class OverduePlanStepRule implements CareRule<OverdueStep> {
    private final DevelopmentPlans plans;

    OverduePlanStepRule(DevelopmentPlans plans) {
        this.plans = plans;
    }

    @Override
    public String name() {
        return CareRules.OVERDUE_PLAN_STEPS;
    }

    @Override
    public List<OverdueStep> page(TenantId tenant, LocalDate today, OverdueStep after, int limit) {
        return plans.overdueSteps(tenant, today, after, limit);
    }

    @Override
    public List<ReminderCandidate> candidates(TenantId tenant, List<OverdueStep> rows, LocalDate today) {
        return rows.stream().map(row -> {
            Map<String, String> arguments = new LinkedHashMap<>();
            arguments.put("step", Integer.toString(row.step().number()));
            arguments.put("plannedDate", row.step().plannedDate().toString());
            arguments.put("opportunity", row.opportunity().value());
            return new ReminderCandidate(DevelopmentPlan.RECORD_TYPE, row.plan().value(),
                    row.plan().value() + ":" + row.step().number(), row.step().plannedDate(), row.owner(),
                    row.step().what(), arguments);
        }).toList();
    }
}
