package dev.kehu.crm.opportunity;

import dev.kehu.crm.common.TenantId;

/**
 * What the stage rules need to know about an opportunity that is kept elsewhere (whether a quote was made).
 * Kehu supplies it from its own records; it is a port so the opportunity rules do not depend on quotes. A move
 * asks it only when the target stage has an entry criterion it answers ({@link EntryCriterion#QUOTE_MADE}).
 */
@FunctionalInterface
public interface OpportunityFactFinder {
    OpportunityFacts factsOf(TenantId tenant, OpportunityId opportunity);
}
