package dev.kehu.crm.store.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.plan.DevelopmentPlan;
import dev.kehu.crm.plan.DevelopmentPlanId;
import dev.kehu.crm.plan.DevelopmentPlans;
import java.util.List;
import java.util.Optional;

public final class MemoryDevelopmentPlans implements DevelopmentPlans {
    private final VersionedTable<DevelopmentPlan> plans;

    public MemoryDevelopmentPlans(MemoryTransactions transactions) {
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
}
