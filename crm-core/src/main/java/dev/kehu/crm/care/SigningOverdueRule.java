package dev.kehu.crm.care;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.opportunity.Opportunities;
import dev.kehu.crm.opportunity.Opportunity;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Open opportunities whose expected signing date is before today: the owner is reminded once per expected date
 * (moving the date and missing it again reminds again). Uses the index on status and expected signing date.
 */
final class SigningOverdueRule implements CareRule<Opportunity> {
    private final Opportunities opportunities;

    SigningOverdueRule(Opportunities opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public String name() {
        return CareRules.SIGNING_OVERDUE;
    }

    @Override
    public List<Opportunity> page(TenantId tenant, LocalDate today, Opportunity after, int limit) {
        return opportunities.openExpectedBefore(tenant, today, after, limit);
    }

    @Override
    public List<ReminderCandidate> candidates(TenantId tenant, List<Opportunity> rows, LocalDate today) {
        return rows.stream().map(o -> new ReminderCandidate(Opportunity.RECORD_TYPE, o.id().value(), o.id().value(),
                o.expectedSigningDate(), o.owner(), o.subject(),
                Map.of("expectedSigningDate", o.expectedSigningDate().toString()))).toList();
    }
}
