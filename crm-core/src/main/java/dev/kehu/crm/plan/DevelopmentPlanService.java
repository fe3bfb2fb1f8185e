package dev.kehu.crm.plan;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.UserId;
import dev.kehu.crm.internal.InputValidator.Problems;
import dev.kehu.crm.internal.RecordKeeper;
import dev.kehu.crm.internal.ServiceContext;
import dev.kehu.crm.internal.Text;
import dev.kehu.crm.opportunity.Opportunities;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.security.Actor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The development-plan use cases (客户开发计划, O7): plan the steps of winning an opportunity, change them,
 * record the result of each (执行效果), and see what is overdue. Obtain it from {@code Kehu.developmentPlans()}.
 */
public final class DevelopmentPlanService {
    private final ServiceContext context;
    private final DevelopmentPlans plans;
    private final Opportunities opportunities;
    private final RecordKeeper<DevelopmentPlanId, DevelopmentPlan> keeper;

    public DevelopmentPlanService(ServiceContext context, DevelopmentPlans plans, Opportunities opportunities) {
        this.context = context;
        this.plans = plans;
        this.opportunities = opportunities;
        this.keeper = new RecordKeeper<>(context, DevelopmentPlan.RECORD_TYPE, plans::find, plans::save,
                DevelopmentPlan::owner, DevelopmentPlan::version);
    }

    /** A plan for an open opportunity, carried out by {@code details.owner()} or else the opportunity's owner. */
    public DevelopmentPlan create(Actor actor, DevelopmentPlanDetails details) {
        context.authorize(actor, "development-plan.create", DevelopmentPlan.RECORD_TYPE, null);
        return context.inTransaction(actor, () -> {
            Problems problems = context.validator().check(details, actor.locale());
            if (details == null) problems.throwIfAny();
            Optional<Opportunity> opportunity = problems.has("opportunity") ? Optional.empty()
                    : opportunities.find(actor.tenant(), new OpportunityId(details.opportunity()));
            if (!problems.has("opportunity") && opportunity.isEmpty()) {
                problems.add("opportunity", "opportunity.not-found", details.opportunity(), details.opportunity());
            } else if (opportunity.isPresent() && opportunity.get().status().isClosed()) {
                problems.add("opportunity", "opportunity.closed", details.opportunity(), details.opportunity());
            }
            problems.throwIfAny();
            UserId owner = details.owner() == null ? opportunity.get().owner() : new UserId(details.owner());
            Instant now = context.now();
            DevelopmentPlan plan = DevelopmentPlan.create(new DevelopmentPlanId(context.nextId()), actor.tenant(),
                    opportunity.get().id(), owner, now);
            for (PlanStepDetails step : details.steps()) {
                plan = plan.addStep(step.what().strip(), step.plannedDate(), step.plannedTime(), step.notes(), now);
            }
            return keeper.create(actor, plan.id(), "development-plan.create", plan);
        });
    }

    /** Adds a step at the end. */
    public DevelopmentPlan addStep(Actor actor, DevelopmentPlanId id, long expectedVersion, PlanStepDetails step) {
        context.validator().check(step, actor.locale()).throwIfAny();
        return change(actor, id, expectedVersion, "development-plan.update", p -> p.addStep(step.what().strip(),
                step.plannedDate(), step.plannedTime(), step.notes(), context.now()));
    }

    /** Inserts a step so that it becomes number {@code position}. */
    public DevelopmentPlan insertStep(Actor actor, DevelopmentPlanId id, long expectedVersion, int position,
                                      PlanStepDetails step) {
        context.validator().check(step, actor.locale()).throwIfAny();
        return change(actor, id, expectedVersion, "development-plan.update", p -> p.insertStep(position, step.what().strip(),
                step.plannedDate(), step.plannedTime(), step.notes(), context.now()));
    }

    public DevelopmentPlan moveStep(Actor actor, DevelopmentPlanId id, long expectedVersion, int from, int to) {
        return change(actor, id, expectedVersion, "development-plan.update", p -> p.moveStep(from, to, context.now()));
    }

    /** Removes a step not yet done; done steps stay as the record of what happened. */
    public DevelopmentPlan removeStep(Actor actor, DevelopmentPlanId id, long expectedVersion, int number) {
        return change(actor, id, expectedVersion, "development-plan.update", p -> p.removeStep(number, context.now()));
    }

    /** Records the result of a step (执行效果), done on a day not after today. */
    public DevelopmentPlan recordResult(Actor actor, DevelopmentPlanId id, long expectedVersion,
                                        PlanResultDetails result) {
        context.validator().check(result, actor.locale()).throwIfAny();
        return change(actor, id, expectedVersion, "development-plan.result", p -> p.recordResult(result.step(),
                result.result().strip(), result.doneOn(), today(), context.now()));
    }

    /** Corrects the recorded result of a step. */
    public DevelopmentPlan correctResult(Actor actor, DevelopmentPlanId id, long expectedVersion,
                                         PlanResultDetails result) {
        context.validator().check(result, actor.locale()).throwIfAny();
        return change(actor, id, expectedVersion, "development-plan.result", p -> p.correctResult(result.step(),
                result.result().strip(), result.doneOn(), today(), context.now()));
    }

    public Optional<DevelopmentPlan> find(Actor actor, DevelopmentPlanId id) {
        return keeper.find(actor, id);
    }

    public DevelopmentPlan get(Actor actor, DevelopmentPlanId id) {
        return keeper.get(actor, id);
    }

    public List<DevelopmentPlan> ofOpportunity(Actor actor, OpportunityId opportunity) {
        context.authorize(actor, "development-plan.read", DevelopmentPlan.RECORD_TYPE, null);
        return plans.ofOpportunity(actor.tenant(), requireNonNull(opportunity, "opportunity"));
    }

    /** The plans a person carries out. */
    public List<DevelopmentPlan> ownedBy(Actor actor, UserId owner) {
        context.authorize(actor, "development-plan.read", DevelopmentPlan.RECORD_TYPE, owner);
        return plans.ownedBy(actor.tenant(), requireNonNull(owner, "owner"));
    }

    private DevelopmentPlan change(Actor actor, DevelopmentPlanId id, long expectedVersion, String action,
                                   UnaryOperator<DevelopmentPlan> change) {
        return keeper.change(actor, id, expectedVersion, action, change);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(context.now(), context.clock().getZone());
    }
}
