package dev.kehu.crm.lead;

import dev.kehu.crm.common.UserId;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which leads to list; {@code null} criteria are ignored.
 *
 * @param statuses leads in one of these statuses; empty for any
 */
public record LeadQuery(UserId owner, Set<LeadStatus> statuses) {
    public LeadQuery {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    public static LeadQuery all() {
        return new LeadQuery(null, Set.of());
    }

    public LeadQuery withOwner(UserId value) {
        return new LeadQuery(value, statuses);
    }

    public LeadQuery withStatuses(Set<LeadStatus> value) {
        return new LeadQuery(owner, value);
    }

    /** Whether {@code lead} matches; the reference semantics every store must reproduce. */
    public boolean matches(Lead lead) {
        if (owner != null && !owner.equals(lead.owner())) return false;
        return statuses.isEmpty() || statuses.contains(lead.status());
    }
}
