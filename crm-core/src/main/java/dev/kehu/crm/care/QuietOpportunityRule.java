package dev.kehu.crm.care;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.opportunity.Opportunities;
import dev.kehu.crm.opportunity.Opportunity;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Open opportunities whose last change (any edit, stage move or estimate: {@code updatedAt}) was {@code days} or
 * more days ago, counted in days of the clock's zone. "Activity" is the opportunity's own last change: activities
 * recorded against it do not change it, so a deal worked only through calls still reads as quiet. The owner is
 * reminded once per quiet spell: the key holds the day it became quiet (last change + {@code days}), so the next
 * change starts a new spell. Uses the index on status and time of the last change.
 */
final class QuietOpportunityRule implements CareRule<Opportunity> {
    private final Opportunities opportunities;
    private final ZoneId zone;
    private final int days;

    QuietOpportunityRule(Opportunities opportunities, ZoneId zone, int days) {
        this.opportunities = opportunities;
        this.zone = zone;
        this.days = days;
    }

    @Override
    public String name() {
        return CareRules.QUIET_OPPORTUNITIES;
    }

    @Override
    public List<Opportunity> page(TenantId tenant, LocalDate today, Opportunity after, int limit) {
        // Last changed on or before today - days: before the start of the day after.
        return opportunities.openUnchangedSince(tenant, today.minusDays(days - 1L).atStartOfDay(zone).toInstant(),
                after, limit);
    }

    @Override
    public List<ReminderCandidate> candidates(TenantId tenant, List<Opportunity> rows, LocalDate today) {
        return rows.stream().map(o -> {
            LocalDate lastChange = LocalDate.ofInstant(o.updatedAt(), zone);
            return new ReminderCandidate(Opportunity.RECORD_TYPE, o.id().value(), o.id().value(),
                    lastChange.plusDays(days), o.owner(), o.subject(),
                    Map.of("lastChange", lastChange.toString(), "days", Integer.toString(days)));
        }).toList();
    }
}
