package dev.kehu.crm.plan;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.opportunity.OpportunityId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Port: where development plans are kept. Every method takes part in the calling thread's transaction of the
 * same store.
 */
public interface DevelopmentPlans {
    Optional<DevelopmentPlan> find(TenantId tenant, DevelopmentPlanId id);

    /**
     * Inserts a plan of version 0, or updates one whose stored version equals {@code plan.version()}; its steps
     * are stored with it, in order.
     *
     * @return the plan as stored, with its new version
     * @throws dev.kehu.crm.common.StaleRecordException when the stored version differs (or the record is gone,
     *         or an insert finds the id taken); nothing is written
     */
    DevelopmentPlan save(DevelopmentPlan plan);

    /** The plans for the opportunity, by id. */
    List<DevelopmentPlan> ofOpportunity(TenantId tenant, OpportunityId opportunity);

    /** The plans the person carries out, by id. */
    List<DevelopmentPlan> ownedBy(TenantId tenant, UserId owner);

    // Care reminders

    /**
     * The steps without a result planned for a day before {@code today}, of the tenant's plans whose opportunity is
     * still open: by plan id, then step number, after the step {@code after} (none: from the first), at most
     * {@code limit} (1–1000). Answered from an index on the steps' done date and planned date.
     */
    List<OverdueStep> overdueSteps(TenantId tenant, LocalDate today, OverdueStep after, int limit);
}
