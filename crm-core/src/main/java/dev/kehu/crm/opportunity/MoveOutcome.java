package dev.kehu.crm.opportunity;

import dev.kehu.crm.common.KehuException;

/**
 * What became of one opportunity in a batch move: moved, or refused with the code and message of the rule
 * that refused it.
 *
 * @param moved   the opportunity after the move, or {@code null} when refused
 * @param refusal the refusal's code, e.g. {@code opportunity.entry.QUOTE_MADE}, or {@code null} when moved
 */
public record MoveOutcome(OpportunityId id, Opportunity moved, String refusal, String message) {
    static MoveOutcome moved(Opportunity opportunity) {
        return new MoveOutcome(opportunity.id(), opportunity, null, null);
    }

    static MoveOutcome refused(OpportunityId id, KehuException refusal) {
        return new MoveOutcome(id, null, refusal.code(), refusal.getMessage());
    }

    public boolean isMoved() {
        return moved != null;
    }
}
