package dev.kehu.crm.store.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.plan.DevelopmentPlan;
import dev.kehu.crm.plan.DevelopmentPlanId;
import dev.kehu.crm.plan.DevelopmentPlans;
import dev.kehu.crm.plan.OverdueStep;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityStatus;
import dev.kehu.crm.store.internal.Tables.Key;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

public final class MemoryDevelopmentPlans implements DevelopmentPlans {
    /** Overdue steps by plan id (code point order), then step number. */
    private static final Comparator<OverdueStep> OVERDUE = Comparator
            .comparing((OverdueStep s) -> s.plan().value(), Ordering.TEXT)
            .thenComparingInt(s -> s.step().number());

    private final MemoryTransactions transactions;
    private final VersionedTable<DevelopmentPlan> plans;

    public MemoryDevelopmentPlans(MemoryTransactions transactions) {
        this.transactions = transactions;
        plans = new VersionedTable<>(transactions, DevelopmentPlan.RECORD_TYPE, tables -> tables.plans,
                DevelopmentPlan::version);
    }

    @Override
    public Optional<DevelopmentPlan> find(TenantId tenant, DevelopmentPlanId id) {
        return plans.find(tenant, id.value());
    }

    @Override
    public DevelopmentPlan save(DevelopmentPlan plan) {
        requireNonNull(plan, "plan");
        return plans.save(plan.tenant(), plan.id().value(), plan.version(),
                version -> plan.toBuilder().version(version).build());
    }

    @Override
    public List<DevelopmentPlan> ofOpportunity(TenantId tenant, OpportunityId opportunity) {
        requireNonNull(opportunity, "opportunity");
        return plans.list(tenant, p -> p.opportunity().equals(opportunity), Ordering.PLANS_BY_ID);
    }

    @Override
    public List<DevelopmentPlan> ownedBy(TenantId tenant, UserId owner) {
        requireNonNull(owner, "owner");
        return plans.list(tenant, p -> p.owner().equals(owner), Ordering.PLANS_BY_ID);
    }

    @Override
    public List<OverdueStep> overdueSteps(TenantId tenant, LocalDate today, OverdueStep after, int limit) {
        requireNonNull(today, "today");
        VersionedTable.checkLimit(limit);
        return transactions.read(tables -> Tables.ofTenant(tables.plans, tenant)
                .filter(plan -> isOpen(tables.opportunities.get(new Key(tenant, plan.opportunity().value()))))
                .flatMap(plan -> plan.steps().stream().filter(step -> step.isOverdue(today))
                        .map(step -> new OverdueStep(plan.id(), plan.opportunity(), plan.owner(), step)))
                .filter(step -> after == null || OVERDUE.compare(step, after) > 0)
                .sorted(OVERDUE)
                .limit(limit)
                .toList());
    }

    private static boolean isOpen(Opportunity opportunity) {
        return opportunity != null && opportunity.status() == OpportunityStatus.OPEN;
    }
}
