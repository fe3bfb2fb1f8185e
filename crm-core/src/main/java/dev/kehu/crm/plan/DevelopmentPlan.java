package dev.kehu.crm.plan;

import dev.kehu.crm.internal.Text;
import dev.kehu.crm.audit.Auditable;
import java.util.LinkedHashMap;
import java.util.Map;
import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.common.Decision;
import dev.kehu.crm.opportunity.OpportunityId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The development plan of an opportunity (客户开发计划, O7): the ordered steps the account manager plans,
 * each with its time and notes, and the result of each step once done (执行效果). Immutable: each change
 * returns a new plan, or is refused with a {@link dev.kehu.crm.common.BusinessRuleException} whose code
 * names the rule ({@code plan.step.unknown}, {@code plan.result.blank}, …).
 *
 * <p>Steps are numbered 1..n in their order, without gaps: adding, inserting, moving or removing a step
 * renumbers the others.
 *
 * @param owner the account manager who carries the plan out
 * @param steps the steps in order, numbered 1..n
 */
public record DevelopmentPlan(DevelopmentPlanId id, TenantId tenant, OpportunityId opportunity, UserId owner,
                              List<PlanStep> steps, Instant createdAt, Instant updatedAt, long version)
        implements Auditable {

    public static final String RECORD_TYPE = "development-plan";

    public DevelopmentPlan {
        requireNonNull(id, "id");
        requireNonNull(tenant, "tenant");
        requireNonNull(opportunity, "opportunity");
        requireNonNull(owner, "owner");
        steps = List.copyOf(requireNonNull(steps, "steps"));
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).number() != i + 1) {
                throw new IllegalArgumentException("plan steps are numbered 1..n in order; step " + (i + 1)
                        + " has number " + steps.get(i).number());
            }
        }
        createdAt = micros(requireNonNull(createdAt, "createdAt"));
        updatedAt = micros(requireNonNull(updatedAt, "updatedAt"));
        if (version < 0) throw new IllegalArgumentException("version must be ≥ 0");
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** A plan without steps yet. */
    public static DevelopmentPlan create(DevelopmentPlanId id, TenantId tenant, OpportunityId opportunity,
                                         UserId owner, Instant at) {
        return new DevelopmentPlan(id, tenant, opportunity, owner, List.of(), at, at, 0);
    }

    /** The step numbered {@code number}, refused with {@code plan.step.unknown} when there is none. */
    public PlanStep step(int number) {
        if (number < 1 || number > steps.size()) {
            Decision.refuse("plan.step.unknown", number).orThrow(Locale.ROOT);
        }
        return steps.get(number - 1);
    }

    /** Adds a step at the end: it becomes number n + 1. */
    public DevelopmentPlan addStep(String what, LocalDate plannedDate, LocalTime plannedTime, String notes,
                                   Instant at) {
        return insertStep(steps.size() + 1, what, plannedDate, plannedTime, notes, at);
    }

    /**
     * Inserts a step so that it gets number {@code position} (1..n + 1); the steps from there on move down
     * by one.
     */
    public DevelopmentPlan insertStep(int position, String what, LocalDate plannedDate, LocalTime plannedTime,
                                      String notes, Instant at) {
        if (position < 1 || position > steps.size() + 1) {
            Decision.refuse("plan.step.position", position, steps.size() + 1).orThrow(Locale.ROOT);
        }
        if (Text.isBlank(what)) Decision.refuse("plan.step.what.blank").orThrow(Locale.ROOT);
        if (plannedDate == null) Decision.refuse("plan.step.date.missing").orThrow(Locale.ROOT);
        List<PlanStep> changed = new ArrayList<>(steps);
        changed.add(position - 1, PlanStep.planned(position, what, plannedDate, plannedTime, notes));
        return withSteps(changed, at);
    }

    /** Moves step {@code from} so that it becomes number {@code to}; the others keep their order. */
    public DevelopmentPlan moveStep(int from, int to, Instant at) {
        PlanStep moved = step(from);
        if (to < 1 || to > steps.size()) Decision.refuse("plan.step.position", to, steps.size()).orThrow(Locale.ROOT);
        List<PlanStep> changed = new ArrayList<>(steps);
        changed.remove(from - 1);
        changed.add(to - 1, moved);
        return withSteps(changed, at);
    }

    /** Removes a step not yet done; the following steps move up by one. A done step stays, as a record. */
    public DevelopmentPlan removeStep(int number, Instant at) {
        if (step(number).isDone()) Decision.refuse("plan.step.done", number).orThrow(Locale.ROOT);
        List<PlanStep> changed = new ArrayList<>(steps);
        changed.remove(number - 1);
        return withSteps(changed, at);
    }

    /**
     * Records the result (执行效果) of step {@code number}, done on {@code doneOn} — before, on or after its
     * planned date, but not after {@code today}. A step's result is recorded once; to change it, {@link
     * #correctResult correct} it.
     */
    public DevelopmentPlan recordResult(int number, String result, LocalDate doneOn, LocalDate today, Instant at) {
        PlanStep step = step(number);
        if (step.isDone()) Decision.refuse("plan.result.recorded", number).orThrow(Locale.ROOT);
        return putResult(step, result, doneOn, today, at);
    }

    /** Replaces the result already recorded for step {@code number}: the explicit correction of a mistake. */
    public DevelopmentPlan correctResult(int number, String result, LocalDate doneOn, LocalDate today, Instant at) {
        PlanStep step = step(number);
        if (!step.isDone()) Decision.refuse("plan.result.none", number).orThrow(Locale.ROOT);
        return putResult(step, result, doneOn, today, at);
    }

    private DevelopmentPlan putResult(PlanStep step, String result, LocalDate doneOn, LocalDate today, Instant at) {
        requireNonNull(today, "today");
        if (Text.isBlank(result)) Decision.refuse("plan.result.blank").orThrow(Locale.ROOT);
        if (doneOn == null) Decision.refuse("plan.result.date.missing").orThrow(Locale.ROOT);
        if (doneOn.isAfter(today)) Decision.refuse("plan.result.future", doneOn, today).orThrow(Locale.ROOT);
        List<PlanStep> changed = new ArrayList<>(steps);
        changed.set(step.number() - 1, step.withResult(result, doneOn));
        return withSteps(changed, at);
    }

    /** The steps planned for a day before {@code today} and still without a result, in plan order. */
    public List<PlanStep> overdueSteps(LocalDate today) {
        return steps.stream().filter(s -> s.isOverdue(today)).toList();
    }

    /** Whether every step has its result (a plan without steps is not complete). */
    public boolean isComplete() {
        return !steps.isEmpty() && steps.stream().allMatch(PlanStep::isDone);
    }

    private DevelopmentPlan withSteps(List<PlanStep> changed, Instant at) {
        List<PlanStep> renumbered = new ArrayList<>(changed.size());
        for (int i = 0; i < changed.size(); i++) renumbered.add(changed.get(i).numbered(i + 1));
        return toBuilder().steps(renumbered).updatedAt(at).build();
    }

    @Override
    public Map<String, String> auditFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("opportunity", opportunity.value());
        fields.put("owner", owner.value());
        for (PlanStep step : steps) {
            fields.put("step " + step.number(), step.what() + " @ " + step.plannedDate()
                    + (step.plannedTime() == null ? "" : " " + step.plannedTime())
                    + (step.notes() == null ? "" : " — " + step.notes())
                    + (step.isDone() ? " ⇒ " + step.result() + " (" + step.doneOn() + ")" : ""));
        }
        return fields;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a plan; {@link #build()} checks every invariant. Stores use it to read plans back. */
    public static final class Builder {
        private DevelopmentPlanId id;
        private TenantId tenant;
        private OpportunityId opportunity;
        private UserId owner;
        private List<PlanStep> steps = List.of();
        private Instant createdAt;
        private Instant updatedAt;
        private long version;

        private Builder() {
        }

        private Builder(DevelopmentPlan p) {
            id = p.id; tenant = p.tenant; opportunity = p.opportunity; owner = p.owner; steps = p.steps;
            createdAt = p.createdAt; updatedAt = p.updatedAt; version = p.version;
        }

        public Builder id(DevelopmentPlanId value) { id = value; return this; }
        public Builder tenant(TenantId value) { tenant = value; return this; }
        public Builder opportunity(OpportunityId value) { opportunity = value; return this; }
        public Builder owner(UserId value) { owner = value; return this; }
        public Builder steps(List<PlanStep> value) { steps = value; return this; }
        public Builder createdAt(Instant value) { createdAt = value; return this; }
        public Builder updatedAt(Instant value) { updatedAt = value; return this; }
        public Builder version(long value) { version = value; return this; }

        public DevelopmentPlan build() {
            return new DevelopmentPlan(id, tenant, opportunity, owner, steps, createdAt, updatedAt, version);
        }
    }
}
